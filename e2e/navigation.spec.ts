// Navigation: previous/next through the reading order, "On this page", breadcrumbs, the phone header and its menu,
// and the size of citation markers as tap targets.
import { expect, test } from '@playwright/test';
import { contentDir } from '../src/lib/content/content-dir.ts';
import { readContent } from '../src/lib/content/content-files.ts';
import { readingOrder } from '../src/lib/pages/reading-order.ts';
import { pagePaths } from './site.ts';

// The reading order, read the way the build reads the briefing pages.
const briefing = readContent(contentDir()).entries.filter((e) => e.collection === 'briefing');
const order = readingOrder(briefing.map((b) => ({ id: b.id, data: { order: b.data.order, navTitle: b.data.navTitle } })));
const PHONE = { width: 390, height: 844 };

test('"Next" from the first page reaches the last through the whole reading order, and "Previous" comes back', async ({ page }) => {
  const path = () => new URL(page.url()).pathname;
  // Follow a link and wait for the page it names, so a slow load cannot end the chain early.
  const follow = async (rel: 'prev' | 'next') => {
    const link = page.locator(`.prev-next a[rel="${rel}"]`);
    const to = new URL((await link.getAttribute('href'))!, page.url()).pathname;
    await link.click();
    await page.waitForURL((u) => u.pathname === to);
    await page.waitForLoadState('domcontentloaded');
  };
  await page.goto(order[0]!.path);
  const forward = [path()];
  await expect(page.locator('.prev-next a[rel="prev"]')).toHaveCount(0);
  while ((await page.locator('.prev-next a[rel="next"]').count()) > 0) {
    await follow('next');
    forward.push(path());
    expect(forward.length, 'the chain ends').toBeLessThanOrEqual(order.length);
  }
  expect(forward).toEqual(order.map((s) => s.path));
  const back = [path()];
  while ((await page.locator('.prev-next a[rel="prev"]').count()) > 0) {
    await follow('prev');
    back.push(path());
    expect(back.length, 'the chain ends').toBeLessThanOrEqual(order.length);
  }
  expect(back).toEqual([...forward].reverse());
  // Every briefing page is in the order.
  expect(order.filter((s) => s.path === '/' || s.path.startsWith('/briefing/'))).toHaveLength(briefing.length);
});

test('"On this page" is on exactly the pages with more than three h2 headings, its links land on them, breadcrumbs go to distinct pages', async ({ page }) => {
  test.setTimeout(120_000);
  const shown: string[] = [];
  for (const path of await pagePaths()) {
    await page.goto(path, { waitUntil: 'domcontentloaded' });
    const info = await page.evaluate(() => ({
      h2s: [...document.querySelectorAll('main h2[id]')].map((h) => h.id),
      toc: [...document.querySelectorAll('.on-this-page a')].map((a) => a.getAttribute('href')!),
      crumbs: [...document.querySelectorAll('.breadcrumbs a')].map((a) => new URL(a.getAttribute('href')!, document.baseURI).pathname),
      prevNext: document.querySelectorAll('.prev-next a').length,
      ownContents: !!document.querySelector('main h2#contents'),
    }));
    // The actor map's own heading on the actors index is not listed; everything else is.
    const h2s = info.h2s.filter((id) => id !== 'relations-heading');
    if (info.ownContents) {
      // The one-document brief opens with its own contents list of its parts; it needs no second one.
      expect(info.toc, `${path}: its own contents, no "On this page"`).toEqual([]);
    } else if (h2s.length > 3) {
      shown.push(path);
      expect(info.toc, `${path}: "On this page" lists its h2s`).toEqual(h2s.map((id) => `#${id}`));
    } else {
      expect(info.toc, `${path}: no "On this page" with ${h2s.length} h2s`).toEqual([]);
    }
    expect(new Set([...info.crumbs, path]).size, `${path}: breadcrumbs ${info.crumbs.join(' ')}`).toBe(info.crumbs.length + 1);
    expect(info.prevNext > 0, `${path}: previous/next only in the reading order`).toBe(order.some((s) => s.path === path));
  }
  expect(shown).toEqual(expect.arrayContaining(['/briefing/military-context/', '/briefing/regional-stakes/', '/actors/iran/', '/timeline/']));
  // A link lands on its heading.
  await page.goto('/briefing/regional-stakes/');
  await page.locator('.on-this-page a').nth(2).click();
  const target = decodeURIComponent(new URL(page.url()).hash.slice(1));
  await expect(page.locator(`h2[id="${target}"]`)).toBeInViewport();
});

test('"Mentioned in" groups pages by type and folds long groups into a disclosure', async ({ page }) => {
  await page.goto('/actors/iran/');
  const section = page.locator('section[aria-labelledby="mentioned-in"]');
  await expect(section.locator('h3').first()).toBeVisible();
  const folded = section.locator('details');
  expect(await folded.count()).toBeGreaterThan(0);
  const hidden = folded.first().locator('a').first();
  await expect(hidden).toBeHidden();
  await folded.first().locator('summary').click();
  await expect(hidden).toBeVisible();
});

test.describe('on a 390 px phone', () => {
  test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

  test('the header is two compact rows, the search box a row of its own, and the menu opens with the keyboard', async ({ page }) => {
    for (const path of ['/', '/actors/iran/', '/briefing/military-context/']) {
      await page.goto(path);
      const box = await page.locator('header.site-header').boundingBox();
      expect(box!.height, `${path}: header height`).toBeLessThanOrEqual(112);
      // Wide enough to read back what was typed: most of the row, not a sliver beside the menu.
      const input = await page.locator('#site-search').boundingBox();
      expect(input!.width, `${path}: search box width`).toBeGreaterThanOrEqual(0.6 * PHONE.width);
    }
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Actors' })).toBeHidden();
    await expect(page.locator('#site-search')).toBeVisible();
    await page.locator('.menu > summary').focus();
    await page.keyboard.press('Enter');
    await expect(nav.getByRole('link', { name: 'Actors' })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(nav.getByRole('link', { name: 'Briefing' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/$/);
  });

  test('the search box shows no keyboard hint on touch', async ({ page }) => {
    await page.goto('/actors/iran/');
    await expect(page.locator('#site-search')).toHaveAttribute('placeholder', 'Search');
    await expect(page.locator('.key-hint')).toBeHidden();
  });

  test('citation markers are at least 24 × 24 px', async ({ page }) => {
    for (const path of ['/', '/briefing/military-context/', '/actors/iran/', '/issues/uranium-enrichment/']) {
      await page.goto(path);
      const boxes = await page.locator('sup.cite a').evaluateAll((links) => links.map((a) => a.getBoundingClientRect()).map((r) => [r.width, r.height]));
      expect(boxes.length, path).toBeGreaterThan(0);
      for (const [w, h] of boxes) expect(Math.min(w!, h!), `${path}: ${w}×${h}`).toBeGreaterThanOrEqual(24);
    }
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: PHONE });

  test('the phone menu opens and its links work', async ({ page }) => {
    await page.goto('/actors/iran/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await page.locator('.menu > summary').click();
    await nav.getByRole('link', { name: 'Timeline' }).click();
    await expect(page).toHaveURL(/\/timeline\/$/);
  });
});

test('on a desktop the header shows every link with no menu button, and the "/" hint', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/actors/iran/');
  await expect(page.locator('.menu > summary')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveCount(7);
  for (const link of await page.getByRole('navigation', { name: 'Main' }).getByRole('link').all()) await expect(link).toBeVisible();
  await expect(page.locator('.key-hint')).toBeVisible();
});
