import { expect, test, type Page } from '@playwright/test';
import { pagePaths } from './site.ts';

const tip = (page: Page) => page.locator('#xref-tip');

test('a cross-link preview opens on keyboard focus, is described to screen readers, and Esc closes it', async ({ page }) => {
  await page.goto('/briefing/military-context/');
  const link = page.locator('article a.xref').first();
  const preview = await link.getAttribute('data-preview');
  expect(preview).toBeTruthy();
  // Tab from the skip link until the first cross-link has focus: a real keyboard path.
  for (let i = 0; i < 80 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  await expect(tip(page)).toBeVisible();
  await expect(tip(page)).toHaveText(preview!);
  await expect(tip(page)).toHaveAttribute('role', 'tooltip');
  await expect(link).toHaveAttribute('aria-describedby', 'xref-tip');
  await page.keyboard.press('Escape');
  await expect(tip(page)).toBeHidden();
  await expect(link).not.toHaveAttribute('aria-describedby', /./);
});

test('a preview opens on hover, stays inside the viewport and moves nothing on the page', async ({ page }) => {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 700 });
    await page.goto('/');
    const link = page.locator('article a.xref-term').first();
    await link.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => [document.documentElement.scrollHeight, document.documentElement.scrollWidth, document.querySelector('article p')!.getBoundingClientRect().top]);
    await link.hover();
    await expect(tip(page)).toBeVisible();
    const box = (await tip(page).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    expect(box.y + box.height).toBeLessThanOrEqual(700);
    const after = await page.evaluate(() => [document.documentElement.scrollHeight, document.documentElement.scrollWidth, document.querySelector('article p')!.getBoundingClientRect().top]);
    expect(after).toEqual(before);
    await page.mouse.move(0, 0);
    await expect(tip(page)).toBeHidden();
  }
});

test('on touch, the first tap previews and the second follows the link', async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 375, height: 700 } });
  const page = await context.newPage();
  await page.goto('/briefing/regional-stakes/');
  const link = page.locator('article a.xref').first();
  const href = (await link.getAttribute('href'))!;
  await link.tap();
  await expect(tip(page)).toBeVisible();
  await expect(page).toHaveURL(/\/briefing\/regional-stakes\/$/);
  await link.tap();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await context.close();
});

test('without JavaScript a cross-link is a plain link', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  const link = page.locator('article a.xref').first();
  const href = (await link.getAttribute('href'))!;
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await context.close();
});

test('every page: no cross-link inside a heading, none to the page itself; every term and actor is linked somewhere and has backlinks', async ({ page }) => {
  test.setTimeout(180_000);
  const paths = await pagePaths();
  const linkedTo = new Set<string>();
  for (const path of paths) {
    await page.goto(path, { waitUntil: 'domcontentloaded' });
    expect(await page.locator(':is(h1,h2,h3,h4,h5,h6) a.xref').count(), path).toBe(0);
    for (const href of await page.locator('a.xref').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
      expect(href, `${path} links to itself`).not.toBe(path);
      linkedTo.add(href);
    }
  }
  const entries = paths.filter((p) => /^\/(glossary|actors)\/[^/]+\/$/.test(p));
  expect(entries.length).toBeGreaterThan(25);
  expect(entries.filter((p) => !linkedTo.has(p))).toEqual([]);
  for (const path of entries) {
    await page.goto(path, { waitUntil: 'domcontentloaded' });
    const backlinks = page.getByRole('region', { name: 'Mentioned in' }).getByRole('link');
    expect(await backlinks.count(), `${path} has no backlinks`).toBeGreaterThan(0);
  }
});

test('a term page shows related terms and the glossary index jumps by letter', async ({ page }) => {
  await page.goto('/glossary/');
  const letters = page.getByRole('navigation', { name: 'Letters' }).getByRole('link');
  expect(await letters.count()).toBeGreaterThan(5);
  await letters.first().click();
  await expect(page).toHaveURL(/#letter-[A-Z]$/);
  await page.goto('/glossary/highly-enriched-uranium/');
  await expect(page.getByRole('region', { name: 'Related terms' }).getByRole('link').first()).toBeVisible();
});
