/**
 * How the graphics look, once for every place they are drawn. Each drawing carries its own <style> (SVG allows one
 * inside <svg>), with selectors under the graphic's class: on a page the colours are the page's variables, so dark
 * mode and the print palette apply; in a standalone file or the EPUB they are fixed, the light scheme's values.
 */
import type { Element, ElementContent } from 'hast';
import { s } from 'hastscript';

/** The light scheme's colours (the same values as :root in src/styles/global.css). */
export const LIGHT = { bg: '#fdfcfa', fg: '#1c1c1e', muted: '#55575d', line: '#d6d3cc', panel: '#f3f1ec', link: '#0b57a4', accent: '#8a4b00' } as const;
export type Colour = keyof typeof LIGHT;
export type Paint = 'page' | 'fixed';
export const colour = (paint: Paint) => (name: Colour) => (paint === 'page' ? `var(--${name})` : LIGHT[name]);

/** One entry of a graphic's key: a small drawing (14 px high) and what it stands for. */
export interface GraphicKey {
  swatch: ElementContent[];
  label: string;
  /** Width of the swatch drawing; 14 unless given. */
  width?: number;
}

export function timelineStyle(paint: Paint): string {
  const c = colour(paint);
  const t = '.timeline-graphic';
  return `${t} svg { font-size: 13px; }
${t} .axis line, ${t} .axis path, ${t} .axis-key { stroke: ${c('muted')}; stroke-width: 1.5; fill: none; }
${t} .axis text { fill: ${c('muted')}; font-size: 11.5px; }
${t} .break text { font-style: italic; }
${t} .mark { fill: ${c('fg')}; stroke: ${c('fg')}; stroke-width: 1.5; }
${t} .mark.derived { fill: ${c('bg')}; stroke: ${c('accent')}; stroke-dasharray: 2 1.5; }
${t} .mark.undated { fill: none; stroke: ${c('muted')}; stroke-dasharray: 1.5 2.5; stroke-linecap: round; }
${t} .leader { stroke: ${c('line')}; stroke-width: 1; fill: none; }
${t} .date { fill: ${c('muted')}; font-size: 12px; }
${t} .para { fill: ${c('link')}; font-size: 12px; }
${t} .title { fill: ${c('link')}; font-weight: 600; }
${t} a:hover .title, ${t} a:hover .para { text-decoration: underline; }
${t} .timeline-narrow { font-size: 15px; }
${t} .timeline-narrow .axis text, ${t} .timeline-narrow .date, ${t} .timeline-narrow .para { font-size: 14px; }`;
}

export function actorMapStyle(paint: Paint): string {
  const c = colour(paint);
  const m = '.actor-map';
  return `${m} .members line, ${m} .member-key { stroke: ${c('line')}; stroke-width: 1.5; }
${m} .relation line, ${m} .rel-key { stroke: ${c('accent')}; stroke-width: 2; }
${m} .arrowhead { fill: ${c('accent')}; }
${m} .rel-label rect { fill: ${c('bg')}; stroke: ${c('line')}; stroke-width: 0.75; }
${m} .rel-label text { fill: ${c('fg')}; }
${m} .node { fill: ${c('panel')}; stroke: ${c('muted')}; stroke-width: 1.2; }
${m} .node.kind-state, ${m} .node.kind-bloc { fill: ${c('bg')}; stroke: ${c('fg')}; stroke-width: 2; }
${m} .node.kind-organisation { stroke-dasharray: 4 2; }
${m} .nodes text { fill: ${c('link')}; font-weight: 600; }
${m} .nodes text.major { font-weight: 700; }
${m} .nodes a:hover text { text-decoration: underline; }`;
}

/** The style element a drawing carries. */
export const styleElement = (css: string): Element => s('style', css);

/** A drawing with its style sheet as its first child (once per page: a second drawing of the same graphic has none). */
export const withStyle = (svg: Element, css: string): Element => ({ ...svg, children: [styleElement(css), ...svg.children] });

/** A key's swatch as a small SVG, hidden from screen readers (the label says it). */
export const swatchSvg = (key: GraphicKey): Element =>
  s('svg', { width: key.width ?? 14, height: key.width ? 12 : 14, ariaHidden: 'true' }, key.swatch);
