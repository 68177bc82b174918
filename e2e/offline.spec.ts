// The offline edition, opened straight from disk (file://), as a reader with the zip would.
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatBytes, listFiles } from '../src/lib/output/files.ts';
import { INDEX_FILE, payloadFiles, SHARD_DIR, type OfflineIndex } from '../src/lib/search/offline-search.ts';
import { SITE } from '../src/site.ts';
import { ZIP_FOLDER } from '../src/integrations/offline.ts';

const edition = resolve('dist-offline');
const fileUrl = (path: string) => pathToFileURL(join(edition, path)).href;

test('crawling from index.html reaches every page through file links, with no failed request or console error', async ({ page }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console on ${page.url()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`script error on ${page.url()}: ${e.message}`));
  page.on('requestfailed', (r) => {
    // Chromium fetches the favicon after the load event, so moving on to the next page can cancel it
    // (net::ERR_ABORTED). That is our navigation, not a fault of the edition, as long as the file is there.
    const cancelledByUs = r.failure()?.errorText === 'net::ERR_ABORTED' && r.url().startsWith('file:') && existsSync(fileURLToPath(r.url()));
    if (!cancelledByUs) problems.push(`failed request ${r.url()} from ${page.url()}: ${r.failure()?.errorText}`);
  });
  page.on('request', (r) => { if (!r.url().startsWith('file://')) problems.push(`request to another host: ${r.url()}`); });

  const seen = new Set<string>();
  const ids = new Map<string, Set<string>>();
  const anchors: [string, string, string][] = [];
  const queue = ['index.html'];
  while (queue.length) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    await page.goto(fileUrl(path));
    const found = await page.evaluate(() => ({
      ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
      refs: [
        ...[...document.querySelectorAll('a[href], link[href]')].map((e) => e.getAttribute('href')!),
        ...[...document.querySelectorAll('script[src], img[src]')].map((e) => e.getAttribute('src')!),
        ...[...document.querySelectorAll('form[action]')].map((e) => e.getAttribute('action')!),
      ],
      note: document.querySelector('.offline-note')?.textContent ?? '',
    }));
    ids.set(path, new Set(found.ids));
    expect(found.note, `${path} says when this offline copy was made`).toMatch(/^Offline copy made on \d{1,2} \w+ \d{4}, \d\d:\d\d UTC\. (The hosted edition|It was made without a web address)/);
    for (const ref of found.refs) {
      if (/^[a-z]+:/i.test(ref) || ref.startsWith('#')) {
        if (ref.startsWith('file:') || ref.startsWith('/')) problems.push(`${path}: absolute link ${ref}`);
        continue;
      }
      expect(ref.startsWith('/'), `${path}: root-absolute link ${ref}`).toBe(false);
      const target = new URL(ref, fileUrl(path));
      const file = fileURLToPath(new URL(target.pathname, target));
      const rel = relative(edition, file);
      if (!existsSync(file)) { problems.push(`${path}: ${ref} → missing ${rel}`); continue; }
      if (statSync(file).isDirectory()) { problems.push(`${path}: ${ref} → a folder`); continue; }
      if (rel.endsWith('.html')) {
        queue.push(rel);
        if (target.hash) anchors.push([path, rel, decodeURIComponent(target.hash.slice(1))]);
      }
    }
  }
  for (const [from, to, id] of anchors) if (!ids.get(to)?.has(id)) problems.push(`${from}: #${id} missing on ${to}`);
  expect(problems).toEqual([]);
  const html = listFiles(edition).filter((f) => f.endsWith('.html'));
  expect(html.length).toBeGreaterThan(60);
  expect(html.filter((f) => !seen.has(f))).toEqual([]);
});

test('offline search finds a person by surname, with filters, from file://', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(fileUrl('index.html'));
  await page.getByRole('searchbox', { name: 'Search the briefing' }).fill('Rubio');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/search\/index\.html\?q=Rubio$/);
  await expect(page.locator('form#search')).toHaveAttribute('data-status', 'done');
  await expect(page.getByRole('searchbox', { name: 'Search the briefing' })).toHaveAttribute('type', 'search');
  await expect(page.locator('#search-results .result-link').first()).toHaveAttribute('href', '../actors/marco-rubio/index.html');
  await page.getByRole('group', { name: 'Type' }).getByRole('checkbox', { name: /^Position/ }).check();
  await expect(page.locator('form#search')).toHaveAttribute('data-status', 'done');
  await expect(page).toHaveURL(/\?q=Rubio&type=position$/);
  for (const type of await page.locator('#search-results > li').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.type)))
    expect(type).toBe('position');
  await page.locator('#search-results .result-link').first().click();
  await expect(page).toHaveURL(/\/positions\/[^/]+\/index\.html$/);
  expect(errors).toEqual([]);
});

