/**
 * The timeline graphic as SVG (hast), drawn from its layout (timeline.ts). One drawing for every place it appears:
 * the timeline page (TimelineGraphic.astro), the one-document brief and its PDF and EPUB, and the standalone file
 * for reuse (standalone.ts). Classes carry the look; the caller supplies the style sheet (graphicStyle in style.ts).
 *
 *   drawTimeline(events, { eventHref: (id) => `#${id}`, paraHref, idPrefix: 'timeline' }) → { svg, keys }
 */
import type { Element } from 'hast';
import { s } from 'hastscript';
import { estimateWidth } from './text.ts';
import { layoutTimeline, type Mark, type TIMELINE_OPTIONS, type TimelineInput } from './timeline.ts';
import type { GraphicKey } from './style.ts';

export interface TimelineEvent extends TimelineInput {
  /** The paragraphs the event cites. */
  cites: readonly { source: string; n: number }[];
}

export interface DrawOptions {
  /** Where an event's label links (its entry on the timeline page, or in the brief). */
  eventHref: (id: string) => string;
  /** Where a paragraph mark links. */
  paraHref: (source: string, n: number) => string;
  /** Prefix of the ids inside the drawing, unique on the page. */
  idPrefix: string;
  /** Layout options: TIMELINE_NARROW for the phone drawing; the wide one by default. */
  layout?: Partial<typeof TIMELINE_OPTIONS>;
  /** Extra class on the <svg> ('timeline-wide', 'timeline-narrow'), for the style sheet. */
  className?: string;
}

/** The least width and height of a link's target, in drawing units (WCAG 2.5.8 asks 24 CSS px; a unit is 0.9 px or more wherever a drawing shows). */
const TARGET = 27;

/** The key under the graphic: each mark's shape and what it means. */
export const TIMELINE_KEYS: GraphicKey[] = [
  { swatch: [s('circle', { class: 'mark', cx: 7, cy: 7, r: 4.5 })], label: 'a day' },
  { swatch: [s('rect', { class: 'mark', x: 4, y: 1, width: 6, height: 12, rx: 2 })], label: 'a month or year' },
  { swatch: [s('rect', { class: 'mark derived', x: 4, y: 1, width: 6, height: 12, rx: 2 })], label: 'derived from relative wording' },
  { swatch: [s('path', { class: 'mark undated', d: 'M2 1H9V13H2' })], label: 'undated: somewhere in this stretch' },
  { swatch: [s('path', { class: 'axis-key', d: 'M7 0V3l-4 2 8 3 -8 3 4 2V14' })], label: 'a stretch in which the report dates no event' },
];

