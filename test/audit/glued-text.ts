/**
 * Finds words glued together across element edges: text that a reader sees as one run, where a word or a
 * closing punctuation mark is followed, over an element's start or end, by a word or an opening bracket with no
 * space between them.
 *
 *   <p>See the<a href="/glossary/">glossary</a>.</p>   →  "See the|glossary"
 *   <p>2026<a href="#s">(sources)</a></p>              →  "2026|(sources)"
 *
 * A bracket glued to the word before it where a link opens ("2026(<a>sources</a>)") counts too.
 *
 * Not glued: a word split by markup inside it (<mark>, <wbr>), possessives and hyphens ("Iran’s", "co-"), the [¶3]
 * citation marks in <sup> (they start with [ or ¶), and what no reader sees as running text: <head>, <title>, <script>,
 * <style>, <template>, <svg> (the graphics place their words themselves). Hidden elements count: scripts show
 * them. Block elements and <br> break the run. Pure: a hast tree in, findings out.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from './hast.ts';

export interface GluedText {
  /** The text either side of the edge, with a | where the space is missing. */
  context: string;
  /** The element whose edge the two words meet at. */
  element: string;
}

/** Elements that flow inside a line of text; any other element starts and ends a run. */
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'label', 'mark', 'q',
  's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'output',
]);
/** Elements whose text no reader sees as part of the page's running text. */
const SKIP = new Set(['head', 'title', 'script', 'style', 'template', 'svg', 'math', 'textarea', 'select']);
/** Elements that split a word on purpose: letters may meet at their edges. */
const IN_WORD = new Set(['mark', 'wbr']);

const ENDS_WORD = /[\p{L}\p{N}.,;:!?)\]”»]$/u;
const STARTS_WORD = /^[\p{L}\p{N}([“«]/u;
const OPEN_AFTER_WORD = /[\p{L}\p{N}][([]$/u;
const LETTER_END = /[\p{L}]$/u;
const LETTER_START = /^[\p{L}]/u;

type Piece = { text: string } | { edge: string } | { block: true };

function flatten(nodes: readonly (RootContent | ElementContent)[], out: Piece[]): void {
  for (const node of nodes) {
    if (node.type === 'text') out.push({ text: node.value });
    else if (node.type === 'element') {
      const el = node as Element;
      if (SKIP.has(el.tagName)) { out.push({ block: true }); continue; }
      if (el.tagName === 'br' || !INLINE.has(el.tagName) && el.tagName !== 'wbr') {
        out.push({ block: true });
        flatten(el.children, out);
        out.push({ block: true });
        continue;
      }
      out.push({ edge: el.tagName });
      flatten(el.children, out);
      out.push({ edge: el.tagName });
    }
  }
}

export function findGluedText(tree: Root): GluedText[] {
  const pieces: Piece[] = [];
  flatten(tree.children, pieces);
  const found: GluedText[] = [];
  let before = '';
  let edges: string[] = [];
  for (const piece of pieces) {
    if ('block' in piece) { before = ''; edges = []; continue; }
    if ('edge' in piece) { if (before) edges.push(piece.edge); continue; }
    if (!piece.text) continue;
    // A bracket glued to the word before it, opening onto an element: "2026(<a>sources</a>)".
    if (before && edges.length && OPEN_AFTER_WORD.test(before) && !edges.includes('sup'))
      found.push({ context: `${before.slice(-30).trimStart()}|${piece.text.slice(0, 30).trimEnd()}`, element: edges[0]! });
    else if (before && edges.length && ENDS_WORD.test(before) && STARTS_WORD.test(piece.text)) {
      const inWord = edges.some((e) => IN_WORD.has(e)) && LETTER_END.test(before) && LETTER_START.test(piece.text);
      const citation = edges.includes('sup') && /^[[¶]/.test(piece.text);
      if (!inWord && !citation) found.push({ context: `${before.slice(-30).trimStart()}|${piece.text.slice(0, 30).trimEnd()}`, element: edges[0]! });
    }
    // Only the text since the last edge counts as "before"; a space anywhere resets the run.
    before = /\s$/.test(piece.text) ? '' : (edges.length ? piece.text : before + piece.text);
    edges = [];
  }
  return found;
}

export const findGluedInHtml = (html: string): GluedText[] => findGluedText(fromHtml(html));
