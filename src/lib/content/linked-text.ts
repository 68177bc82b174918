import type { Paragraph, Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { linkEntities, type LinkOptions, type Matcher } from '../../plugins/entity-linker.ts';

/**
 * A plain string from frontmatter (a summary, a definition) with its mentions linked, as escaped HTML, by the same
 * linker as MDX bodies. Pass one `linked` set to several calls to link each entry once across them.
 */
export function linkedHtml(text: string, matcher: Matcher, options: LinkOptions = {}): { html: string; mentions: string[] } {
  const paragraph: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: text }] };
  const tree: Root = { type: 'root', children: [paragraph] };
  const mentions = linkEntities(tree, matcher, { firstOnly: 'page', ...options });
  const hast = toHast(paragraph);
  const html = hast.type === 'element' ? toHtml(hast.children) : toHtml(hast);
  return { html, mentions };
}
