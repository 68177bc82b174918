/**
 * `npm run bench`: measures the built site and writes docs/benchmarks.md. Not part of `npm test`: timings vary by
 * machine, so they are reported, never asserted. Build first (`npm run build`).
 *
 *   npm run bench                          search, offline edition, Lighthouse
 *   npm run bench -- --scale 1000,5000     also the scale benchmark at those sizes (generated content)
 */
import { cpus, totalmem } from 'node:os';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITE } from '../src/site.ts';
import { benchLighthouse } from './lighthouse.ts';
import { compareOfflineLibraries } from './offline-choice.ts';
import { benchScale, scaleChart, type ScaleResult } from './scale.ts';
import { benchSearch } from './search.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const size = (dir: string): number =>
  readdirSync(dir).reduce((sum, n) => sum + (statSync(join(dir, n)).isDirectory() ? size(join(dir, n)) : statSync(join(dir, n)).size), 0);

const scaleArg = process.argv.indexOf('--scale');
const sizes = scaleArg > 0 ? (process.argv[scaleArg + 1] ?? '').split(',').map(Number).filter((n) => n > 0) : [];

if (!existsSync('dist/pagefind') || !existsSync('dist-offline')) {
  console.error('bench: dist/ or dist-offline/ is missing; run `npm run build` first.');
  process.exit(1);
}
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const lines: string[] = [
  '# Benchmarks',
  '',
  `Written by \`npm run bench\` on ${machine}. Figures are measurements of one run on that machine, not guarantees.`,
  '',
];

console.log('bench: search…');
const search = await benchSearch();
lines.push(
  '## Search (Pagefind, hosted edition)',
  '',
  '| measure | value |',
  '| --- | --- |',
  `| index on disk (\`dist/pagefind/\`, without Pagefind's unused prebuilt UI bundles) | ${kb(search.indexBytes)} in ${search.indexFiles} files |`,
  `| bytes fetched from \`/pagefind/\` on opening the search page | ${kb(search.pageOpen.bytes)} in ${search.pageOpen.requests} requests |`,
  `| bytes fetched for a first query ("${search.firstQuery.query}"), Pagefind's script, WASM and filter indexes included | ${kb(search.firstQuery.bytes)} in ${search.firstQuery.requests} requests |`,
  `| bytes fetched for a following query ("${search.nextQuery.query}") | ${kb(search.nextQuery.bytes)} in ${search.nextQuery.requests} requests |`,
  `| last keystroke → results rendered (median of ${search.keystrokeToResultsMs.runs} fresh pages) | ${search.keystrokeToResultsMs.median} ms (min ${search.keystrokeToResultsMs.min}, max ${search.keystrokeToResultsMs.max}) |`,
  '',
  'An empty search page loads nothing of Pagefind until the reader uses the form, so the first query pays for loading',
  'the engine (measured on a fresh page, each run). The keystroke-to-results time includes the 120 ms typing',
  "debounce of the search box. Bytes are uncompressed response bodies (the benchmark's static server does not compress).",
  '',
);

console.log('bench: offline edition…');
const libraries = compareOfflineLibraries('dist');
lines.push(
  '## Offline edition',
  '',
  '| measure | value |',
  '| --- | --- |',
  `| \`dist-offline/\` (pages, scripts, index) | ${kb(size('dist-offline'))} |`,
  `| zip (\`dist/${SITE.offlineZip}\`) | ${kb(statSync(join('dist', SITE.offlineZip)).size)} |`,
  `| offline search index (\`search-index.js\`, classic script) | ${kb(statSync('dist-offline/search-index.js').size)} |`,
  '',
  '### Offline search quality',
  '',
  'The offline edition indexes the page manifest\'s search documents with MiniSearch. Quality: for each of a fixed set',
  'of queries (surnames, aliases, acronyms, two misspellings), is the page a reader expects ranked first?',
  '',
  '| library | payload | gzipped | expected page first | misses |',
  '| --- | --- | --- | --- | --- |',
  ...libraries.map((l) => `| ${l.name} | ${kb(l.rawBytes)} | ${kb(l.gzipBytes)} | ${l.hits} of ${l.of} | ${l.misses.join('; ') || 'none'} |`),
  '',
  'MiniSearch was chosen over FlexSearch 0.8 by this measurement (at 81 pages: 248 KB / 50 KB gzipped and 22 of 22,',
  'against 636 KB / 86 KB and 20 of 22, FlexSearch missing both misspellings); FlexSearch is no longer installed.',
  '',
);

console.log('bench: Lighthouse…');
const lighthouse = await benchLighthouse();
lines.push(
  '## Lighthouse',
  '',
  'Lighthouse 12.2.3 (pinned: it runs with Debian\'s Chromium), default mobile emulation and simulated throttling,',
  'against the built site on 127.0.0.1. Goal: 100 in each category.',
  '',
  '| page | performance | accessibility | best practices | SEO |',
  '| --- | --- | --- | --- | --- |',
  ...lighthouse.map((l) => `| \`${l.path}\` | ${l.scores.performance} | ${l.scores.accessibility} | ${l.scores['best-practices']} | ${l.scores.seo} |`),
  '',
);

/** Writes docs/benchmarks.md with what has been measured so far, so an interrupted run still leaves its figures. */
const save = (extra: string[] = []) => {
  mkdirSync('docs', { recursive: true });
  writeFileSync('docs/benchmarks.md', [...lines, ...extra].join('\n'));
};

if (sizes.length) {
  const results: ScaleResult[] = [];
  const step = (r: ScaleResult, name: string) => r.steps.find((s) => s.step === name);
  const cell = (r: ScaleResult, name: string) => { const s = step(r, name); return s ? `${(s.ms / 1000).toFixed(1)} s / ${s.peakMiB} MiB` : 'n/a'; };
  const scaleSection = () => [
    '## Scale',
    '',
    'Synthetic, schema-valid content (`bench/generate.ts`: actors, issues, positions, events, terms and briefing pages',
    'with citations and mentions) built into a temporary folder. Per step: wall time / peak memory of the build process',
    'so far (Pagefind indexes in its own process, whose memory is not included). "Whole build" includes Astro\'s',
    'start-up and content sync.',
    '',
    '| generated size | pages built | whole build | astro build | Pagefind | offline edition | preview images | dist | offline index | Pagefind bytes, first query |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map((r) => `| ${r.pages} | ${r.builtPages} | ${(r.wallMs / 1000).toFixed(1)} s | ${cell(r, 'astro build')} | ${cell(r, 'pagefind')} | ${cell(r, 'offline edition')} | ${cell(r, 'og-images')} | ${mb(r.distBytes)} | ${kb(r.offlineIndexBytes)} | ${kb(r.firstQueryBytes)} |`),
    '',
    '![Build time against pages](scale-chart.svg)',
    '',
  ];
  for (const pages of sizes) {
    console.log(`bench: scale ${pages}…`);
    results.push(await benchScale(pages));
    save(scaleSection());
    writeFileSync('docs/scale-chart.svg', scaleChart(results));
  }
  lines.push(...scaleSection());
}

save();
console.log(lines.join('\n'));
