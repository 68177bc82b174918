/**
 * Dates: full days as readers see them (always UTC, so a build anywhere prints the same day), and the partial dates
 * of events ("2015", "2025-06", "2026-02-04"), parsed, checked, measured and written in one place.
 */
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2026-02-06 → "6 February 2026". */
export function formatDay(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** ISO form for a <time datetime>. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

export type DatePrecision = 'year' | 'month' | 'day';

/** A date written to its precision: a year, a month of a year, or a day. */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
  precision: DatePrecision;
}

/**
 * "2015" → { year: 2015, precision: 'year' }; "2025-06" → month; "2026-02-04" → day. Undefined for anything else,
 * including dates that do not exist ("2026-02-30", "2026-13").
 */
export function parsePartialDate(on: string): PartialDate | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(on);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), m[2] === undefined ? undefined : Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && new Date(Date.UTC(year, month! - 1, day)).getUTCDate() !== day) return undefined;
  if (month === undefined) return { year, precision: 'year' };
  if (day === undefined) return { year, month, precision: 'month' };
  return { year, month, day, precision: 'day' };
}

const parsed = (on: string): PartialDate => {
  const date = parsePartialDate(on);
  if (!date) throw new Error(`"${on}" is not a date written as YYYY, YYYY-MM or YYYY-MM-DD.`);
  return date;
};

const DAY = 86_400_000;
const dayNumber = (y: number, m = 1, d = 1) => Date.UTC(y, m - 1, d) / DAY;

/** The stretch of days (days since 1970) a partial date covers: [start, end). */
export function partialDateSpan(on: string): { start: number; end: number } {
  const { year: y, month: m, day: d } = parsed(on);
  if (m === undefined) return { start: dayNumber(y), end: dayNumber(y + 1) };
  if (d === undefined) return { start: dayNumber(y, m), end: dayNumber(y, m + 1) };
  return { start: dayNumber(y, m, d), end: dayNumber(y, m, d + 1) };
}

/**
 * A partial date for readers: "2015", "June 2025", "4 February 2026"; short, for tight labels: "4 Feb 2026".
 */
export function formatPartialDate(on: string, style: 'long' | 'short' = 'long'): string {
  const { year, month, day } = parsed(on);
  if (month === undefined) return String(year);
  if (day === undefined) return `${MONTHS[month - 1]} ${year}`;
  return `${day} ${style === 'short' ? MONTHS[month - 1]!.slice(0, 3) : MONTHS[month - 1]} ${year}`;
}
