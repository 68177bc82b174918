// The three build-time graphics: timeline, actor map and positions matrix. They must link every record they draw,
// look as the committed baselines do at desktop and phone widths; the positions grid fits its page or gives way to the by-party list.
import { expect, test, type Page } from '@playwright/test';
import { contentDir } from '../src/lib/content/content-dir.ts';
import { readContent } from '../src/lib/content/content-files.ts';
import type { CollectionName } from '../src/schemas/common.ts';

// The entries the graphics must draw, read the way the build reads them.
const { entries } = readContent(contentDir());
const ids = (collection: CollectionName) => entries.filter((e) => e.collection === collection).map((e) => e.id).sort();

test('the timeline SVG has a title, a description, and a link to every event and to each event’s sources', async ({ page }) => {
  await page.goto('/timeline/');
  // Two drawings of one timeline, wide and for phones: each links every event once.
  const svg = page.locator('.timeline-graphic svg.timeline-wide');
  const narrow = page.locator('.timeline-graphic svg.timeline-narrow');
  await expect(svg.locator('title').first()).toHaveText(/Timeline/);
  await expect(svg.locator('desc').first()).toContainText('derived');
  const events = ids('events');
  expect(events.length).toBeGreaterThan(10);
  for (const id of events) {
    await expect(svg.locator(`a[href="#${id}"]`), id).toHaveCount(1);
    await expect(narrow.locator(`a[href="#${id}"]`), `${id} (phone drawing)`).toHaveCount(1);
    await expect(page.locator(`.timeline [id="${id}"]`), `the list has ${id} too`).toHaveCount(1);
  }
  // Every event label carries at least one paragraph link; derived and undated events say so in the drawing.
  expect(await svg.locator('a[href*="/sources/"]').count()).toBeGreaterThanOrEqual(events.length);
  expect(await svg.locator('text.date').filter({ hasText: 'derived' }).count()).toBeGreaterThan(0);
  expect(await svg.locator('text.date').filter({ hasText: 'Undated' }).count()).toBeGreaterThan(0);
  expect(await svg.locator('.break').count()).toBeGreaterThan(0);
  // Dated events in date order in one list; undated ones after them, in a list of their own, by title.
  const undated = page.locator('ul.timeline > li h2');
  const titles = await undated.allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en')));
  await expect(page.locator('ol.timeline .undated')).toHaveCount(0);
});

test('the actor map links every actor and draws every relation, listed with its sources below', async ({ page }) => {
  await page.goto('/actors/');
  // Two drawings of one map, wide and for phones; each links every actor once and draws every relation.
  const drawings = page.locator('#actor-map svg[role="group"]');
  await expect(drawings).toHaveCount(2);
  const svg = drawings.first();
  await expect(svg.locator('title').first()).toHaveText(/actors/i);
  for (const drawing of await drawings.all())
    for (const id of ids('actors')) await expect(drawing.locator(`a[href$="/actors/${id}/"]`), id).toHaveCount(1);
  const drawn = await svg.locator('g.relation').count();
  await expect(drawings.last().locator('g.relation')).toHaveCount(drawn);
  expect(drawn).toBeGreaterThan(5);
  const listed = page.locator('.relations-list li');
  await expect(listed).toHaveCount(drawn);
  for (const li of await listed.all()) await expect(li.locator('a[href*="/sources/"]').first()).toBeVisible();
});

for (const width of [320, 390])
  test(`at ${width} px the actor map shows every actor inside its frame, with words of 11 px or more, and the page does not scroll sideways`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/actors/');
    const svg = page.locator('#actor-map svg[role="group"]:visible');
    await expect(svg).toHaveCount(1);
    const frame = (await page.locator('#actor-map .map-frame').boundingBox())!;
    const nodes = svg.locator('.nodes a');
    await expect(nodes).toHaveCount(ids('actors').length);
    for (const node of await nodes.all()) {
      const box = (await node.boundingBox())!;
      const name = (await node.textContent()) ?? '';
      expect(box.x, `${name} starts inside`).toBeGreaterThanOrEqual(frame.x);
      expect(box.x + box.width, `${name} ends inside`).toBeLessThanOrEqual(frame.x + frame.width);
      // Each label inside its own box.
      const [text, rect] = await node.evaluate((a) => [a.querySelector('text')!.getBoundingClientRect(), a.querySelector('rect')!.getBoundingClientRect()].map((r) => ({ left: r.left, right: r.right })));
      expect(text!.left, `${name}'s label inside its box`).toBeGreaterThanOrEqual(rect!.left);
      expect(text!.right, `${name}'s label inside its box`).toBeLessThanOrEqual(rect!.right);
    }
    const smallest = await svg.evaluate((el) => {
      const s = el as SVGSVGElement;
      const scale = s.getBoundingClientRect().width / s.viewBox.baseVal.width;
      return Math.min(...[...s.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
    });
    expect(smallest).toBeGreaterThanOrEqual(11);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'no horizontal scroll').toBe(0);
  });

