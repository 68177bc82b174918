import { expect, test, type Page } from '@playwright/test';

/** Opens the search page at `query` (a URL query string) and waits for Pagefind's results to render. */
async function searchFor(page: Page, query: string) {
  await page.goto(`/search/${query}`);
  await expect(page.locator('form#search')).toHaveAttribute('data-status', /done|idle/);
}
const results = (page: Page) => page.locator('#search-results > li.result');
const firstLink = (page: Page) => page.locator('#search-results .result-link').first();

const people: [string, string][] = [
  ['Rubio', '/actors/marco-rubio/'],
  ['Araqchi', '/actors/abbas-araqchi/'],
  ['Witkoff', '/actors/steve-witkoff/'],
  ['Kushner', '/actors/jared-kushner/'],
  ['Trump', '/actors/donald-trump/'],
  ['Leavitt', '/actors/karoline-leavitt/'],
  ['Netanyahu', '/actors/benjamin-netanyahu/'],
  ['Assad', '/actors/bashar-al-assad/'],
];
for (const [surname, path] of people) {
  test(`a search for "${surname}" finds that person's page first`, async ({ page }) => {
    await searchFor(page, `?q=${surname}`);
    await expect(firstLink(page)).toHaveAttribute('href', new RegExp(`^${path}(\\?|$)`));
  });
}

test('a glossary term finds its entry first, by term or alias', async ({ page }) => {
  await searchFor(page, '?q=HEU');
  await expect(firstLink(page)).toHaveAttribute('href', /^\/glossary\/highly-enriched-uranium\//);
});

test('filtering by actor narrows the results to pages about that actor', async ({ page }) => {
  await searchFor(page, '?q=enrichment');
  const total = async () => Number(await page.locator('form#search').getAttribute('data-total'));
  const before = await total();
  await page.getByRole('group', { name: 'Actor' }).getByRole('checkbox', { name: /^Iran\b/ }).check();
  await expect(page).toHaveURL(/actor=iran/);
  await expect(page.locator('form#search')).toHaveAttribute('data-status', 'done');
  const after = results(page);
  await expect(after.first()).toBeVisible();
  expect(await total()).toBeLessThan(before);
  for (const actors of await after.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.actors ?? '')))
    expect(actors.split(' ')).toContain('iran');
});

test('facet counts say how many results each filter would leave', async ({ page }) => {
  await searchFor(page, '?q=missiles');
  const label = page.getByRole('group', { name: 'Type' }).locator('label', { hasText: /^\s*Position/ });
  const count = Number((await label.textContent())!.match(/\((\d+)\)/)![1]);
  expect(count).toBeGreaterThan(0);
  await label.getByRole('checkbox').check();
  await expect(page.locator('form#search')).toHaveAttribute('data-total', String(count));
});

