import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDay, formatPartialDate, isoDay, parsePartialDate, partialDateSpan } from '../src/schemas/dates.ts';

test('formats dates in UTC, to the precision given', () => {
  assert.equal(formatDay(new Date('2026-02-06T00:00:00Z')), '6 February 2026');
  assert.equal(isoDay(new Date('2026-02-06T00:00:00Z')), '2026-02-06');
  assert.equal(formatPartialDate('2015'), '2015');
  assert.equal(formatPartialDate('2025-06'), 'June 2025');
  assert.equal(formatPartialDate('2026-02-04'), '4 February 2026');
});

test('partial dates are parsed to their precision, and impossible ones refused', () => {
  assert.deepEqual(parsePartialDate('2015'), { year: 2015, precision: 'year' });
  assert.deepEqual(parsePartialDate('2025-06'), { year: 2025, month: 6, precision: 'month' });
  assert.deepEqual(parsePartialDate('2026-02-04'), { year: 2026, month: 2, day: 4, precision: 'day' });
  for (const bad of ['2026-02-30', '2026-13', '2026-00', '26', '2026-2-4', '2026-02-04T00:00', '']) assert.equal(parsePartialDate(bad), undefined, bad);
  assert.equal(formatPartialDate('2026-02-04', 'short'), '4 Feb 2026');
  assert.deepEqual(partialDateSpan('2024-02'), { start: Date.UTC(2024, 1, 1) / 86_400_000, end: Date.UTC(2024, 2, 1) / 86_400_000 });
  assert.throws(() => formatPartialDate('2026-13'), /"2026-13" is not a date written as YYYY, YYYY-MM or YYYY-MM-DD/);
});
