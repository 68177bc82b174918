// Citation previews: a ¶ marker shows what its paragraph says, and where from, the way cross-links show their
// definition (src/scripts/previews.ts). Term previews are tested in glossary.spec.ts.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { formatDay } from '../src/schemas/dates.ts';

const tip = (page: Page) => page.locator('#xref-tip');
const cites = (page: Page) => page.locator('article sup.cite a');

// The expected text, from the content itself: "¶3 · <title>[, <outlet>], 6 February 2026: <summary>".
const source = parse(readFileSync('content/sources/muscat-2026-02-06.yaml', 'utf8')) as {
  title: string; outlet: string | null; date: string; paragraphs: { n: number; summary: string }[];
};
const expected = (n: number) =>
  `¶${n} · ${[source.title, source.outlet, formatDay(new Date(`${source.date}T00:00:00Z`))].filter(Boolean).join(', ')}: ${source.paragraphs[n - 1]!.summary}`;
const paragraphOf = async (link: Locator) => Number(/#p(\d+)$/.exec((await link.getAttribute('href'))!)![1]);

async function expectInViewport(page: Page) {
  const box = (await tip(page).boundingBox())!;
  const { width, height } = page.viewportSize()!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width);
  expect(box.y + box.height).toBeLessThanOrEqual(height);
}

test('hovering a ¶ marker shows its paragraph summary and source, inside the viewport, with no request', async ({ page }) => {
  await page.goto('/'); // the overview
  await page.waitForLoadState('networkidle');
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const link = cites(page).first();
  const n = await paragraphOf(link);
  // The marker itself is unchanged: same text, same target.
  await expect(link).toHaveText(`source paragraph ¶${n}`);
  await expect(link).toHaveAttribute('href', `/sources/muscat-2026-02-06/#p${n}`);
  await link.scrollIntoViewIfNeeded();
  await link.hover();
  await expect(tip(page)).toBeVisible();
  await expect(tip(page)).toHaveText(expected(n));
  await expect(tip(page)).toContainText(source.paragraphs[n - 1]!.summary);
  await expect(tip(page)).toContainText(source.title);
  await expectInViewport(page);
  // Its name stays the marker's; the preview is its description, so it is read once, after the name.
  await expect(link).toHaveAccessibleName(`source paragraph ¶${n}`);
  await expect(link).toHaveAccessibleDescription(expected(n));
  // A few more markers: each shows its own paragraph, still without a request.
  for (const other of (await cites(page).all()).slice(1, 6)) {
    await other.scrollIntoViewIfNeeded();
    await other.hover();
    await expect(tip(page)).toHaveText(expected(await paragraphOf(other)));
  }
  await page.mouse.move(0, 0);
  await expect(tip(page)).toBeHidden();
  expect(requests).toEqual([]);
});

test('a ¶ marker reached with Tab shows its preview, is described by it, and Esc closes it', async ({ page }) => {
  await page.goto('/');
  const link = cites(page).first();
  const n = await paragraphOf(link);
  for (let i = 0; i < 200 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  await expect(tip(page)).toBeVisible();
  await expect(tip(page)).toHaveText(expected(n));
  await expect(tip(page)).toHaveAttribute('role', 'tooltip');
  await expect(link).toHaveAttribute('aria-describedby', 'xref-tip');
  await expectInViewport(page);
  await page.keyboard.press('Escape');
  await expect(tip(page)).toBeHidden();
  await expect(link).not.toHaveAttribute('aria-describedby', /./);
  // The next marker takes the preview over.
  await page.keyboard.press('Tab');
  const next = page.locator(':focus');
  if (await next.evaluate((el) => el.matches('sup.cite a'))) {
    await expect(tip(page)).toHaveText(expected(await paragraphOf(next)));
    await expect(link).not.toHaveAttribute('aria-describedby', /./);
  }
});

test('on touch, the first tap on a ¶ marker previews it and the second follows it', async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 740 } });
  const page = await context.newPage();
  await page.goto('/');
  const link = cites(page).first();
  const n = await paragraphOf(link);
  await link.tap();
  await expect(tip(page)).toBeVisible();
  await expect(tip(page)).toHaveText(expected(n));
  await expectInViewport(page);
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  await link.tap();
  await expect(page).toHaveURL(new RegExp(`/sources/muscat-2026-02-06/#p${n}$`));
  await context.close();
});

test('at 390 px the preview of the markers nearest the right edge stays inside the viewport', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 740 });
  await page.goto('/actors/iran/'); // frontmatter citations (CitationLine) as well as body ones
  const all = page.locator('main sup.cite a');
  expect(await all.count()).toBeGreaterThan(10);
  // The hardest cases: the markers furthest right, where a preview would spill over the edge if not kept in.
  const rights = await all.evaluateAll((as) => as.map((a) => a.getBoundingClientRect().right));
  const rightmost = rights.map((r, i) => [r, i] as const).sort((a, b) => b[0] - a[0]).slice(0, 6);
  for (const [, i] of rightmost) {
    const link = all.nth(i);
    await link.scrollIntoViewIfNeeded();
    await link.hover();
    await expect(tip(page)).toHaveText(expected(await paragraphOf(link)));
    await expectInViewport(page);
    // Let it close before the next: an open preview may lie over the next marker, as it would under a reader's pointer.
    await page.mouse.move(0, 0);
    await expect(tip(page)).toBeHidden();
  }
});

test('a preview shown on screen never prints', async ({ page }) => {
  await page.goto('/');
  await cites(page).first().hover();
  await expect(tip(page)).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(tip(page)).toBeHidden();
});

test('the offline edition previews ¶ markers too', async ({ page }) => {
  await page.goto(pathToFileURL(join(resolve('dist-offline'), 'actors/iran/index.html')).href);
  const link = page.locator('main sup.cite a').first();
  await link.focus();
  await expect(tip(page)).toHaveText(expected(await paragraphOf(link)));
  await page.keyboard.press('Escape');
  await expect(tip(page)).toBeHidden();
});