test('facets show counts, and a position is findable with its actor and issue as filters', async ({ page }) => {
  await searchFor(page, '?q=missiles&type=position&actor=marco-rubio&issue=ballistic-missiles');
  await expect(results(page)).toHaveCount(1);
  await expect(firstLink(page)).toHaveAttribute('href', /^\/positions\/marco-rubio--ballistic-missiles\//);
  await expect(page.getByRole('group', { name: 'Type' }).getByText(/Position \(\d+\)/)).toBeVisible();
});

test('query and filters live in the URL and survive a reload', async ({ page }) => {
  await searchFor(page, '');
  await page.getByRole('searchbox', { name: 'Search the briefing' }).fill('sanctions');
  await page.getByRole('group', { name: 'Type' }).getByRole('checkbox', { name: /^Position/ }).check();
  await expect(page).toHaveURL(/\?q=sanctions&type=position$/);
  await expect(page.locator('form#search')).toHaveAttribute('data-status', 'done');
  const titles = await page.locator('#search-results .result-link').allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  await page.reload();
  await expect(page.locator('form#search')).toHaveAttribute('data-status', 'done');
  await expect(page.locator('#search-input')).toHaveValue('sanctions');
  await expect(page.getByRole('group', { name: 'Type' }).getByRole('checkbox', { name: /^Position/ })).toBeChecked();
  expect(await page.locator('#search-results .result-link').allTextContents()).toEqual(titles);
});

test('keyboard only: "/" focuses the header box, Enter searches, arrows pick a result, Enter opens it, terms are highlighted', async ({ page }) => {
  await page.goto('/issues/');
  await page.keyboard.press('/');
  await expect(page.locator('#site-search')).toBeFocused();
  await page.keyboard.type('Witkoff');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=Witkoff/);
  await expect(page.locator('form#search')).toHaveAttribute('data-status', 'done');
  await page.keyboard.press('/'); // on the search page, its own box
  await expect(page.locator('#search-input')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(firstLink(page)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(firstLink(page)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/actors\/steve-witkoff\/\?highlight=witkoff/i);
  await expect(page.locator('mark.pagefind-highlight').first()).toBeVisible();
});

test('Ctrl+K focuses the search box', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  await expect(page.locator('#site-search')).toBeFocused();
});

test('zero results gives a helpful message and the live region says so', async ({ page }) => {
  await searchFor(page, '?q=qwxzjk');
  await expect(page.locator('#search-status')).toHaveText('No results for “qwxzjk”.');
  await expect(page.getByText('Check the spelling')).toBeVisible();
  await expect(page.locator('#search-empty').getByRole('link', { name: 'glossary' })).toBeVisible();
});

test('the live region announces the result count', async ({ page }) => {
  await searchFor(page, '?q=Oman');
  await expect(page.locator('#search-status')).toHaveAttribute('role', 'status');
  await expect(page.locator('#search-status')).toHaveText(/^\d+ results? for “Oman”\.$/);
});

const hostile = [
  'x'.repeat(2000),
  '"enrichment" \'Rubio\' “quoted”',
  '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=1">',
  '🚀 Iran 🇮🇷 ✨',
  'إيران والولايات المتحدة',
  'missiles\u202eIsrael',
];
for (const q of hostile) {
  test(`bad input is safe: ${JSON.stringify(q.slice(0, 24))}${q.length > 24 ? '…' : ''}`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await searchFor(page, `?q=${encodeURIComponent(q)}&actor=atlantis&type=%3Cb%3E&issue=`);
    await expect(page.locator('#search-input')).toHaveValue(q);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.locator('#search-results script, #search-results img')).toHaveCount(0);
    await expect(page.locator('#search-status')).not.toBeEmpty();
    await expect(page).toHaveURL(/\?q=[^&]+$/); // the unknown filter values were dropped
    expect(errors).toEqual([]);
  });
}

test('the count is the number of results listed, "Show more" included', async ({ page }) => {
  await searchFor(page, '?q=Iran');
  const total = Number(await page.locator('form#search').getAttribute('data-total'));
  const more = page.locator('#search-more');
  while (await more.isVisible()) await more.click();
  await expect(results(page)).toHaveCount(total);
  await expect(page.locator('#search-status')).toHaveText(`${total} results for “Iran”.`);
});

test('a word of the briefing is searched as typed: "Israeli" is not read as Israel', async ({ page }) => {
  await searchFor(page, `?q=${encodeURIComponent('Israeli air campaign June')}`);
  await expect(page.locator('#search-note')).toBeHidden();
  await expect(page.locator('#search-status')).toContainText('for “Israeli air campaign June”');
});

test('a question the report cannot answer lists nothing and says so', async ({ page }) => {
  await searchFor(page, `?q=${encodeURIComponent('oil prices 2027')}`);
  await expect(results(page)).toHaveCount(0);
  await expect(page.locator('#search-note')).toContainText('The briefing never mentions “oil” or “prices” or “2027”');
  await expect(page.getByText('may not cover this')).toBeVisible();
});

for (const width of [320, 390, 1280]) {
  test(`the keyboard hint's key is one box on one line at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await searchFor(page, '');
    const key = page.locator('#search-hint kbd');
    await expect(key).toHaveText('↓');
    const rects = await key.evaluate((el) => el.getClientRects().length);
    expect(rects).toBe(1);
  });
}
