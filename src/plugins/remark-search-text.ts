/**
 * remark-search-text: records an MDX body's plain text, cut into sections at its headings, for the page manifest's
 * search documents (src/lib/pages/site-pages.ts). Nothing in the tree changes.
 *
 * In:   Intro text<Cite p="3" />.
 *       ## At the table
 *       Iran has edged back towards **indirect** talks.
 * Out:  file.data.astro.frontmatter.searchText = [
 *         { text: 'Intro text.' },
 *         { heading: 'At the table', depth: 2, text: 'Iran has edged back towards indirect talks.' },
 *       ]
 *
 * Citation markers, components and code expressions carry no text of their own here, as on the page's indexed text.
 */
import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';

export interface TextSection {
  /** The heading that opens the section; none for the text before the first heading. */
  heading?: string;
  depth?: number;
  text: string;
}

const BLOCK = new Set(['paragraph', 'heading', 'listItem', 'tableCell', 'blockquote', 'list', 'table', 'tableRow']);
const SKIP = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm', 'code', 'html', 'yaml']);

/** The text of a node: text and inline code values, blocks separated by a space, JSX and expressions left out. */
export function plainText(node: Nodes): string {
  if (SKIP.has(node.type)) return '';
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (!('children' in node)) return '';
  const inner = (node.children as Nodes[]).map(plainText).join('');
  return BLOCK.has(node.type) ? ` ${inner} ` : inner;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').replace(/\s+([.,;:!?)])/g, '$1').trim();

export function searchSections(tree: Root): TextSection[] {
  const sections: TextSection[] = [{ text: '' }];
  for (const node of tree.children) {
    if (node.type === 'heading') sections.push({ heading: clean(plainText(node)), depth: node.depth, text: '' });
    else sections[sections.length - 1]!.text += plainText(node);
  }
  return sections.map((s) => ({ ...s, text: clean(s.text) })).filter((s, i) => i > 0 || s.text);
}

export default function remarkSearchText() {
  return (tree: Root, file: VFile) => {
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.searchText = searchSections(tree);
  };
}
