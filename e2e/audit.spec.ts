// Audits over every page of both editions: axe-core (WCAG 2 A and AA) in light and dark colour schemes, no request
// to another host, a Content-Security-Policy without inline scripts, and every page readable without JavaScript.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sitemapPaths } from './site.ts';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axe(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${v.help})`));
}

function offlinePages(): string[] {
  const root = resolve('dist-offline');
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : n.endsWith('.html') ? [join(d, n)] : []));
  return walk(root).map((f) => pathToFileURL(f).href).sort();
}

for (const scheme of ['light', 'dark'] as const) {
  test(`hosted, ${scheme}: no axe violation on any page, and no request to another host`, async ({ page, request }) => {
    test.setTimeout(600_000); // axe on every page takes minutes on 2 cores
    const foreign: string[] = [];
    page.on('request', (r) => { if (!r.url().startsWith('http://127.0.0.1:')) foreign.push(r.url()); });
    await page.emulateMedia({ colorScheme: scheme });
    const problems: string[] = [];
    const paths = await sitemapPaths(request);
    for (const path of [...paths, '/404.html']) {
      await page.goto(path);
      problems.push(...(await axe(page)).map((v) => `${path}: ${v}`));
    }
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
  });

  test(`offline, ${scheme}: no axe violation on any page, and no request but to its own files`, async ({ page }) => {
    test.setTimeout(600_000); // axe on every page takes minutes on 2 cores
    const foreign: string[] = [];
    page.on('request', (r) => { if (!r.url().startsWith('file://')) foreign.push(r.url()); });
    await page.emulateMedia({ colorScheme: scheme });
    const problems: string[] = [];
    const pages = offlinePages();
    expect(pages.length).toBeGreaterThan(70);
    for (const url of pages) {
      await page.goto(url);
      problems.push(...(await axe(page)).map((v) => `${relative(resolve('dist-offline'), new URL(url).pathname)}: ${v}`));
    }
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
  });
}

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

test('every page carries a Content-Security-Policy that allows no inline script, and has none', async ({ request }) => {
  for (const path of await sitemapPaths(request)) {
    const html = await (await request.get(path)).text();
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(csp, path).toBeTruthy();
    const scriptSrc = csp!.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'))!;
    expect(scriptSrc, path).not.toContain("'unsafe-inline'");
    expect(scriptSrc, path).not.toContain("'unsafe-eval'");
    expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? [], `${path} has an inline script`).toEqual([]);
  }
});

test('every page is readable and navigable with JavaScript off (search aside)', async ({ browser, request }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const path of await sitemapPaths(request)) {
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
