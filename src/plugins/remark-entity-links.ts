/**
 * remark-entity-links: links the first mention per section of every glossary term and actor to its page, and
 * records every entry mentioned (for "Mentioned in" backlinks). The rules live in src/plugins/entity-linker.ts.
 *
 * In (content/briefing/overview.mdx):
 *   ## Key facts
 *   Tehran wants its right to enrichment recognised; Iran's negotiators…
 * Out:
 *   <h2>Key facts</h2>
 *   <p><a href="/actors/iran/" class="xref xref-actor" data-preview="Iran: …">Tehran</a> wants its right to
 *   <a href="/glossary/enrichment/" class="xref xref-term" data-preview="Enrichment: …">enrichment</a> recognised;
 *   Iran's negotiators…</p>            (Iran is linked once per section)
 *   and file.data.astro.frontmatter.mentions = ['actors/iran', 'glossary/enrichment']
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { collectionRows } from '../schemas/collections.ts';
import { createMatcher, linkEntities, type FirstOnly, type LinkTarget } from './entity-linker.ts';

export interface RemarkEntityLinksOptions {
  targets: readonly LinkTarget[];
  firstOnly?: FirstOnly;
}

/** The folders of MDX collections (collection table), each with its collection's name. */
const MDX_FOLDERS = new Map(collectionRows().filter(([, spec]) => spec.format === 'mdx').map(([name, spec]) => [spec.folder, name]));

/** "…/content/glossary/enrichment.mdx" → "glossary/enrichment": the entry a file is, so it never links to itself. */
export function entryKeyOf(path: string | undefined): string | undefined {
  const m = /(?:^|[\\/])([^\\/]+)[\\/]([^\\/]+)\.mdx?$/.exec(path ?? '');
  const collection = m ? MDX_FOLDERS.get(m[1]!) : undefined;
  return collection ? `${collection}/${m![2]}` : undefined;
}

export default function remarkEntityLinks(options: RemarkEntityLinksOptions) {
  const matcher = createMatcher(options.targets);
  return (tree: Root, file: VFile) => {
    const mentions = linkEntities(tree, matcher, { firstOnly: options.firstOnly ?? 'section', selfKey: entryKeyOf(file.path) });
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.mentions = mentions;
  };
}
