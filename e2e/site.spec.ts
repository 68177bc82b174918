import { expect, test } from '@playwright/test';
import { crawl, NOT_A_PAGE, pagePaths, type CrawledPage } from './site.ts';

test('every built page answers 200 and has exactly one h1', async ({ page }) => {
  test.setTimeout(180_000); // visits every page
  const paths = await pagePaths();
  expect(paths.length).toBeGreaterThan(60);
  for (const path of paths) {
    const response = await page.goto(path, { waitUntil: 'domcontentloaded' });
    expect(response?.status(), path).toBe(200);
    await expect(page.locator('h1'), path).toHaveCount(1);
  }
});

test.describe('crawled from the home page', () => {
  let pages: Map<string, CrawledPage>;
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000); // visits every page
    const page = await browser.newPage();
    pages = await crawl(page, '/');
    await page.close();
  });

  test('every actor and issue page is reachable from home, and every built page too', async () => {
    const all = await pagePaths();
    const unreachable = all.filter((p) => !pages.has(p));
    expect(unreachable).toEqual([]);
    expect(all.filter((p) => p.startsWith('/actors/') && p !== '/actors/').length).toBeGreaterThanOrEqual(17);
    expect(all.filter((p) => p.startsWith('/issues/') && p !== '/issues/').length).toBeGreaterThanOrEqual(8);
  });

  test('no internal link is broken, and every citation lands on an existing paragraph anchor', () => {
    const broken: string[] = [];
    let citations = 0;
    for (const page of pages.values()) {
      expect(page.status, page.path).toBe(200);
      for (const link of page.links) {
        const [path, hash] = link.split('#') as [string, string | undefined];
        const target = pages.get(path);
        if (!target) { if (!NOT_A_PAGE.test(path)) broken.push(`${page.path} → ${link}`); continue; }
        if (/^\/sources\/[^/]+\/$/.test(path) && hash && /^p\d+$/.test(hash)) citations++;
        if (hash && !target.ids.has(decodeURIComponent(hash))) broken.push(`${page.path} → ${link} (no #${hash})`);
      }
    }
    expect(broken).toEqual([]);
    expect(citations).toBeGreaterThan(200);
  });

  test('every paragraph of the source page is cited by at least one page', () => {
    const source = [...pages.values()].find((p) => /^\/sources\/[^/]+\/$/.test(p.path))!;
    const anchors = [...source.ids].filter((id) => /^p\d+$/.test(id));
    expect(anchors.length).toBe(13);
    for (const anchor of anchors) {
      const citedBy = [...pages.values()].filter((p) => p.links.includes(`${source.path}#${anchor}`));
      expect(citedBy.length, `#${anchor} is cited by no page`).toBeGreaterThan(0);
    }
  });
});

test('the positions view links every position record once from the grid, once from the by-party list and once from the list by issue', async ({ page }) => {
  const positions = (await pagePaths()).filter((p) => /^\/positions\/[^/]+\/$/.test(p)).map((p) => p.split('/')[2]);
  expect(positions.length).toBeGreaterThan(20);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/briefing/positions/');
  const matrix = page.getByRole('table', { name: /stances by issue/i });
  await expect(matrix).toBeVisible();
  const byParty = page.locator('.by-party');
  const list = page.getByRole('region', { name: 'Every stance, by issue' });
  for (const id of positions) {
    await expect(matrix.locator(`td a[data-position="${id}"]`), id).toHaveCount(1);
    await expect(byParty.locator(`a[data-position="${id}"]`), id).toHaveCount(1);
    await expect(list.locator(`a[data-position="${id}"]`), id).toHaveCount(1);
  }
});

test('without JavaScript the search page says search needs it and links the indexes', async ({ request }) => {
  // Playwright's javaScriptEnabled:false still parses <noscript> as raw text, so read the markup the server sends.
  const html = await (await request.get('/search/')).text();
  const noscript = /<noscript>([\s\S]*?)<\/noscript>/.exec(html)?.[1] ?? '';
  expect(noscript).toContain('Search needs JavaScript');
  for (const index of ['/actors/', '/issues/', '/glossary/']) expect(noscript).toContain(`href="${index}"`);
});

test('the header search box opens the search page with the query, and Pagefind finds a person', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search the briefing' }).fill('Rubio');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\/\?q=Rubio/);
  await expect(page.locator('#search-results .result-link').first()).toHaveText('Marco Rubio');
});
