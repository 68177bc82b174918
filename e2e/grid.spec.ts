// Who wants what at a glance (PartyGrid, PositionsByParty, WhatEachSideWants): on a tablet, either way up, every
// position has a visible link in the grid and all of them lie within one screen height, nothing scrolling sideways;
// on A4 paper the brief's grid fits one page height; officials' stances stand under the state they speak for; each
// stance previews its headline on hover, keyboard focus and tap; the home page says what each side wants; issue
// pages say where a side at the table has no stance.
import { expect, test, type Page } from '@playwright/test';
import { contentDir } from '../src/lib/content/content-dir.ts';
import { readContent } from '../src/lib/content/content-files.ts';

const positions = readContent(contentDir()).entries.filter((e) => e.collection === 'positions');
const VIEW = '/briefing/positions/';
const tip = (page: Page) => page.locator('#xref-tip');

/** The grid's visible stance links: which positions, and the span from the top of the first to the bottom of the last. */
async function gridGeometry(page: Page, scope = '.party-grid') {
  return page.evaluate((scope) => {
    const links = [...document.querySelectorAll<HTMLAnchorElement>(`${scope} a[data-position]`)].filter((a) => a.checkVisibility() && a.getClientRects().length);
    const boxes = links.map((a) => a.getBoundingClientRect());
    return {
      ids: [...new Set(links.map((a) => a.dataset.position!))].sort(),
      top: Math.min(...boxes.map((b) => b.top + scrollY)),
      span: Math.max(...boxes.map((b) => b.bottom)) - Math.min(...boxes.map((b) => b.top)),
      inside: boxes.every((b) => b.left >= 0 && b.right <= innerWidth),
      overflow: document.scrollingElement!.scrollWidth - innerWidth,
    };
  }, scope);
}

const allIds = positions.map((p) => p.id).sort();

for (const size of [
  { name: 'landscape tablet', width: 1024, height: 768, touch: false },
  { name: 'portrait tablet', width: 768, height: 1024, touch: true },
  { name: 'desktop', width: 1280, height: 800, touch: false },
  { name: 'wide desktop', width: 1920, height: 1080, touch: false },
])
  test(`${size.name} (${size.width}×${size.height}): every position is in the grid, all within one screen height, nothing sideways`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, hasTouch: size.touch, isMobile: size.touch });
    const page = await context.newPage();
    await page.goto(VIEW);
    const g = await gridGeometry(page);
    expect(g.ids).toEqual(allIds);
    expect(g.span, `the grid's stances span ${g.span} px`).toBeLessThanOrEqual(size.height);
    expect(g.inside, 'every stance inside the viewport').toBe(true);
    expect(g.overflow, 'no horizontal overflow').toBeLessThanOrEqual(0);
    await context.close();
  });

test('on a 390 px phone the by-party view comes first: the first party’s stances in the first screen, a switch to the list by issue', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(VIEW);
  await expect(page.locator('.party-grid')).toBeHidden();
  const first = page.locator('.by-party section').first();
  const bottom = await first.locator('a[data-position]').last().evaluate((a) => a.getBoundingClientRect().bottom);
  expect(bottom, 'the first party’s last stance is in the first screen').toBeLessThanOrEqual(844);
  expect((await gridGeometry(page, '.by-party')).ids).toEqual(allIds);
  await page.locator('.view-switch').getByRole('link', { name: 'by issue' }).click();
  await expect(page).toHaveURL(/#every-stance$/);
  await context.close();
});

test("the United States column carries its officials' stances, named: missiles, armed groups, the population", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(VIEW);
  const column = await page.locator('.party-grid thead th').evaluateAll((ths) => ths.findIndex((th) => th.textContent?.trim() === 'US'));
  expect(column).toBeGreaterThan(0);
  for (const issue of ['ballistic-missiles', 'regional-armed-groups', 'treatment-of-population']) {
    const cell = page.locator(`.party-grid tbody tr:has(th a[href$="/issues/${issue}/"]) > :nth-child(${column + 1})`);
    await expect(cell.locator(`a[data-position="marco-rubio--${issue}"]`), issue).toHaveCount(1);
    await expect(cell.locator(`a[data-position="marco-rubio--${issue}"] .who`)).toHaveText('Rubio');
  }
  // No row of its own for an official: Rubio is not a column either.
  await expect(page.locator('.party-grid thead th', { hasText: 'Rubio' })).toHaveCount(0);
});

test('a stance previews its headline on hover and on keyboard focus', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(VIEW);
  const link = page.locator('.party-grid a[data-position="marco-rubio--ballistic-missiles"]');
  const headline = String(positions.find((p) => p.id === 'marco-rubio--ballistic-missiles')!.data.headline);
  await link.hover();
  await expect(tip(page)).toBeVisible();
  await expect(tip(page)).toContainText(headline);
  await page.mouse.move(0, 0);
  await expect(tip(page)).toBeHidden();
  await link.focus();
  await expect(tip(page)).toBeVisible();
  await expect(tip(page)).toContainText(headline);
  await expect(link).toHaveAttribute('aria-describedby', 'xref-tip');
});

test('on a touch tablet the first tap on a stance previews its headline and the second follows it', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(VIEW);
  const link = page.locator('.party-grid a[data-position="iran--talks-scope"]');
  await link.tap();
  await expect(tip(page)).toBeVisible();
  await expect(tip(page)).toContainText(String(positions.find((p) => p.id === 'iran--talks-scope')!.data.headline));
  await expect(page).toHaveURL(new RegExp(`${VIEW}$`));
  await link.tap();
  await expect(page).toHaveURL(/\/positions\/iran--talks-scope\/$/);
  await context.close();
});

test('on A4 paper the brief carries the grid with its key, every position within one page height', async ({ page }) => {
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await page.goto('/brief/');
  await expect(page.locator('.party-grid')).toBeVisible();
  await expect(page.locator('.party-grid .matrix-key')).toBeVisible();
  const g = await gridGeometry(page);
  expect(g.ids).toEqual(allIds);
  const height = await page.locator('.party-grid').evaluate((el) => el.getBoundingClientRect().height);
  expect(height, 'the grid and its key fit one A4 page height').toBeLessThanOrEqual(1123);
  expect(g.overflow).toBeLessThanOrEqual(0);
});

test('the home page says what each side at the table wants, linked to the positions, right after the bottom line', async ({ page }) => {
  await page.goto('/');
  const sides = page.locator('.sides');
  await expect(sides.locator('h3')).toHaveText(['Iran', 'United States']);
  for (const id of ['iran--talks-scope', 'iran--ballistic-missiles', 'united-states--talks-scope', 'marco-rubio--ballistic-missiles'])
    await expect(sides.locator(`a[href$="/positions/${id}/"]`), id).toHaveCount(1);
  const headings = await page.locator('article h2').allTextContents();
  expect(headings.indexOf('What each side wants')).toBe(headings.indexOf('Bottom line up front') + 1);
});

test('issue and actor pages say where a side at the table has no stance', async ({ page }) => {
  await page.goto('/issues/uranium-enrichment/');
  await expect(page.locator('.silence')).toHaveText(['The report gives no United States position on uranium enrichment.']);
  await page.goto('/issues/ballistic-missiles/');
  await expect(page.locator('.silence')).toHaveCount(0);
  await page.goto('/actors/united-states/');
  await expect(page.locator('.silence')).toContainText('The report gives no United States position on');
  await expect(page.locator('.silence')).not.toContainText('ballistic missiles');
  await expect(page.locator('h3.speaker')).toContainText(['Stated by Marco Rubio']);
});