test('on a desktop every actor map label is inside its box', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/actors/');
  const outside = await page.locator('#actor-map svg[role="group"]:visible').evaluate((svg) =>
    [...svg.querySelectorAll('.nodes a')].filter((a) => {
      const [t, r] = [a.querySelector('text')!.getBoundingClientRect(), a.querySelector('rect')!.getBoundingClientRect()];
      return t.left < r.left || t.right > r.right;
    }).map((a) => a.textContent));
  expect(outside).toEqual([]);
});

test('at 1280 px the grid shows every party and issue inside its frame, says what empty cells mean, and has a key', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/briefing/positions/');
  const view = page.locator('.party-grid');
  const matrix = page.getByRole('table', { name: /stances by issue/i });
  await expect(matrix).toBeVisible();
  const fit = await view.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, table: el.querySelector('table')!.getBoundingClientRect().width }));
  expect(fit.scroll, 'no column is off-screen or scrolled').toBeLessThanOrEqual(fit.client);
  expect(fit.table).toBeLessThanOrEqual(fit.client);
  // A row per issue with a position, its short title shown and its full title in the link's name.
  const withPosition = new Set(entries.filter((e) => e.collection === 'positions').map((p) => p.data.issue.id));
  const issues = entries.filter((e) => e.collection === 'issues' && withPosition.has(e.id));
  await expect(matrix.locator('tbody th[scope="row"]')).toHaveCount(issues.length);
  for (const issue of issues) {
    const header = matrix.locator('tbody th a').filter({ hasText: String(issue.data.shortTitle) });
    await expect(header, String(issue.data.shortTitle)).toHaveAccessibleName(new RegExp(String(issue.data.title).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  }
  // A column per party: no official has one (their stances are under their party's).
  const officials = new Set(entries.filter((e) => e.collection === 'actors' && e.data.affiliation).map((a) => a.id));
  for (const href of await matrix.locator('thead a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!)))
    expect(officials.has(href.split('/').at(-2)!), href).toBe(false);
  // Stance is told by word and symbol as well as by colour; an empty cell shows a mark and says what it means.
  await expect(matrix.locator('td a[data-position] .stance').first()).toHaveText(/^\S+\s+\w/);
  const empty = matrix.locator('td.none');
  expect(await empty.count()).toBeGreaterThan(0);
  await expect(empty.first()).toHaveText('no stance reported');
  expect(await empty.first().evaluate((td) => getComputedStyle(td, '::before').content)).toContain('–');
  const key = page.locator('.matrix-key');
  await expect(key).toBeVisible();
  await expect(key).toContainText('the report gives no stance');
  for (const word of await matrix.locator('td .stance').allInnerTexts()) await expect(key).toContainText(word.replace(/^\S+\s+/, ''));
  // Targets at least 24 × 24 px.
  for (const box of await matrix.locator('a').evaluateAll((as) => as.map((a) => a.getBoundingClientRect())))
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
});

test('where the grid does not fit (a 375 px phone) the by-party list takes its place, and the list by issue carries every stance', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/briefing/positions/');
  await expect(page.locator('.party-grid')).toBeHidden();
  await expect(page.locator('.by-party')).toBeVisible();
  const list = page.getByRole('region', { name: 'Every stance, by issue' });
  await expect(list).toBeVisible();
  for (const id of ids('positions')) await expect(list.locator(`a[data-position="${id}"]`), id).toBeVisible();
  await expect(list.locator('.stance').first()).toHaveText(/^\S+\s+\w/);
});

const shots: { name: string; path: string; selector: string; views?: string[] }[] = [
  { name: 'timeline', path: '/timeline/', selector: '.timeline-graphic' },
  { name: 'actor-map', path: '/actors/', selector: '#actor-map', views: ['desktop', 'phone', 'phone-320', 'desktop-dark'] },
  { name: 'matrix', path: '/briefing/positions/', selector: '.party-grid', views: ['desktop', 'desktop-dark'] },
  { name: 'matrix-list', path: '/briefing/positions/', selector: '.by-party', views: ['phone'] },
];
const views = [
  { name: 'desktop', width: 1280, height: 900, scheme: 'light' },
  { name: 'phone', width: 375, height: 740, scheme: 'light' },
  { name: 'phone-320', width: 320, height: 740, scheme: 'light' },
  { name: 'desktop-dark', width: 1280, height: 900, scheme: 'dark' },
] as const;

async function show(page: Page, path: string, view: (typeof views)[number]) {
  await page.setViewportSize({ width: view.width, height: view.height });
  await page.emulateMedia({ colorScheme: view.scheme });
  await page.goto(path);
}

for (const shot of shots)
  for (const view of views.filter((v) => (shot.views ? shot.views.includes(v.name) : v.name !== 'phone-320')))
    test(`${shot.name} looks as its baseline: ${view.name}`, async ({ page }) => {
      await show(page, shot.path, view);
      await expect(page.locator(shot.selector)).toHaveScreenshot(`${shot.name}-${view.name}.png`, { maxDiffPixelRatio: 0.01 });
    });

test('graphics print in black on white; the positions print as the grid and the list, nothing clipped', async ({ page }) => {
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await page.goto('/briefing/positions/');
  await expect(page.locator('.party-grid')).toBeVisible();
  await expect(page.locator('.by-party')).toBeHidden();
  await expect(page.locator('.by-issue')).toBeVisible();
  for (const badge of [page.locator('.party-grid .stance').first(), page.locator('.by-issue .stance').first()])
    expect(await badge.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
  const badge = page.locator('.by-issue .stance').first();
  expect(await badge.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
  await page.goto('/timeline/');
  expect(await page.locator('.timeline-graphic .title').first().evaluate((el) => getComputedStyle(el).fill)).toBe('rgb(0, 0, 0)');
  await page.goto('/actors/');
  expect(await page.locator('#actor-map .node').first().evaluate((el) => getComputedStyle(el).fill)).toBe('rgb(255, 255, 255)');
});

// The standalone files for reuse (src/lib/graphics/files.ts): well-formed SVG on their own, with title, key and
// source line, every word inside the drawing's frame, and no link to a page of the placeholder domain.
for (const name of ['timeline', 'actor-map', 'positions-matrix']) {
  test(`/graphics/${name}.svg stands alone: parses, titled, keyed and sourced, nothing outside its frame`, async ({ page, request }) => {
    const response = await request.get(`/graphics/${name}.svg`);
    expect(response.headers()['content-type']).toContain('image/svg+xml');
    const source = await response.text();
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? '', root: doc.documentElement.localName, ns: doc.documentElement.namespaceURI };
    }, source);
    expect(parsed).toEqual({ error: '', root: 'svg', ns: 'http://www.w3.org/2000/svg' });
    await page.goto(`/graphics/${name}.svg`);
    const facts = await page.evaluate(() => {
      const root = document.documentElement as unknown as SVGSVGElement;
      const { width, height } = root.viewBox.baseVal;
      const outside = [...root.querySelectorAll('text')].filter((t) => {
        const box = t.getBBox();
        const m = t.getCTM()!;
        const x = m.a * box.x + m.e, y = m.d * box.y + m.f;
        return x < 0 || y < 0 || x + box.width * m.a > width + 0.5 || y + box.height * m.d > height + 0.5;
      }).map((t) => t.textContent);
      return { title: root.querySelector(':scope > title')?.textContent, text: root.textContent ?? '', outside, links: [...root.querySelectorAll('a')].map((a) => a.getAttribute('href')) };
    });
    expect(facts.title).toMatch(/Muscat talks/);
    expect(facts.text).toMatch(/Source: News report/);
    expect(facts.text).toMatch(/as of 6 February 2026/);
    expect(facts.outside).toEqual([]);
    // npm test builds without SITE_URL: the files then link nowhere rather than to the placeholder domain.
    expect(facts.links).toEqual([]);
  });
}
