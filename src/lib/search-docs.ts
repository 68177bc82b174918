/**
 * Reads what Pagefind indexes out of a built page, so the offline edition's search indexes exactly the same text,
 * filters and weights: the `[data-pagefind-body]` element minus `[data-pagefind-ignore]` parts, the
 * `data-pagefind-filter` / `data-pagefind-meta` tags, text weighted 10 (names and aliases) as keywords, and the
 * stretches between headings with ids as sections (Pagefind's sub-results).
 */
import type { Element, ElementContent, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';

export interface SearchSection {
  /** Id of the heading that opens the section; none for the text before the first such heading. */
  anchor?: string;
  heading: string;
  text: string;
}

export interface SearchDoc {
  /** Site-relative URL of the page, e.g. "/actors/iran/". */
  url: string;
  title: string;
  type: string;
  summary: string;
  actors: string[];
  issues: string[];
  /** Text the page weights highest (its name and aliases). */
  keywords: string;
  sections: SearchSection[];
}

const prop = (el: Element, name: string) => {
  const v = el.properties[name];
  return Array.isArray(v) ? v.join(' ') : v === undefined || v === null ? undefined : String(v);
};

/** Inline values: "actor:iran" → ["actor", "iran"]. */
function inlinePairs(root: Root, attribute: 'dataPagefindFilter' | 'dataPagefindMeta'): [string, string][] {
  const selector = attribute === 'dataPagefindFilter' ? '[data-pagefind-filter]' : '[data-pagefind-meta]';
  return selectAll(selector, root).flatMap((el) => {
    const raw = prop(el, attribute) ?? '';
    const at = raw.indexOf(':');
    return at > 0 ? [[raw.slice(0, at).trim(), raw.slice(at + 1).trim()] as [string, string]] : [];
  });
}

const HEADING = /^h[1-6]$/;
const BLOCK = /^(p|li|dt|dd|td|th|h[1-6]|div|section|blockquote|figcaption|caption|tr|ul|ol|dl|table)$/;

/** Returns null for pages Pagefind would not index (no data-pagefind-body). */
export function extractSearchDoc(tree: Root, url: string): SearchDoc | null {
  const body = select('[data-pagefind-body]', tree);
  if (!body) return null;
  const pairs = [...inlinePairs(tree, 'dataPagefindFilter'), ...inlinePairs(tree, 'dataPagefindMeta')];
  const values = (key: string) => [...new Set(pairs.filter(([k]) => k === key).map(([, v]) => v))];
  const h1 = select('h1', body);
  const title = h1 ? toString(h1).trim() : url;

  const sections: SearchSection[] = [{ heading: title, text: '' }];
  const keywords: string[] = [];
  const walk = (nodes: ElementContent[], weighted: boolean) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        const current = sections[sections.length - 1]!;
        current.text += node.value;
        if (weighted) keywords.push(node.value);
        continue;
      }
      if (node.type !== 'element' || prop(node, 'dataPagefindIgnore') !== undefined || node.properties.hidden) continue;
      const id = prop(node, 'id');
      if (HEADING.test(node.tagName) && id && node.tagName !== 'h1') {
        sections.push({ anchor: id, heading: toString(node).trim(), text: '' });
      }
      const heavy = weighted || Number(prop(node, 'dataPagefindWeight') ?? 0) >= 10;
      walk(node.children, heavy);
      // Block boundaries separate words, as a browser's text layout would.
      if (BLOCK.test(node.tagName)) sections[sections.length - 1]!.text += ' ';
    }
  };
  walk(body.children, false);
  const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
  return {
    url,
    title,
    type: values('type')[0] ?? '',
    summary: values('summary')[0] ?? '',
    actors: values('actor'),
    issues: values('issue'),
    keywords: clean(keywords.join(' ')),
    sections: sections.map((s) => ({ ...s, text: clean(s.text) })).filter((s, i) => i === 0 || s.text || s.heading),
  };
}
