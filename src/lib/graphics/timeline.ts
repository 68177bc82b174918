/**
 * Layout of the timeline graphic: a vertical time axis cut into bands where events cluster, with breaks of stated
 * length where nothing happens (2015 to 2026 on a linear axis would squeeze the last month into a hair), and a column
 * of labels in reading order, each joined to its mark on the axis. Pure numbers, no markup: the component draws it.
 *
 * Honesty rules: within a band time is linear; each break names the stretch it leaves out ("2015 → 2018"), in which
 * the report dates no event (an undated one may still fall there, and its bracket crosses the break); month and year dates are drawn as spans, not points; events without a date get no point,
 * only a dotted bracket from the event the article's wording places them after (or the axis's start) to the one it
 * places them before (or the dateline): never where outside knowledge would put them.
 */
import { formatPartialDate, MONTHS, partialDateSpan } from '../../schemas/dates.ts';
import { wrapText } from './text.ts';

export interface TimelineInput {
  id: string;
  title: string;
  /** ISO date to its precision (YYYY, YYYY-MM, YYYY-MM-DD), or null when undated. */
  on: string | null;
  derived: boolean;
  /** For an undated event: the ids of the events the article's wording places it after and before. */
  after?: string | undefined;
  before?: string | undefined;
}

export interface Tick { y: number; label: string }
export interface Band { top: number; bottom: number; ticks: Tick[] }
export interface Break {
  top: number;
  bottom: number;
  /** The ends of the stretch left out: "2015" → "2018", "Jun 2025" → "Jan 2026". */
  from: string;
  to: string;
  /** Its length, for screen readers and tests ("2 years"). */
  length: string;
}
export interface Mark {
  id: string;
  /** A point (day) or a span (month, year) on the axis; undated events get a bracket between their dated neighbours. */
  shape: 'point' | 'span' | 'bracket';
  top: number;
  bottom: number;
  /** Horizontal offset from the axis (brackets of neighbouring undated events sit side by side). */
  dx: number;
  derived: boolean;
}
export interface Label {
  id: string;
  /** Baseline of the first line (the date line). */
  y: number;
  dateLine: string;
  titleLines: string[];
  /** Where its leader meets the axis. */
  anchorY: number;
}
export interface TimelineLayout {
  width: number;
  smallFont: number;
  height: number;
  axisX: number;
  labelX: number;
  lineHeight: number;
  bands: Band[];
  breaks: Break[];
  marks: Mark[];
  labels: Label[];
}

export const TIMELINE_OPTIONS = {
  width: 400,
  axisX: 86,
  labelX: 122,
  lineHeight: 16,
  /** A gap longer than this (days) with no event becomes a break. */
  maxGapDays: 183,
  breakHeight: 52,
  minBandHeight: 40,
  bandPadding: 8,
  labelGap: 10,
  /** Characters per title line: the label column is 278 units wide, and a wide bold system font needs 9 a character. */
  charsPerLine: 30,
  /** Size of the small text (dates, ¶ marks, axis labels), in drawing units: the style sheet sets the same. */
  smallFont: 12,
};

/**
 * The phone drawing: 320 units wide, so that at 320 px (a 288 px column) a unit is 0.9 px and the small text, set at
 * 14 units, is never under 12.6 px. The axis sits far enough in for the break labels ("Jun 2025 →") at that size,
 * and the labels far enough out for five undated brackets side by side; the label column (188 units) holds 18
 * characters of the 15-unit bold titles.
 */
export const TIMELINE_NARROW: Partial<typeof TIMELINE_OPTIONS> = {
  width: 320, axisX: 94, labelX: 132, lineHeight: 20, charsPerLine: 18, smallFont: 14, breakHeight: 64,
};

const DAY = 86_400_000;
const dayNumber = (y: number, m = 1, d = 1) => Date.UTC(y, m - 1, d) / DAY;

/** The stretch of days a partial date covers: [start, end) (see dates.ts). */
export const dateSpan = partialDateSpan;