export function drawTimeline(events: readonly TimelineEvent[], { eventHref, paraHref, idPrefix, layout: options, className }: DrawOptions): { svg: Element; width: number; height: number } {
  const layout = layoutTimeline(events, options);
  const { axisX, labelX, lineHeight: lh, smallFont: small } = layout;
  const markOf = new Map(layout.marks.map((m) => [m.id, m]));
  const byId = new Map(events.map((e) => [e.id, e]));
  const years = events.filter((e) => e.on).map((e) => e.on!.slice(0, 4));
  const leaderStart = (m: Mark) => axisX + Math.max(m.dx, 0) + (m.shape === 'bracket' ? 0 : 5);
  const zigzag = (top: number, bottom: number) => {
    const mid = (top + bottom) / 2;
    return `M${axisX} ${top}V${mid - 6}l-5 3 10 3 -10 3 5 3V${bottom}`;
  };
  const markShape = (m: Mark) =>
    m.shape === 'point'
      ? s('circle', { class: ['mark', m.derived && 'derived'].filter(Boolean).join(' '), cx: axisX, cy: m.top, r: 4.5 })
      : m.shape === 'span'
        ? s('rect', { class: ['mark', m.derived && 'derived'].filter(Boolean).join(' '), x: axisX - 3 + m.dx, y: m.top, width: 6, height: m.bottom - m.top, rx: 2 })
        : s('path', { class: 'mark undated', d: `M${axisX + 2} ${m.top}H${axisX + m.dx}V${m.bottom}H${axisX + 2}` });

  const svg = s('svg', {
    class: ['timeline-svg', className].filter(Boolean).join(' '), viewBox: `0 0 ${layout.width} ${layout.height}`, width: layout.width, height: layout.height,
    role: 'group', ariaLabelledBy: `${idPrefix}-svg-title`, ariaDescribedBy: `${idPrefix}-svg-desc`,
  }, [
    s('title', { id: `${idPrefix}-svg-title` }, `Timeline of the events in the report, ${years[0]} to ${years.at(-1)}`),
    s('desc', { id: `${idPrefix}-svg-desc` },
      'A vertical time axis. Time is to scale inside each band; zigzag breaks stand for stretches in which the report ' +
      'dates no event, and name their ends. Month and year dates are bars, single days are dots, dates worked out from relative ' +
      'wording are hollow and marked derived, and undated events are dotted brackets over the stretch the report\'s wording ' +
      'allows (after or before another event), or the whole axis when it gives no order. Each event label links to its entry; each paragraph mark links to the source.'),
    s('g', { class: 'axis' }, [
      ...layout.bands.map((b) => s('line', { x1: axisX, x2: axisX, y1: b.top, y2: b.bottom })),
      ...layout.breaks.map((b) => s('g', { class: 'break' }, [
        s('path', { d: zigzag(b.top, b.bottom) }),
        s('text', { x: axisX - 12, y: (b.top + b.bottom) / 2 - 16, textAnchor: 'end' }, [
          s('tspan', `${b.from} →`),
          ...[`${b.to}:`, 'no dated', 'events'].map((t) => s('tspan', { x: axisX - 12, dy: small + 1 }, t)),
          s('title', `${b.length} in which the report dates no event`),
        ]),
      ])),
      ...layout.bands.flatMap((b) => b.ticks.map((t) => s('g', { class: 'tick' }, [
        s('line', { x1: axisX - 5, x2: axisX, y1: t.y, y2: t.y }),
        ...(t.label ? [s('text', { x: axisX - 9, y: t.y + 4, textAnchor: 'end' }, t.label)] : []),
      ]))),
    ]),
    s('g', { class: 'marks' }, layout.marks.map(markShape)),
    s('g', { class: 'labels' }, layout.labels.map((l) => {
      const m = markOf.get(l.id)!;
      const dateWidth = estimateWidth(l.dateLine, small);
      const cites = byId.get(l.id)!.cites;
      // Each ¶ mark is a link whose target is an invisible box TARGET units square (or the text's width, if wider)
      // centred on its text (glyphs sit from about 0.8 of the font size above the baseline to 0.2 below); the marks
      // stand at least TARGET units apart.
      const hitBox = (x: number, baseline: number, textWidth: number) => {
        const width = Math.max(textWidth + 6, TARGET);
        return s('rect', { class: 'hit', fillOpacity: 0, x: x - (width - textWidth) / 2, y: baseline - 0.3 * small - TARGET / 2, width, height: TARGET });
      };
      const paraX = (i: number) => labelX + dateWidth + 8 + cites.slice(0, i).reduce((x, p) => x + Math.max(estimateWidth(`¶${p.n}`, small) + 6, TARGET), 0);
      return s('g', { class: 'event' }, [
        s('path', { class: 'leader', d: `M${leaderStart(m)} ${l.anchorY}L${labelX - 6} ${l.y - 4}` }),
        s('text', { class: 'date', x: labelX, y: l.y }, l.dateLine),
        ...cites.map((c, i) => s('a', { href: paraHref(c.source, c.n), ariaLabel: `Source paragraph ${c.n}` }, [
          s('title', `Source paragraph ${c.n}`),
          hitBox(paraX(i), l.y, estimateWidth(`¶${c.n}`, small)),
          s('text', { class: 'para', x: paraX(i), y: l.y }, `¶${c.n}`),
        ])),
        s('a', { href: eventHref(l.id) }, [
          s('title', byId.get(l.id)!.title),
          // The title's target runs from under the ¶ marks' boxes, at least TARGET units tall, as wide as its column.
          s('rect', { class: 'hit', fillOpacity: 0, x: labelX - 2, y: l.y - 0.3 * small + TARGET / 2, width: layout.width - labelX, height: Math.max(TARGET, lh * l.titleLines.length + 4 + 0.3 * small - TARGET / 2) }),
          s('text', { class: 'title', x: labelX, y: l.y + lh }, l.titleLines.map((line, i) => s('tspan', { x: labelX, dy: i === 0 ? 0 : lh }, line))),
        ]),
      ]);
    })),
  ]);
  return { svg, width: layout.width, height: layout.height };
}
