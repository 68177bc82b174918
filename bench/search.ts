/**
 * Search benchmark: index size on disk, bytes the browser fetches for a first and a following query, and the time
 * from the last keystroke to rendered results (median of several runs), in Debian's Chromium against the built site
 * served by `astro preview` on 127.0.0.1. Run through `npm run bench` (after `npm run build`).
 */
import { chromium, type Page } from '@playwright/test';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.ts';
import { listFiles } from '../src/lib/output/files.ts';
import { serveFolder } from './server.ts';

export interface SearchBench {
  indexFiles: number;
  indexBytes: number;
  /** What the search page fetches from /pagefind/ before the reader does anything (nothing, by design). */
  pageOpen: { bytes: number; requests: number };
  firstQuery: { query: string; bytes: number; requests: number };
  nextQuery: { query: string; bytes: number; requests: number };
  keystrokeToResultsMs: { median: number; min: number; max: number; runs: number };
}

/** Pagefind's prebuilt UI bundles: written by every build, but this site does not load them. */
const UNUSED_UI = /^pagefind-(ui|modular-ui|component-ui)\.(js|css)$/;

function dirSize(dir: string): { files: number; bytes: number } {
  const files = listFiles(dir).filter((f) => !UNUSED_UI.test(f.split('/').at(-1)!));
  return { files: files.length, bytes: files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0) };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * Bytes of every response under /pagefind/ while `action` runs. Each body is read as its response arrives, and all of
 * them are awaited before counting: a body still being read when the page goes idle counts too.
 */
async function pagefindBytes(page: Page, action: () => Promise<void>) {
  const bodies: Promise<number>[] = [];
  const onResponse = (response: import('@playwright/test').Response) => {
    if (!new URL(response.url()).pathname.includes('/pagefind/')) return;
    // A request the page cancelled has no body to read: it counts as a request of 0 bytes, as before.
    bodies.push(response.body().then((b) => b.length, () => 0));
  };
  page.on('response', onResponse);
  await action();
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  const sizes = await Promise.all(bodies);
  return { bytes: sizes.reduce((sum, n) => sum + n, 0), requests: sizes.length };
}

async function typeAndWait(page: Page, query: string): Promise<number> {
  const box = page.locator('#search-input');
  await box.fill('');
  await box.pressSequentially(query.slice(0, -1), { delay: 30 });
  const started = await page.evaluate(() => performance.now());
  await box.press(query.slice(-1));
  await page.waitForFunction((q) => {
    const form = document.querySelector<HTMLFormElement>('form#search');
    return form?.dataset.status === 'done' && new URLSearchParams(location.search).get('q') === q;
  }, query);
  const ended = await page.evaluate(() => performance.getEntriesByName('search:rendered').at(-1)?.startTime ?? performance.now());
  return ended - started;
}

export async function benchSearch(dist = 'dist', runs = 7, port = 4391): Promise<SearchBench> {
  const index = dirSize(join(dist, 'pagefind'));
  const stop = await serveFolder(dist, port);
  const executablePath = findChromium();
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
  try {
    const base = `http://127.0.0.1:${port}/search/`;
    const page = await browser.newPage();
    const open = await pagefindBytes(page, async () => {
      await page.goto(base);
      await page.waitForSelector('form#search[data-status="idle"]');
    });
    // Count what opening the page, a first query (which starts Pagefind) and a second query each fetch.
    const first = await pagefindBytes(page, async () => { await typeAndWait(page, 'enrichment'); });
    const next = await pagefindBytes(page, async () => { await typeAndWait(page, 'Rubio'); });
    await page.close();
    const times: number[] = [];
    const queries = ['enrichment', 'Rubio', 'missiles Israel', 'sanctions', 'Oman', 'armada', 'Khorramshahr'];
    for (let i = 0; i < runs; i++) {
      const fresh = await browser.newPage();
      await fresh.goto(base);
      await fresh.waitForSelector('form#search[data-status="idle"]');
      times.push(await typeAndWait(fresh, queries[i % queries.length]!));
      await fresh.close();
    }
    return {
      indexFiles: index.files,
      indexBytes: index.bytes,
      pageOpen: open,
      firstQuery: { query: 'enrichment', ...first },
      nextQuery: { query: 'Rubio', ...next },
      keystrokeToResultsMs: { median: Math.round(median(times)), min: Math.round(Math.min(...times)), max: Math.round(Math.max(...times)), runs },
    };
  } finally {
    await browser.close();
    stop();
  }
}
