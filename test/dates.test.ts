import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDay, formatPartialDate, isoDay } from '../src/lib/dates.ts';

test('formats dates in UTC, to the precision given', () => {
  assert.equal(formatDay(new Date('2026-02-06T00:00:00Z')), '6 February 2026');
  assert.equal(isoDay(new Date('2026-02-06T00:00:00Z')), '2026-02-06');
  assert.equal(formatPartialDate('2015'), '2015');
  assert.equal(formatPartialDate('2025-06'), 'June 2025');
  assert.equal(formatPartialDate('2026-02-04'), '4 February 2026');
});
