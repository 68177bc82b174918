// Audits over every page of both editions: axe-core (WCAG 2 A and AA) in light and dark colour schemes, no request
// to another host, a Content-Security-Policy without inline scripts, and every page readable without JavaScript.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listFiles } from '../src/lib/output/files.ts';
import { pagePaths, templateSample } from './site.ts';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * WCAG 2 A and AA violations on the page, as "rule: target (help)". Legacy mode runs axe.run in the page (and its
 * same-origin frames) directly; the default mode opens a second, blank page on every call to merge per-frame results,
 * which took more than half of each call and only matters for cross-origin frames, which a page here cannot have (any
 * request to another host fails the sweeps below). `resultTypes: ['violations']` skips the details of passing checks;
 * it changes no violation found.
 */
async function axe(page: Page): Promise<string[]> {
  // options() replaces every option, the rules withTags() picks included: it must come first.
  const builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(WCAG).setLegacyMode(true);
  const { violations } = await builder.analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${v.help})`));
}

/** The offline edition's file URL of a hosted page's path. */
const offlineUrl = (path: string) => pathToFileURL(join(resolve('dist-offline'), path.replace(/^\/+/, ''), path.endsWith('.html') ? '' : 'index.html')).href;

function offlinePages(): string[] {
  const root = resolve('dist-offline');
  return listFiles(root).filter((f) => f.endsWith('.html')).map((f) => pathToFileURL(join(root, f)).href).sort();
}

// Every test of this file may run in either worker.
test.describe.configure({ mode: 'parallel' });

// axe runs once per template and state (templateSample: about 25 pages of the 84), in both editions and both colour
// schemes: a page built from the same template as another, with other words, gives axe nothing new to find, and axe
// is most of this file's time (about half a second a page on 2 cores). Every page is still opened once per edition,
// below, for the request checks, and html-validate, linkinator and the spacing audit read every page's HTML.
for (const scheme of ['light', 'dark'] as const) {
  test(`hosted, ${scheme}: no axe violation on a page of each template`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: scheme });
    const paths = [...templateSample(await pagePaths()), '/404.html'];
    expect(paths.length).toBeGreaterThan(15);
    const problems: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      problems.push(...(await axe(page)).map((v) => `${path}: ${v}`));
    }
    expect(problems).toEqual([]);
  });

  test(`offline, ${scheme}: no axe violation on a page of each template`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: scheme });
    // The offline edition has no 404 page: a file that is not there is the file system's to report.
    const urls = templateSample(await pagePaths()).map(offlineUrl);
    const problems: string[] = [];
    for (const url of urls) {
      await page.goto(url);
      problems.push(...(await axe(page)).map((v) => `${relative(resolve('dist-offline'), new URL(url).pathname)}: ${v}`));
    }
    expect(problems).toEqual([]);
  });
}

test('hosted: no page requests anything from another host', async ({ page }) => {
  test.setTimeout(120_000);
  const foreign: string[] = [];
  page.on('request', (r) => { if (!r.url().startsWith('http://127.0.0.1:')) foreign.push(r.url()); });
  const paths = [...(await pagePaths()), '/404.html'];
  expect(paths.length).toBeGreaterThan(70);
  for (const path of paths) await page.goto(path, { waitUntil: 'load' });
  expect(foreign).toEqual([]);
});

test('offline: no page requests anything but its own files', async ({ page }) => {
  test.setTimeout(120_000);
  const foreign: string[] = [];
  page.on('request', (r) => { if (!r.url().startsWith('file://')) foreign.push(r.url()); });
  const pages = offlinePages();
  expect(pages.length).toBeGreaterThan(70);
  for (const url of pages) await page.goto(url, { waitUntil: 'load' });
  expect(foreign).toEqual([]);
});

test('the search page with results, filters and a preview open has no axe violation, light or dark', async ({ page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/search/?q=enrichment&type=position');
    await expect(page.locator('form#search')).toHaveAttribute('data-status', 'done');
    expect(await axe(page), scheme).toEqual([]);
    await page.goto('/briefing/military-context/');
    await page.locator('article a.xref').first().focus();
    await expect(page.locator('#xref-tip')).toBeVisible();
    expect(await axe(page), scheme).toEqual([]);
  }
});

test('every page carries a Content-Security-Policy that allows no inline script, and has none but JSON-LD data', async ({ request }) => {
  for (const path of await pagePaths()) {
    const html = await (await request.get(path)).text();
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(csp, path).toBeTruthy();
    const scriptSrc = csp!.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'))!;
    expect(scriptSrc, path).not.toContain("'unsafe-inline'");
    expect(scriptSrc, path).not.toContain("'unsafe-eval'");
    // A JSON-LD block is data that never runs (script-src does not govern it); any other inline script is refused.
    const inline = (html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? []).filter((tag) => tag !== '<script type="application/ld+json">');
    expect(inline, `${path} has an inline script`).toEqual([]);
  }
});

test('every page is readable and navigable with JavaScript off (search aside)', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const path of await pagePaths()) {
    await page.goto(path, { waitUntil: 'domcontentloaded' });
    await expect(page.locator('h1'), path).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
    expect(await nav.count(), path).toBe(7);
    if (path !== '/search/') expect((await page.locator('main').innerText()).length, path).toBeGreaterThan(200);
  }
  // Following links works without scripts: from home to an actor, then to a cited paragraph.
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actors' }).click();
  await page.getByRole('link', { name: 'Marco Rubio' }).first().click();
  await expect(page.locator('h1')).toHaveText('Marco Rubio');
  await page.locator('sup.cite a').first().click();
  await expect(page).toHaveURL(/\/sources\/[^/]+\/#p\d+$/);
  await context.close();
});
