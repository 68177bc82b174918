/** Dates as readers see them, always in UTC so a build anywhere prints the same day. */
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2026-02-06 → "6 February 2026". */
export function formatDay(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** An event date written to its precision: "2015", "2025-06", "2026-02-04" → "2015", "June 2025", "4 February 2026". */
export function formatPartialDate(on: string): string {
  const [y, m, d] = on.split('-').map(Number);
  if (m === undefined) return String(y);
  if (d === undefined) return `${MONTHS[m - 1]} ${y}`;
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** ISO form for a <time datetime>. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
