/**
 * Runs the golden queries (golden-queries.ts) through a search page, as a reader would: type each into the box,
 * press Enter, wait for the results, read the first result's link. Shared by e2e/golden.spec.ts and `npm run bench`.
 */
import type { Page } from '@playwright/test';
import { GOLDEN_QUERIES, type GoldenQuery } from './golden-queries.ts';

export interface GoldenOutcome {
  query: GoldenQuery;
  /** Site-relative path of the first result ("/actors/iran/"), or null when there was none. */
  got: string | null;
  hit: boolean;
}

/**
 * `searchPage` is the search page's URL (hosted "http://…/search/", offline "file:///…/search/index.html"), `root`
 * the edition's root URL, against which result links are made site-relative.
 */
export async function runGolden(page: Page, searchPage: string, root: string, queries = GOLDEN_QUERIES): Promise<GoldenOutcome[]> {
  const outcomes: GoldenOutcome[] = [];
  // One visit, then each query typed into the box and submitted: the engine loads once, as for a reader.
  await page.goto(searchPage);
  await page.waitForSelector('form#search[data-status="idle"]');
  const box = page.locator('#search-input');
  for (const query of queries) {
    await box.fill(query.query);
    await box.press('Enter');
    await page.waitForFunction((q) => {
      const form = document.querySelector<HTMLFormElement>('form#search');
      return form?.dataset.status === 'done' && new URLSearchParams(location.search).get('q') === q;
    }, query.query);
    const href = await page.evaluate(() => document.querySelector<HTMLAnchorElement>('#search-results .result-link')?.href ?? null);
    const got = href === null ? null : `/${href.slice(root.length).replace(/[?#].*$/, '').replace(/index\.html$/, '')}`;
    outcomes.push({ query, got, hit: got !== null && query.first.includes(got) });
  }
  return outcomes;
}

export const hitRate = (outcomes: readonly GoldenOutcome[]) => outcomes.filter((o) => o.hit).length / outcomes.length;
