// Phone details: no page of either edition is wider than a 320 px screen (every page, not a sample); the timeline's
// phone drawing keeps its smallest text at 12 px or more and its links 24 px or more from 320 to 430 px; the menu
// closes on Escape (focus back on its button) and on a tap outside.
import { expect, test } from '@playwright/test';
import { pagePaths } from './site.ts';

test.describe('on a 320 px phone', () => {
  test.use({ viewport: { width: 320, height: 700 }, hasTouch: true, isMobile: true });

  test('no page is wider than the screen', async ({ page }) => {
    test.setTimeout(120_000);
    const pages = await pagePaths();
    expect(pages.length).toBeGreaterThan(80);
    const wide: string[] = [];
    for (const path of pages) {
      await page.goto(path);
      const { width, culprits } = await page.evaluate(() => ({
        width: document.documentElement.scrollWidth,
        culprits: [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > innerWidth + 0.5 && el.checkVisibility() && !el.closest('.vh'))
          .slice(0, 3).map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
      }));
      if (width > 320) wide.push(`${path}: ${width} px (${culprits.join(', ')})`);
    }
    expect(wide).toEqual([]);
  });
});

for (const width of [320, 390, 430])
  test(`at ${width} px the timeline shows its phone drawing: text at least 12 px, links at least 24 px`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width, height: 800 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto('/timeline/');
    await expect(page.locator('.timeline-graphic svg.timeline-narrow')).toBeVisible();
    await expect(page.locator('.timeline-graphic svg.timeline-wide')).toBeHidden();
    const { font, target } = await page.locator('.timeline-graphic svg.timeline-narrow').evaluate((svg) => {
      const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
      const fonts = [...svg.querySelectorAll('text, tspan')].filter((t) => (t.textContent ?? '').trim()).map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
      const targets = [...svg.querySelectorAll('a')].map((a) => a.getBoundingClientRect()).map((r) => Math.min(r.width, r.height));
      return { font: Math.min(...fonts), target: Math.min(...targets) };
    });
    expect(font, 'smallest text, px').toBeGreaterThanOrEqual(12);
    expect(target, 'smallest link, px').toBeGreaterThanOrEqual(24);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await context.close();
  });

test.describe('the phone menu', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('closes on Escape, giving focus back to its button, and on a tap outside', async ({ page }) => {
    await page.goto('/actors/iran/');
    const menu = page.locator('details.menu');
    const summary = menu.locator('summary');
    const actors = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actors' });
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(actors).toBeVisible();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect(actors).toBeHidden();
    await expect(summary).toBeFocused();
    await summary.tap();
    await expect(actors).toBeVisible();
    await page.locator('h1').tap();
    await expect(actors).toBeHidden();
  });
});
