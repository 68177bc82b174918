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
  /** The first three results' paths (fewer when there are fewer). */
  top: string[];
  /** Results listed, as the status line counts them. */
  total: number;
  /** The results' excerpts as shown (text), for the check that none is a list of aliases. */
  excerpts: string[];
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
    const shown = await page.evaluate(() => ({
      hrefs: [...document.querySelectorAll<HTMLAnchorElement>('#search-results .result-link')].map((a) => a.href),
      total: Number(document.querySelector<HTMLFormElement>('form#search')?.dataset.total ?? 0),
      excerpts: [...document.querySelectorAll('#search-results .excerpt')].map((p) => p.textContent ?? ''),
    }));
    const paths = shown.hrefs.map((href) => `/${href.slice(root.length).replace(/[?#].*$/, '').replace(/index\.html$/, '')}`);
    const got = paths[0] ?? null;
    // A question the briefing cannot answer expects no result at all.
    const hit = query.first.length === 0 ? got === null : got !== null && query.first.includes(got);
    outcomes.push({ query, got, top: paths.slice(0, 3), total: shown.total, excerpts: shown.excerpts, hit });
  }
  return outcomes;
}

export const hitRate = (outcomes: readonly GoldenOutcome[]) => outcomes.filter((o) => o.hit).length / outcomes.length;

/** Whether two editions agree on a query: the same first page, and at least 2 of the top 3 in both. */
export function agreement(a: readonly GoldenOutcome[], b: readonly GoldenOutcome[]) {
  const pairs = a.map((o, i) => [o, b[i]!] as const);
  const top1 = pairs.filter(([x, y]) => x.got === y.got).length;
  const top3 = pairs.filter(([x, y]) => {
    const want = Math.min(2, x.top.length, y.top.length);
    return x.top.filter((p) => y.top.includes(p)).length >= want;
  }).length;
  return { top1, top3, of: pairs.length, disagree: pairs.filter(([x, y]) => x.got !== y.got).map(([x, y]) => `${x.query.query}: ${x.got} / ${y.got}`) };
}