/** "4 years", "7 months", "3 weeks", "5 days": the length of an omitted stretch, rounded. */
export function describeGap(days: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  const months = Math.round(days / 30.44);
  if (months >= 24) return plural(Math.round(months / 12), 'year');
  if (months >= 2) return plural(months, 'month');
  if (days >= 14) return plural(Math.round(days / 7), 'week');
  return plural(Math.round(days), 'day');
}

/** A break's ends, short enough for the axis's margin: "2015", "Jun 2025", "Feb 2026" (a day's month). */
const breakDate = (on: string): string => (on.length === 4 ? on : `${MONTHS[Number(on.slice(5, 7)) - 1]!.slice(0, 3)} ${on.slice(0, 4)}`);

/** Short date for the label's first line: "2015", "June 2025", "4 Feb 2026". */
const shortDate = (on: string): string => formatPartialDate(on, 'short');

/** Ticks at year starts, or at month starts for bands holding month or day dates; labels only where they fit. */
function bandTicks(start: number, end: number, monthly: boolean, y: (day: number) => number, minSpacing: number): Tick[] {
  const ticks: Tick[] = [];
  const first = new Date(start * DAY);
  let year = first.getUTCFullYear();
  let month = monthly ? first.getUTCMonth() : 0;
  if (dayNumber(year, month + 1) < start) monthly ? (month += 1) : (year += 1);
  let lastLabelled = -Infinity;
  for (;;) {
    if (month === 12) { month = 0; year += 1; }
    const day = dayNumber(year, month + 1);
    if (day >= end) break;
    const at = y(day);
    const fits = at - lastLabelled >= minSpacing;
    const label = !fits ? '' : !monthly ? String(year) : ticks.length === 0 || month === 0 ? `${MONTHS[month]!.slice(0, 3)} ${year}` : MONTHS[month]!.slice(0, 3);
    if (fits) lastLabelled = at;
    ticks.push({ y: round(at), label });
    if (monthly) month += 1; else year += 1;
  }
  return ticks;
}

const round = (n: number) => Math.round(n * 10) / 10;

