/**
 * Puts a page's body into the one-document briefing (/brief/), where several pages' bodies share one HTML document:
 * its ids (and the in-page links to them) get the page's prefix, so two pages' "Open questions" headings cannot
 * collide, and its headings move one level down, under the page's own h2.
 *
 *   nestFragment('<h2 id="europe">Europe</h2><a href="#europe">…</a>', 'regional-stakes')
 *   → '<h3 id="regional-stakes-europe">Europe</h3><a href="#regional-stakes-europe">…</a>'
 *
 * Links to endnotes (#note-…, which the brief itself holds once) are left as they are. Parsed and printed with
 * rehype, never with regular expressions.
 */
import type { Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5'];
const keep = (id: string) => id.startsWith('note-');

export function nestFragment(html: string, prefix: string): string {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html) as Root;
  visit(tree, 'element', (node) => {
    const p = node.properties;
    if (typeof p.id === 'string' && !keep(p.id)) p.id = `${prefix}-${p.id}`;
    if (typeof p.href === 'string' && p.href.startsWith('#') && p.href.length > 1 && !keep(p.href.slice(1))) p.href = `#${prefix}-${p.href.slice(1)}`;
    const level = HEADINGS.indexOf(node.tagName);
    if (level >= 0) node.tagName = `h${level + 2}`;
  });
  return unified().use(rehypeStringify).stringify(tree);
}
