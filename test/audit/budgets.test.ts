// Page-weight budgets, on bytes (deterministic): every content page arrives styled in one TCP round trip, runs at
// most 3 KB of script, blocks rendering with none; no font files; no image over 50 KB. Both editions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../../src/lib/output/files.ts';
import { FIRST_ROUND_TRIP, SCRIPT_BUDGET, weighPage } from '../../src/lib/pages/page-weight.ts';
import { htmlFiles } from './pages.ts';

const allFiles = (root: string): string[] => listFiles(root);

for (const edition of ['dist', 'dist-offline']) {
  // The search page is exempt: it loads the search engine and its UI on purpose. So is the whole briefing as one
  // document (brief/): it holds every page's text by design, to read through or print; it runs no script of its own.
  const pages = htmlFiles(edition).filter((p) => p !== 'search/index.html' && p !== 'brief/index.html');

  test(`${edition}: each page's HTML and CSS fit in ${FIRST_ROUND_TRIP} bytes gzipped`, () => {
    const weights = pages.map((p) => weighPage(edition, p));
    const over = weights.filter((w) => w.htmlCssGzip > FIRST_ROUND_TRIP).map((w) => `${w.page}: ${w.htmlCssGzip} bytes`);
    assert.deepEqual(over, []);
    const sizes = weights.map((w) => w.htmlCssGzip).sort((a, b) => a - b);
    console.log(`${edition}: ${pages.length} pages, HTML+CSS gzipped median ${sizes[sizes.length >> 1]} B, largest ${sizes.at(-1)} B (${weights.find((w) => w.htmlCssGzip === sizes.at(-1))!.page})`);
  });

  test(`${edition}: each page runs at most ${SCRIPT_BUDGET} bytes of script gzipped, none render-blocking`, () => {
    const weights = pages.map((p) => weighPage(edition, p));
    assert.deepEqual(weights.filter((w) => w.scriptGzip > SCRIPT_BUDGET).map((w) => `${w.page}: ${w.scriptGzip} bytes (${w.scripts.join(', ')})`), []);
    assert.deepEqual(weights.filter((w) => w.blocking.length).map((w) => `${w.page}: ${w.blocking.join(', ')}`), []);
    assert.ok(weights.every((w) => w.scripts.length > 0), 'every page loads its preview script');
    console.log(`${edition}: script per page ${Math.max(...weights.map((w) => w.scriptGzip))} B gzipped at most`);
  });

  test(`${edition}: no font files, no image over 50 KB`, () => {
    const files = allFiles(edition);
    assert.deepEqual(files.filter((f) => /\.(woff2?|ttf|otf|eot)$/i.test(f)), []);
    assert.deepEqual(files.filter((f) => /\.(png|jpe?g|gif|webp|avif|svg)$/i.test(f) && statSync(join(edition, f)).size > 50 * 1024), []);
  });
}
