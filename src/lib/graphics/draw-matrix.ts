/**
 * The positions matrix as SVG, for the standalone file (the page's grid is an HTML table, PartyGrid.astro): a row
 * per party with a current position (its officials' stances rolled in, src/lib/content/parties.ts), a column per issue, each
 * cell the stance(s) by symbol and word, an official's under its name. Colour is never the only cue: every stance has
 * its symbol and its word.
 *
 *   drawMatrix(rows, columns, cells, { positionHref }) → { svg, width, height }
 */
import type { Element, ElementContent } from 'hast';
import { s } from 'hastscript';
import { STANCES, type Stance } from '../../schemas/stance.ts';
import { estimateWidth, wrapText } from './text.ts';
import { colour, type GraphicKey, type Paint } from './style.ts';

export interface MatrixCell {
  id: string;
  stance: Stance;
  /** Who stated it, when not the party itself: drawn on a line of its own above the stance. */
  speaker?: string | undefined;
}
export interface MatrixInput {
  rows: readonly { id: string; label: string }[];
  columns: readonly { id: string; label: string }[];
  /** Current positions by "party|issue". */
  cells: ReadonlyMap<string, readonly MatrixCell[]>;
}

const ROW_HEAD = 150;
const COL = 104;
const LINE = 15;
const FONT = 12;

/** The key: each stance used, symbol and word. */
export const matrixKeys = (used: readonly Stance[]): GraphicKey[] =>
  used.map((k) => ({ width: 14, swatch: [s('text', { class: 'sym', x: 7, y: 11, textAnchor: 'middle' }, STANCES[k].symbol)], label: `${STANCES[k].label}: ${STANCES[k].description}` }));

export function drawMatrix({ rows, columns, cells }: MatrixInput, { positionHref, idPrefix }: { positionHref?: (id: string) => string; idPrefix: string }): { svg: Element; width: number; height: number } {
  const heads = columns.map((c) => wrapText(c.label, 12));
  const headHeight = Math.max(...heads.map((h) => h.length)) * LINE + 10;
  const lines = (list: readonly MatrixCell[]) => list.reduce((n, p) => n + (p.speaker ? 2 : 1), 0);
  const heights = rows.map((r) => Math.max(1, ...columns.map((c) => lines(cells.get(`${r.id}|${c.id}`) ?? []))) * LINE + 10);
  const width = ROW_HEAD + columns.length * COL;
  const height = headHeight + heights.reduce((a, b) => a + b, 0);
  const link = (id: string, child: ElementContent) => (positionHref ? s('a', { href: positionHref(id) }, [child]) : child);
  let y = headHeight;
  const body = rows.flatMap((r, i) => {
    const top = y;
    y += heights[i]!;
    return [
      s('line', { class: 'grid', x1: 0, x2: width, y1: top, y2: top }),
      s('text', { class: 'row-head', x: 4, y: top + LINE }, wrapText(r.label, 22).slice(0, 2).map((t, j) => s('tspan', { x: 4, dy: j ? LINE : 0 }, t))),
      ...columns.flatMap((c, j) => {
        const here = cells.get(`${r.id}|${c.id}`) ?? [];
        const x = ROW_HEAD + j * COL + 6;
        if (!here.length) return [s('text', { class: 'none', x, y: top + LINE }, '–')];
        let line = 0;
        return here.map((p) => {
          const who = p.speaker ? [s('tspan', { class: 'who', x, y: top + LINE * ++line }, p.speaker)] : [];
          return link(p.id, s('text', { class: `cell stance-${p.stance}`, x, y: top + LINE * ++line }, [
            ...who, s('tspan', { class: 'sym', x, y: top + LINE * line }, STANCES[p.stance].symbol), ` ${STANCES[p.stance].label}`,
          ]));
        });
      }),
    ];
  });
  const svg = s('svg', { class: 'matrix-svg', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', ariaLabelledBy: `${idPrefix}-title` }, [
    s('title', { id: `${idPrefix}-title` }, 'Stances by party (rows) and issue (columns); an official’s stance under its name'),
    ...columns.map((_, j) => s('text', { class: 'col-head', x: ROW_HEAD + j * COL + 6, y: LINE }, heads[j]!.map((t, k) => s('tspan', { x: ROW_HEAD + j * COL + 6, dy: k ? LINE : 0 }, t)))),
    ...columns.map((_, j) => s('line', { class: 'grid', x1: ROW_HEAD + j * COL, x2: ROW_HEAD + j * COL, y1: 0, y2: height })),
    ...body,
  ]);
  return { svg, width, height };
}

/** A generous width check the tests use: every cell's words fit its column. */
export const cellFits = (stance: Stance) => estimateWidth(`${STANCES[stance].symbol} ${STANCES[stance].label}`, FONT) <= COL - 8;

export function matrixStyle(paint: Paint): string {
  const c = colour(paint);
  const m = '.positions-matrix';
  return `${m} svg { font-size: ${FONT}px; }
${m} .grid { stroke: ${c('line')}; stroke-width: 1; }
${m} .col-head, ${m} .row-head { fill: ${c('fg')}; font-weight: 600; }
${m} .cell { fill: ${c('link')}; }
${m} .none { fill: ${c('muted')}; }
${m} .sym { font-weight: 700; }
${m} .who { fill: ${c('fg')}; font-weight: 600; }`;
}