export function layoutTimeline(events: readonly TimelineInput[], options: Partial<typeof TIMELINE_OPTIONS> = {}): TimelineLayout {
  const o = { ...TIMELINE_OPTIONS, ...options };
  const dated = events
    .filter((e): e is TimelineInput & { on: string } => e.on !== null)
    .map((e) => ({ ...e, ...dateSpan(e.on) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);

  // Bands: runs of dated events with no gap longer than maxGapDays between them.
  const groups: (typeof dated)[] = [];
  for (const e of dated) {
    const last = groups.at(-1);
    const reach = last ? Math.max(...last.map((x) => x.end)) : -Infinity;
    if (last && e.start - reach <= o.maxGapDays) last.push(e);
    else groups.push([e]);
  }

  // Undated events count towards the band of the dated event before them in reading order, whose labels they follow,
  // so each band is as tall as the labels beside it need, and none is left empty.
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((e) => groupOf.set(e.id, i)));
  // For each dated event, the height of the labels before it in its band (reading order): its mark must sit at least
  // that far down the band, and the band need be no taller, so the labels run on without an empty stretch.
  const labelHeight = (e: TimelineInput) => (1 + wrapText(e.title, o.charsPerLine).length) * o.lineHeight + o.labelGap;
  const labelsBefore = new Map<string, number>();
  const filled = groups.map(() => 0);
  let current = 0;
  for (const e of events) {
    if (e.on !== null) {
      current = groupOf.get(e.id)!;
      labelsBefore.set(e.id, filled[current]!);
    }
    if (groups.length) filled[current]! += labelHeight(e);
  }

  const bands: Band[] = [];
  const breaks: Break[] = [];
  const anchors = new Map<string, number>();
  const marks: Mark[] = [];
  let cursor = o.lineHeight;
  let previousEnd: number | undefined;
  for (const [index, group] of groups.entries()) {
    const start = group[0]!.start;
    const end = Math.max(...group.map((e) => e.end));
    if (previousEnd !== undefined) {
      const last = groups[index - 1]!.at(-1)!;
      breaks.push({ top: cursor, bottom: cursor + o.breakHeight, from: breakDate(last.on), to: breakDate(group[0]!.on), length: describeGap(start - previousEnd) });
      cursor += o.breakHeight;
    }
    // Tall enough that each mark is level with or below its label's place in the column (time stays linear).
    const needed = group.map((e) => {
      const share = end > start ? (e.start - start) / (end - start) : 0;
      return share > 0 ? labelsBefore.get(e.id)! / share : 0;
    });
    const height = Math.max(o.minBandHeight, group.length > 1 ? Math.max(...needed) + 2 * o.bandPadding : o.minBandHeight);
    const top = cursor;
    const y = (day: number) => top + o.bandPadding + ((day - start) / (end - start)) * (height - 2 * o.bandPadding);
    const monthly = group.some((e) => e.on.length > 4);
    bands.push({ top, bottom: top + height, ticks: bandTicks(start, end, monthly, y, o.lineHeight) });
    for (const e of group) {
      const point = e.end - e.start === 1;
      // Spans over the same stretch (two events in June 2025) sit side by side, left of the axis.
      const twins = marks.filter((m) => m.shape === 'span' && m.top === round(y(e.start)) && m.bottom === round(y(e.end))).length;
      const mark: Mark = { id: e.id, shape: point ? 'point' : 'span', top: round(y(e.start)), bottom: round(point ? y(e.start) : y(e.end)), dx: point ? 0 : -6 * twins, derived: e.derived };
      marks.push(mark);
      anchors.set(e.id, round(point ? mark.top : Math.min(mark.top + o.lineHeight / 2, (mark.top + mark.bottom) / 2)));
    }
    cursor = top + height;
    previousEnd = end;
  }
  const axisTop = o.lineHeight;
  const axisBottom = Math.max(cursor, axisTop + o.minBandHeight);

  // Undated events: a bracket from the event the article places them after to the one it places them before (the
  // axis's ends when it names none). Brackets sit side by side, one column each.
  let run = 0;
  for (const e of events) {
    if (e.on !== null) continue;
    const top = (e.after === undefined ? undefined : anchors.get(e.after)) ?? axisTop;
    const bottom = (e.before === undefined ? undefined : anchors.get(e.before)) ?? axisBottom;
    run += 1;
    marks.push({ id: e.id, shape: 'bracket', top, bottom, dx: 4 + run * 6, derived: false });
  }
  const brackets = new Map(marks.filter((m) => m.shape === 'bracket').map((m) => [m.id, m]));

  // Labels in reading order, each as near its anchor as the one above allows. An undated label takes the next free
  // line, and its leader meets its bracket at that height (or the bracket's nearer end).
  const labels: Label[] = [];
  let free = 0;
  for (const e of events) {
    const bracket = brackets.get(e.id);
    const titleLines = wrapText(e.title, o.charsPerLine);
    const y = bracket
      ? Math.max(bracket.top + o.lineHeight, free + o.lineHeight)
      : Math.max(anchors.get(e.id)! + o.lineHeight * 0.35, free + o.lineHeight);
    const anchorY = bracket ? round(Math.min(Math.max(y - 4, bracket.top), bracket.bottom)) : anchors.get(e.id)!;
    const dateLine = e.on === null ? 'Undated' : `${shortDate(e.on)}${e.derived ? ' · derived' : ''}`;
    labels.push({ id: e.id, y: round(y), dateLine, titleLines, anchorY });
    free = y + titleLines.length * o.lineHeight + o.labelGap;
  }

  return {
    width: o.width,
    smallFont: o.smallFont,
    height: Math.ceil(Math.max(axisBottom, free) + o.lineHeight / 2),
    axisX: o.axisX,
    labelX: o.labelX,
    lineHeight: o.lineHeight,
    bands,
    breaks,
    marks,
    labels,
  };
}
