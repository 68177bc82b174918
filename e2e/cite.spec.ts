// "Cite this page" (src/components/CiteThisPage.astro, src/scripts/cite-copy.ts): plain text to select without
// JavaScript; with it, a Copy button per style that puts the exact text on the clipboard and says so in a live
// region, by mouse or keyboard; no axe violation with the box open; and the JSON-LD block trips no CSP report.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const PAGE = '/actors/iran/';
const box = (page: Page) => page.locator('details.cite-page');
const openBox = async (page: Page) => {
  await box(page).getByText('Cite this page', { exact: true }).click();
  await expect(box(page)).toHaveAttribute('open', '');
};

test('without JavaScript the four references are plain, selectable text, and there is no button that does nothing', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PAGE);
  await expect(box(page)).not.toHaveAttribute('open', '');
  await openBox(page);
  // npm test builds without SITE_URL: there is no canonical link then, and the references name no address.
  const canonical = await page.locator('link[rel=canonical]').count() ? await page.locator('link[rel=canonical]').getAttribute('href') : null;
  await expect(box(page).locator('dt')).toHaveText(['APA', 'MLA', 'Chicago', 'BibTeX']);
  await expect(box(page).locator('[data-cite-text="apa"]')).toHaveText(canonical
    ? `Muscat talks briefing. (${(await revised(page)).apa}). Iran. Retrieved ${await retrieved(page)}, from ${canonical}`
    : `Muscat talks briefing. (${(await revised(page)).apa}). Iran.`);
  if (!canonical) await expect(box(page).locator('.cite-note')).toHaveText('This copy was made without a web address, so these references name none.');
  await expect(box(page).locator('[data-cite-text="bibtex"]')).toContainText('@misc{muscat-talks-briefing-actors-iran,');
  await expect(box(page).getByRole('button')).toHaveCount(0);
  // Selectable: a triple click selects the reference.
  await box(page).locator('[data-cite-text="chicago"]').click({ clickCount: 3 });
  expect(await page.evaluate(() => getSelection()?.toString().trim())).toBe(`Muscat talks briefing. “Iran.” Last modified ${(await revised(page)).chicago}.${canonical ? ` ${canonical}.` : ''}`);
  await context.close();
});

/** The APA reference's retrieval date, as the page states it. */
/** The content's revision date that the footer names, as APA ("2026, December 7") and Chicago ("December 7, 2026") write it. */
const revised = async (page: Page) => {
  const day = new Date(`${await page.locator('.site-footer time').getAttribute('datetime')}T00:00:00Z`);
  const month = day.toLocaleDateString('en-US', { month: 'long', timeZone: 'UTC' });
  return { apa: `${day.getUTCFullYear()}, ${month} ${day.getUTCDate()}`, chicago: `${month} ${day.getUTCDate()}, ${day.getUTCFullYear()}` };
};
const retrieved = async (page: Page) => /Retrieved (\w+ \d+, \d{4}), from/.exec((await box(page).locator('[data-cite-text="apa"]').textContent())!)![1]!;

test('Copy puts the exact reference on the clipboard and announces it, by mouse and by keyboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(PAGE);
  await openBox(page);
  const status = box(page).getByRole('status');
  await expect(status).toBeEmpty();

  const mla = box(page).getByRole('button', { name: /MLA citation$/ });
  await expect(mla).toHaveAccessibleName('Copy MLA citation');
  await mla.click();
  await expect(status).toHaveText('Copied the MLA citation.');
  await expect(mla).toHaveText('Copied MLA citation'); // "Copied" shows for a moment (" MLA citation" is for screen readers)
  await expect(mla).toHaveText('Copy MLA citation');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await box(page).locator('[data-cite-text="mla"]').textContent());

  // Keyboard: Tab reaches the next button after the MLA one; Enter copies.
  await mla.focus();
  await page.keyboard.press('Tab');
  await expect(box(page).getByRole('button', { name: 'Copy Chicago citation' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('Copied the BibTeX citation.');
  const bibtex = await page.evaluate(() => navigator.clipboard.readText());
  expect(bibtex).toBe(await box(page).locator('[data-cite-text="bibtex"]').textContent());
  // Seven lines: npm test builds without SITE_URL, so no url and urldate (nine with them).
  expect(bibtex.split('\n')).toHaveLength(7);
  expect(bibtex).not.toMatch(/\burl\b/);
  expect(violations).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`with the box open and its buttons in place, no axe violation (${scheme})`, async ({ page }) => {
    test.setTimeout(90_000); // axe on four pages, on 2 shared cores
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of ['/', PAGE, '/glossary/', '/briefing/positions/']) {
      await page.goto(path);
      await openBox(page);
      await expect(box(page).getByRole('button')).toHaveCount(4);
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).include('details.cite-page').analyze();
      expect(violations.flatMap((v) => v.nodes.map((n) => `${path}: ${v.id} ${n.target.join(' ')}`))).toEqual([]);
    }
  });
}

test('offline (file://): the Copy buttons work there too, and the references name no placeholder address', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(pathToFileURL(join(resolve('dist-offline'), 'actors/iran/index.html')).href);
  await openBox(page);
  const note = await page.locator('.offline-note').textContent();
  if (/without a web address/.test(note!)) {
    await expect(box(page).locator('[data-cite-text="apa"]')).toHaveText(`Muscat talks briefing. (${(await revised(page)).apa}). Iran [Offline copy].`);
    await expect(box(page)).not.toContainText('example.org');
    await expect(box(page).locator('.cite-note')).toHaveCount(1);
  }
  await box(page).getByRole('button', { name: 'Copy APA citation' }).click();
  // A browser may refuse the clipboard to file:// pages; the text is then selected for the reader to copy.
  await expect(box(page).getByRole('status')).toHaveText(/^(Copied the APA citation\.|The APA citation is selected: press Ctrl\+C)/);
});
