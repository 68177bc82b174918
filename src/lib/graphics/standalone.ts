/**
 * A graphic as a file of its own, for reuse: the drawing with its title above, its key and a source line below, and
 * its style sheet in fixed colours, so it reads the same in any viewer, slide or document.
 *
 *   standaloneSvg({ scope: 'timeline-graphic', title, drawing, keys, css, credit: ['Source: …', 'Muscat talks briefing, as of …'] })
 *   → '<?xml …?><svg xmlns="http://www.w3.org/2000/svg" …>…</svg>'
 *
 * The file is XML: characters XML 1.0 forbids are dropped, "]]>" in text is escaped, and the file is parsed before it
 * is published (src/lib/output/xml.ts).
 */
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { s } from 'hastscript';
import { visit } from 'unist-util-visit';
import { assertWellFormedXml, wellFormedMarkup } from '../output/xml.ts';
import { LIGHT, type GraphicKey } from './style.ts';
import { estimateWidth, wrapText } from './text.ts';

export interface StandaloneOptions {
  /** The class the graphic's style sheet is written under ('timeline-graphic', 'actor-map', 'positions-matrix'). */
  scope: string;
  title: string;
  drawing: { svg: Element; width: number; height: number };
  keys: readonly GraphicKey[];
  /** The drawing's style sheet, in fixed colours. */
  css: string;
  /** Lines under the key: where the facts come from, the briefing and its date, its address when it has one. */
  credit: readonly string[];
  /** The file's name, for messages ('graphics/timeline.svg'). */
  file?: string;
}

const PAD = 16;
const TITLE = 18;
const SMALL = 12;
const LINE = 17;

/** Links in the drawing that are not absolute URLs lead nowhere outside the site: they are unwrapped. */
function keepAbsoluteLinks(tree: Element): Element {
  const copy = structuredClone(tree);
  visit(copy, 'element', (node, index, parent) => {
    if (node.tagName !== 'a' || !parent || index === undefined) return;
    const href = String(node.properties.href ?? '');
    if (/^https?:\/\//.test(href)) return;
    parent.children.splice(index, 1, ...node.children);
    return index;
  });
  return copy;
}

export function standaloneSvg({ scope, title, drawing, keys, css, credit, file: name = `the ${scope} graphic` }: StandaloneOptions): string {
  const width = Math.max(drawing.width + 2 * PAD, 480);
  const textWidth = width - 2 * PAD;
  const titleLines = wrapText(title, Math.floor(textWidth / (TITLE * 0.6)));
  let y = PAD + TITLE;
  const parts: ElementContent[] = [
    s('rect', { class: 'sa-bg', x: 0, y: 0, width: '100%', height: '100%' }),
    s('text', { class: 'sa-title', x: PAD, y }, titleLines.map((t, i) => s('tspan', { x: PAD, dy: i ? TITLE * 1.25 : 0 }, t))),
  ];
  y += (titleLines.length - 1) * TITLE * 1.25 + 12;
  const { svg } = drawing;
  const inner = keepAbsoluteLinks(svg);
  parts.push(s('svg', { ...inner.properties, x: PAD, y, width: drawing.width, height: drawing.height, class: undefined }, inner.children));
  y += drawing.height + 18;
  // The key, flowed in rows across the width.
  let x = PAD;
  const keyItems: ElementContent[] = [];
  for (const k of keys) {
    const w = (k.width ?? 14) + 6 + estimateWidth(k.label, SMALL) + 18;
    if (x > PAD && x + w > width - PAD) { x = PAD; y += LINE; }
    keyItems.push(s('g', { transform: `translate(${x} ${y - 11})` }, [
      s('svg', { width: k.width ?? 14, height: 14, overflow: 'visible' }, k.swatch),
      s('text', { class: 'sa-key', x: (k.width ?? 14) + 6, y: 11 }, k.label),
    ]));
    x += w;
  }
  parts.push(s('g', { class: 'sa-keys' }, keyItems));
  y += LINE + 4;
  for (const line of credit.flatMap((c) => wrapText(c, Math.floor(textWidth / (SMALL * 0.56))))) {
    parts.push(s('text', { class: 'sa-credit', x: PAD, y }, line));
    y += LINE - 2;
  }
  const height = Math.ceil(y + PAD - 6);
  const style = `svg.${scope} { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
.${scope} .sa-bg { fill: ${LIGHT.bg}; }
.${scope} .sa-title { fill: ${LIGHT.fg}; font-size: ${TITLE}px; font-weight: 700; }
.${scope} .sa-key, .${scope} .sa-credit { fill: ${LIGHT.muted}; font-size: ${SMALL}px; }
${css}`;
  const root = s('svg', { xmlns: 'http://www.w3.org/2000/svg', class: scope, viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', ariaLabel: title, lang: 'en' }, [
    s('title', title), s('style', style), ...parts,
  ]);
  const file = wellFormedMarkup(`<?xml version="1.0" encoding="UTF-8"?>\n${toHtml(root, { space: 'svg', closeSelfClosing: true })}\n`);
  assertWellFormedXml(name, file, 'reword the text at that place in content/ (src/lib/graphics/standalone.ts drops the characters XML forbids and escapes "]]>", but cannot write this).');
  return file;
}
