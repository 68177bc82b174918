/**
 * Finds words glued together across element edges: text that a reader sees as one run, where a word or a
 * closing punctuation mark is followed, over an element's start or end, by a word or an opening bracket with no
 * space between them.
 *
 *   <p>See the<a href="/glossary/">glossary</a>.</p>   →  "See the|glossary"
 *   <p>2026<a href="#s">(sources)</a></p>              →  "2026|(sources)"
 *   <h3><span>2015</span>:The 2015 agreement</h3>      →  "2015|:The 2015 agreement"
 *
 * A colon or semicolon (or a comma before a letter) just after an element's end, with a word straight after it, counts
 * too: the reader sees "2015:The". And in plain text (a PDF's, read with pdftotext), findGluedColons finds a word, a
 * colon and a word with no space ("2015:The"), leaving URLs ("https://…") and clock times ("10:30") be.
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
/** A separator with the next word glued to it: ":The", ";the", ",the" (not ",000"). */
const GLUED_SEPARATOR = /^(?:[:;][\p{L}\p{N}]|,\p{L})/u;

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
    // A separator that follows an element's end, glued to the next word: "<span>2015</span>:The".
    else if (before && edges.length && GLUED_SEPARATOR.test(piece.text))
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

/** Words glued to a colon in plain text ("2015:The", "Undated:Bashar"), each with a little context; URLs and times are not. */
export function findGluedColons(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(\S*?)([\p{L}\p{N})\]])([:;])([\p{L}\p{N}])(\S{0,20})/gu)) {
    const [whole, lead = '', last = '', mark, next = ''] = m;
    if (mark === ':' && /^\d$/.test(last) && /^\d$/.test(next)) continue; // a time or a ratio: 10:30
    if (mark === ':' && /(^|[^\p{L}])(https?|mailto|urn|doi|file)$/iu.test(lead + last)) continue; // a URL's scheme
    found.push(whole.slice(-40));
  }
  return found;
}
