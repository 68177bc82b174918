// The positions view shows everything at any width, without horizontal scrolling or hover: every position has a
// visible link that is inside the viewport and not covered or clipped, and every headline is in the visible text.
// The same holds for the issue and actor pages' slices of it, and nothing in it is wider than an A4 page in print.
import { expect, test, type Page } from '@playwright/test';
import { contentDir } from '../src/lib/content/content-dir.ts';
import { readContent } from '../src/lib/content/content-files.ts';
import { partyOf } from '../src/lib/content/parties.ts';

// The positions, read the way the build reads them.
const entries = readContent(contentDir()).entries;
const positions = entries.filter((e) => e.collection === 'positions');
const actors = new Map(entries.filter((e) => e.collection === 'actors').map((a) => [a.id, a]));
const headlines = new Map(positions.map((p) => [p.id, String(p.data.headline)]));
const onIssue = (issue: string) => positions.filter((p) => p.data.issue.id === issue).map((p) => p.id).sort();
// An actor's page lists its own stances and, for a party (no affiliation), those of the officials who speak for it.
const ofActor = (actor: string) => positions
  .filter((p) => p.data.actor.id === actor || (!actors.get(actor)?.data.affiliation && partyOf(actors as never, p.data.actor.id) === actor))
  .map((p) => p.id).sort();

const VIEW = '/briefing/positions/';
const sizes = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

interface LinkReport {
  id: string;
  /** Inside the viewport's width once scrolled into view vertically. */
  inside: boolean;
  /** document.elementFromPoint at the centre of its first box is the link or inside it. */
  onTop: boolean;
  box: string;
}

/** (1) The page does not scroll sideways. */
async function overflow(page: Page) {
  return page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth }));
}

/**
 * (2) Every visible a[data-position]: scrolled into view with window.scrollTo(0, y) only, is it inside the viewport's
 * width, and is the element at its centre the link itself (so nothing covers or clips it)?
 */
async function visibleLinks(page: Page): Promise<LinkReport[]> {
  return page.evaluate(() => {
    const out: LinkReport[] = [];
    for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-position]')) {
      if (!a.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const first = a.getClientRects()[0];
      if (!first || first.width === 0 || first.height === 0) continue;
      window.scrollTo(0, Math.max(0, first.top + window.scrollY - innerHeight / 2));
      const box = a.getBoundingClientRect();
      const part = a.getClientRects()[0]!;
      const hit = document.elementFromPoint(part.left + part.width / 2, part.top + part.height / 2);
      out.push({
        id: a.dataset.position!,
        inside: box.left >= 0 && box.right <= innerWidth,
        onTop: !!hit && a.contains(hit),
        box: `${Math.round(box.left)}–${Math.round(box.right)} of ${innerWidth}, hit ${hit?.tagName.toLowerCase()}.${hit?.className}`,
      });
    }
    window.scrollTo(0, 0);
    return out;
  });
}

async function expectAllReachable(page: Page) {
  const { scrollWidth, innerWidth } = await overflow(page);
  expect(scrollWidth, 'no horizontal overflow').toBeLessThanOrEqual(innerWidth);
  const links = await visibleLinks(page);
  expect(links.length).toBeGreaterThan(0);
  for (const l of links) {
    expect(l.inside, `${l.id} lies inside the viewport's width (${l.box})`).toBe(true);
    expect(l.onTop, `${l.id} is neither covered nor clipped (${l.box})`).toBe(true);
  }
  return links;
}

for (const size of sizes)
  test(`${size.name} (${size.width} px): every position is visible, reachable and has its headline on the page`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto(VIEW);
    const links = await expectAllReachable(page);
    // (3) Every position has at least one visible link.
    const shown = new Set(links.map((l) => l.id));
    expect(positions.length).toBeGreaterThan(20);
    for (const p of positions) expect(shown.has(p.id), `${p.id} has a visible link`).toBe(true);
    // (4) Every headline is in the visible text: never only in a hover title.
    const text = await page.locator('main').innerText();
    for (const [id, headline] of headlines) expect(text, `${id}'s headline`).toContain(headline);
    // No frame scrolls sideways either: the matrix, where shown, fits its column.
    const scrolling = await page.locator('.positions-view').evaluate((view) =>
      [view, ...view.querySelectorAll('*')]
        .filter((el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.scrollWidth} in ${el.clientWidth}`));
    expect(scrolling, 'frames that scroll sideways').toEqual([]);
  });

test('on a 390 px phone the issue and actor pages list their stances the same way, all reachable', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const pages = [
    ...new Set(positions.map((p) => p.data.issue.id as string)),
  ].map((id) => ({ path: `/issues/${id}/`, section: '#stances', ids: onIssue(id) })).concat(
    [...new Set(positions.map((p) => p.data.actor.id as string))].map((id) => ({ path: `/actors/${id}/`, section: '#positions', ids: ofActor(id) })),
  );
  expect(pages.length).toBeGreaterThan(15);
  for (const { path, section, ids } of pages) {
    await page.goto(path);
    await expect(page.locator(section), `${path} keeps ${section}`).toHaveCount(1);
    const links = await test.step(path, () => expectAllReachable(page));
    expect([...new Set(links.map((l) => l.id))].sort(), `${path} links each of its positions`).toEqual(ids);
    // One entry view everywhere: the stance by symbol and word, the headline, the summary, the source paragraphs.
    const entry = page.locator(`section:has(${section}) li.entry`).first();
    await expect(entry.locator('.stance')).toHaveText(/^\S+\s+\w/);
    await expect(entry.locator('a[href*="/sources/"]').first()).toBeVisible();
  }
});

for (const width of [794, 718])
  test(`in print at ${width} px (A4${width < 794 ? ' within Chromium’s default margins' : ''}) nothing in the positions view is wider than the page`, async ({ page }) => {
    await page.setViewportSize({ width, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    await page.goto(VIEW);
    const { scrollWidth, innerWidth } = await overflow(page);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    const wide = await page.locator('.positions-view').evaluate((view) =>
      [view, ...view.querySelectorAll('*')]
        // Visually hidden text (.vh) is clipped on purpose.
        .filter((el) => el.checkVisibility() && !el.closest('.vh'))
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ el, box }) => box.left < 0 || box.right > document.documentElement.clientWidth || el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
        .map(({ el, box }) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(box.left)}–${Math.round(box.right)}`));
    expect(wide, 'elements wider than the page, or clipped').toEqual([]);
    // The list carries every position on paper.
    const printed = await visibleLinks(page);
    expect(new Set(printed.map((l) => l.id)).size).toBe(positions.length);
  });
