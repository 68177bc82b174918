// The golden queries (golden-queries.ts) through both editions' search pages: every query's first result is one
// of its expected pages, in the hosted edition (Pagefind, over HTTP) and the offline one (MiniSearch, from disk),
// so the two editions answer alike. `npm run bench` reports the same runs as hit rates.
import { expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runGolden } from './golden.ts';
import { GOLDEN_QUERIES } from './golden-queries.ts';

test('the golden set has at least 30 reader queries of every kind', () => {
  expect(GOLDEN_QUERIES.length).toBeGreaterThanOrEqual(30);
  expect(new Set(GOLDEN_QUERIES.map((q) => q.kind))).toEqual(new Set(['name', 'misspelt', 'transliteration', 'topic', 'acronym', 'pair', 'question']));
});

test('hosted edition: every golden query has an expected page first', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const outcomes = await runGolden(page, `${baseURL}/search/`, `${baseURL}/`);
  expect(outcomes.filter((o) => !o.hit).map((o) => `${o.query.query} → ${o.got}`)).toEqual([]);
});

test('offline edition, from disk: every golden query has an expected page first', async ({ page }) => {
  test.setTimeout(120_000);
  const root = `${pathToFileURL(resolve('dist-offline')).href}/`;
  const outcomes = await runGolden(page, `${root}search/index.html`, root);
  expect(outcomes.filter((o) => !o.hit).map((o) => `${o.query.query} → ${o.got}`)).toEqual([]);
});
