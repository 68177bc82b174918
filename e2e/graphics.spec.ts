// The three build-time graphics: timeline, actor map and positions matrix. They must link every record they draw,
// look as the committed baselines do at desktop and phone widths, and keep the matrix usable on a 375 px phone.
import { expect, test, type Page } from '@playwright/test';
import { contentDir } from '../src/lib/content-dir.ts';
import { readContent } from '../src/lib/content-files.ts';
import type { CollectionName } from '../src/schemas/common.ts';

// The entries the graphics must draw, read the way the build reads them.
const { entries } = readContent(contentDir());
const ids = (collection: CollectionName) => entries.filter((e) => e.collection === collection).map((e) => e.id).sort();

test('the timeline SVG has a title, a description, and a link to every event and to each event’s sources', async ({ page }) => {
  await page.goto('/timeline/');
  const svg = page.locator('.timeline-graphic svg');
  await expect(svg.locator('title').first()).toHaveText(/Timeline/);
  await expect(svg.locator('desc').first()).toContainText('derived');
  const events = ids('events');
  expect(events.length).toBeGreaterThan(10);
  for (const id of events) {
    await expect(svg.locator(`a[href="#${id}"]`), id).toHaveCount(1);
    await expect(page.locator(`ol.timeline [id="${id}"]`), `the list has ${id} too`).toHaveCount(1);
  }
  // Every event label carries at least one paragraph link; derived and undated events say so in the drawing.
  expect(await svg.locator('a[href*="/sources/"]').count()).toBeGreaterThanOrEqual(events.length);
  expect(await svg.locator('text.date').filter({ hasText: 'derived' }).count()).toBeGreaterThan(0);
  expect(await svg.locator('text.date').filter({ hasText: 'Undated' }).count()).toBeGreaterThan(0);
  expect(await svg.locator('.break').count()).toBeGreaterThan(0);
});

test('the actor map links every actor and draws every relation, listed with its sources below', async ({ page }) => {
  await page.goto('/actors/');
  const svg = page.locator('#actor-map svg');
  await expect(svg.locator('title').first()).toHaveText(/actors/i);
  for (const id of ids('actors')) await expect(svg.locator(`a[href$="/actors/${id}/"]`), id).toHaveCount(1);
  const drawn = await svg.locator('g.relation').count();
  expect(drawn).toBeGreaterThan(5);
  const listed = page.locator('.relations-list li');
  await expect(listed).toHaveCount(drawn);
  for (const li of await listed.all()) await expect(li.locator('a[href*="/sources/"]').first()).toBeVisible();
});

test('on a 375 px phone the matrix scrolls in its frame with the issue row and the actor column held in place', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/briefing/positions/');
  const frame = page.locator('.matrix-wrap');
  const corner = frame.locator('thead th').first();
  const header = frame.locator('thead th').nth(3);
  const rowHead = frame.locator('tbody th').first();
  await frame.evaluate((el) => el.scrollTo({ top: 0, left: 0 }));
  const before = { header: (await header.boundingBox())!, row: (await rowHead.boundingBox())! };
  await frame.evaluate((el) => el.scrollTo({ top: 150, left: 200 }));
  const after = { header: (await header.boundingBox())!, row: (await rowHead.boundingBox())!, corner: (await corner.boundingBox())! };
  expect(after.header.y, 'the issue row stays at the top').toBeCloseTo(before.header.y, 0);
  expect(after.row.x, 'the actor column stays at the left').toBeCloseTo(before.row.x, 0);
  expect(after.header.x).toBeLessThan(before.header.x);
  expect(after.corner.x).toBeCloseTo(before.row.x, 0);
  // Stance is told by word and symbol as well as by colour.
  await expect(frame.locator('td a[data-position]').first()).toHaveText(/^\S+\s+\w/);
});

const shots: { name: string; path: string; selector: string }[] = [
  { name: 'timeline', path: '/timeline/', selector: '.timeline-graphic' },
  { name: 'actor-map', path: '/actors/', selector: '#actor-map' },
  { name: 'matrix', path: '/briefing/positions/', selector: '.matrix-wrap' },
];
const views = [
  { name: 'desktop', width: 1280, height: 900, scheme: 'light' },
  { name: 'phone', width: 375, height: 740, scheme: 'light' },
  { name: 'desktop-dark', width: 1280, height: 900, scheme: 'dark' },
] as const;

async function show(page: Page, path: string, view: (typeof views)[number]) {
  await page.setViewportSize({ width: view.width, height: view.height });
  await page.emulateMedia({ colorScheme: view.scheme });
  await page.goto(path);
}

for (const shot of shots)
  for (const view of views)
    test(`${shot.name} looks as its baseline: ${view.name}`, async ({ page }) => {
      await show(page, shot.path, view);
      await expect(page.locator(shot.selector)).toHaveScreenshot(`${shot.name}-${view.name}.png`, { maxDiffPixelRatio: 0.01 });
    });

test('graphics print in black on white, with the matrix unclipped', async ({ page }) => {
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await page.goto('/briefing/positions/');
  const frame = page.locator('.matrix-wrap');
  expect(await frame.evaluate((el) => getComputedStyle(el).overflow)).toBe('visible');
  await page.goto('/timeline/');
  expect(await page.locator('.timeline-graphic .title').first().evaluate((el) => getComputedStyle(el).fill)).toBe('rgb(0, 0, 0)');
  await page.goto('/actors/');
  expect(await page.locator('#actor-map .node').first().evaluate((el) => getComputedStyle(el).fill)).toBe('rgb(255, 255, 255)');
});
