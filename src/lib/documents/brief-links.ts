/**
 * Where a link to a page of the site lands inside the whole briefing as one document (/brief/), for a copy that has
 * no site to link to: the PDF printed without SITE_URL. Each link to a page the brief holds an entry for goes to that
 * entry; any other link on the site's host (it would resolve to the placeholder address) becomes plain text; links to
 * other hosts and anchors stay as they are.
 *
 *   <a href="/actors/iran/">Iran</a>                        → <a href="#actors-iran">Iran</a>        (the Actors part)
 *   <a href="/glossary/jcpoa/">JCPOA</a>                    → <a href="#glossary-jcpoa">JCPOA</a>    (the Glossary)
 *   <a href="/sources/muscat-2026-02-06/#p3">¶3</a>         → <a href="#note-muscat-2026-02-06-3">¶3</a>
 *   <a href="/briefing/positions/#every-stance">…</a>        → <a href="#positions-every-stance">…</a>
 *   <a href="/data/">open data</a>                          → open data                               (no entry: text)
 *   <a href="/sources/…/#p3" data-hosted-only>(source page)</a> → removed (it only means something on the site)
 *
 * A link whose target is the element it sits in (a position's headline in its own entry) becomes text too. Pure:
 * a hast tree in, the same tree rewritten; unit-tested on test/fixtures/brief-links/.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { CollectionName } from '../../schemas/common.ts';
import { endnoteId } from './cite-target.ts';

/** The brief's parts that list one entry per page of a collection, with the id each entry carries. */
const ENTRY_PARTS = ['actors', 'issues', 'glossary', 'positions'] as const satisfies readonly CollectionName[];
type EntryPart = (typeof ENTRY_PARTS)[number];

/**
 * The id of an entry in the brief's part for its collection: "actors-iran", "glossary-jcpoa". The positions part is
 * the positions page's body, nested under its id (one-document.ts), so its entries are "positions-<position id>" too.
 */
export const briefEntryId = (collection: EntryPart, id: string): string => `${collection}-${id}`;

/** The id of a source's heading in the brief's endnotes. */
export const briefSourceId = (sourceId: string): string => `source-${sourceId}`;

/** The index pages, and the part of the brief each one is. */
const INDEX_PARTS: Record<string, string> = { 'actors/': 'actors', 'issues/': 'issues', 'timeline/': 'timeline', 'glossary/': 'glossary', 'sources/': 'endnotes' };

/**
 * The id in the brief a site-relative path (base removed, "actors/iran/") and fragment ("p3", or "") land on, or
 * undefined when the brief has no place for it.
 */
export function briefTarget(path: string, fragment: string): string | undefined {
  const part = INDEX_PARTS[path];
  if (part) return path === 'timeline/' && fragment ? `event-${fragment}` : part;
  if (path === '') return fragment ? `overview-${fragment}` : 'overview';
  const entry = /^([a-z]+)\/([^/]+)\/$/.exec(path);
  if (!entry) return undefined;
  const [, folder, id] = entry as unknown as [string, string, string];
  if (folder === 'briefing') return fragment ? `${id}-${fragment}` : id;
  if (folder === 'sources') {
    const paragraph = /^p(\d+)$/.exec(fragment);
    return paragraph ? endnoteId(id, Number(paragraph[1])) : briefSourceId(id);
  }
  return (ENTRY_PARTS as readonly string[]).includes(folder) ? briefEntryId(folder as EntryPart, id) : undefined;
}

/**
 * The site-relative path and fragment of a link that resolves on the brief's own host ("/b/actors/iran/" under the
 * base "/b/" → "actors/iran/"), null for one on that host outside the site, undefined for an anchor or another host.
 */
function sitePath(href: string, base: string): { path: string; fragment: string } | null | undefined {
  if (href.startsWith('#') || href.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(href)) return undefined;
  const [pathAndQuery = '', fragment = ''] = href.split('#', 2);
  const path = pathAndQuery.split('?')[0]!;
  const root = base.endsWith('/') ? base : `${base}/`;
  if (path !== root.slice(0, -1) && !path.startsWith(root)) return null;
  return { path: path.slice(root.length), fragment: decodeURIComponent(fragment) };
}

/** Rewrites the brief's links to other pages of the site to places within it, or to text (see above); returns the tree. */
export function linksWithinBrief(tree: Root, base: string): Root {
  const ids = new Set<string>();
  visit(tree, 'element', (node) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id);
  });
  const rewrite = (node: Element, ancestors: readonly string[]): Element['children'] | undefined => {
    const href = node.properties.href;
    if (node.tagName !== 'a' || typeof href !== 'string') return undefined;
    const link = sitePath(href, base);
    if (link === undefined) return undefined;
    if (node.properties.dataHostedOnly !== undefined) return [];
    const target = link && briefTarget(link.path, link.fragment);
    if (target && ids.has(target) && !ancestors.includes(target)) {
      node.properties.href = `#${target}`;
      return undefined;
    }
    return node.children;
  };
  const walk = (parent: Root | Element, ancestors: readonly string[]): void => {
    for (let i = 0; i < parent.children.length; i++) {
      const child = parent.children[i]!;
      if (child.type !== 'element') continue;
      const replaced = rewrite(child, ancestors);
      if (replaced) {
        parent.children.splice(i, 1, ...replaced);
        i--; // walk what took its place
        continue;
      }
      walk(child, typeof child.properties.id === 'string' ? [...ancestors, child.properties.id] : ancestors);
    }
  };
  walk(tree, []);
  return tree;
}