for (const [surname, path] of [['Rubio', 'marco-rubio'], ['Netanyahu', 'benjamin-netanyahu'], ['Araqchi', 'abbas-araqchi']]) {
  test(`offline search for "${surname}" ranks that person's page first`, async ({ page }) => {
    await page.goto(`${fileUrl('search/index.html')}?q=${surname}`);
    await expect(page.locator('form#search')).toHaveAttribute('data-status', 'done');
    await expect(page.locator('#search-results .result-link').first()).toHaveAttribute('href', `../actors/${path}/index.html`);
  });
}

test('a sharded index loads its shards as classic scripts from file:// and finds the same first page', async ({ page }) => {
  // The real site's index is small enough to ship inside search-index.js; write its shards out as a large site's are.
  const copy = mkdtempSync(join(tmpdir(), 'offline-sharded-'));
  try {
    cpSync(realpathSync(edition), copy, { recursive: true }); // dist-offline/ may be a link to the latest build
    const text = readFileSync(join(copy, INDEX_FILE), 'utf8');
    const { inline, ...index } = JSON.parse(text.slice(text.indexOf('=') + 1, text.lastIndexOf(';'))) as OfflineIndex;
    expect(inline, 'the real site ships its shards inline').toBeDefined();
    for (const [file, body] of payloadFiles({ index, shards: inline! })) {
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      writeFileSync(join(copy, file), body);
    }
    const errors: string[] = [];
    const loaded: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('requestfinished', (r) => { if (r.url().includes(`/${SHARD_DIR}/`)) loaded.push(r.url().split('/').pop()!); });
    await page.goto(`${pathToFileURL(join(copy, 'search/index.html')).href}?q=Rubio`);
    await expect(page.locator('form#search')).toHaveAttribute('data-status', 'done');
    await expect(page.locator('#search-results .result-link').first()).toHaveAttribute('href', '../actors/marco-rubio/index.html');
    await expect(page.locator('#search-results .excerpt').first()).not.toBeEmpty();
    expect(loaded.sort()).toEqual(['excerpts-0.js', 'terms-0.js']);
    expect(await page.locator('script[src*="search-index/"]').count(), 'loaded shard scripts are removed again').toBe(0);
    expect(errors).toEqual([]);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

test('a glossary preview opens offline, and Esc closes it', async ({ page }) => {
  await page.goto(fileUrl('briefing/military-context/index.html'));
  const link = page.locator('article a.xref').first();
  await link.focus();
  await expect(page.locator('#xref-tip')).toBeVisible();
  await expect(page.locator('#xref-tip')).toHaveText((await link.getAttribute('data-preview'))!);
  await page.keyboard.press('Escape');
  await expect(page.locator('#xref-tip')).toBeHidden();
});

test('the hosted home page offers the zip with its size, and the zip holds exactly the edition', async ({ page, request }) => {
  await page.goto('/');
  const link = page.getByRole('link', { name: 'Download for offline reading' });
  await expect(link).toHaveAttribute('href', `/${SITE.offlineZip}`);
  const size = await page.locator('[data-zip-size]').textContent();
  const response = await request.get(`/${SITE.offlineZip}`);
  expect(response.status()).toBe(200);
  const bytes = await response.body();
  expect(size).toBe(`(zip, ${formatBytes(bytes.length)})`);
  const unpacked = unzipSync(new Uint8Array(bytes));
  const files = listFiles(edition).sort();
  // One folder at the top, holding exactly the edition.
  expect(Object.keys(unpacked).sort()).toEqual(files.map((f) => `${ZIP_FOLDER}${f}`));
  for (const f of files) expect(Buffer.from(unpacked[`${ZIP_FOLDER}${f}`]!).equals(readFileSync(join(edition, f))), f).toBe(true);
});

test('the hosted home page links the whole briefing as one page, as a PDF and as an EPUB with their sizes; the offline edition carries both', async ({ page, request }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'The whole briefing as one page' })).toHaveAttribute('href', '/brief/');
  await expect(page.getByRole('link', { name: 'PDF', exact: true })).toHaveAttribute('href', `/${SITE.briefPdf}`);
  const response = await request.get(`/${SITE.briefPdf}`);
  expect(response.status()).toBe(200);
  const bytes = await response.body();
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(await page.locator('[data-pdf-size]').textContent()).toBe(`(PDF, ${formatBytes(bytes.length)})`);
  expect(readFileSync(join(edition, SITE.briefPdf)).equals(bytes)).toBe(true);
  const epub = await (await request.get(`/${SITE.briefEpub}`)).body();
  await expect(page.getByRole('link', { name: 'EPUB', exact: true })).toHaveAttribute('href', `/${SITE.briefEpub}`);
  expect(await page.locator('[data-epub-size]').textContent()).toBe(`(EPUB, ${formatBytes(epub.length)})`);
  expect(readFileSync(join(edition, SITE.briefEpub)).equals(epub)).toBe(true);
});
