/**
 * `npm run bench`: measures the built site and writes docs/benchmarks.md. Not part of `npm test`: timings vary by
 * machine, so they are reported, never asserted. Build first (`npm run build`).
 *
 *   npm run bench                          search, offline edition, Lighthouse
 *   npm run bench -- --scale 1000,10000    also the scale benchmark at those sizes (generated content), and the
 *                                          stress case (1,000 positions on one issue)
 */
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { listFiles } from '../src/lib/output/files.ts';
import { join } from 'node:path';
import { SITE } from '../src/site.ts';
import { GRAPHIC_FILES } from '../src/lib/graphics/files.ts';
import { gzipSync } from 'node:zlib';
import { benchLighthouse } from './lighthouse.ts';
import { measureOfflineSearch } from './offline-choice.ts';
import { benchGolden, OTHER_QUERIES } from './golden.ts';
import type { GoldenOutcome } from '../e2e/golden.ts';
import { benchScale, scaleChart, type ScaleResult } from './scale.ts';
import { benchSearch } from './search.ts';
import { openDataSection } from './open-data.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const size = (dir: string): number => listFiles(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);

const scaleArg = process.argv.indexOf('--scale');
const sizes = scaleArg > 0 ? (process.argv[scaleArg + 1] ?? '').split(',').map(Number).filter((n) => n > 0) : [];

if (!existsSync('dist/pagefind') || !existsSync('dist-offline')) {
  console.log('bench: no built site yet; building it (npm run build)…');
  const built = spawnSync(process.execPath, ['scripts/build.ts'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const lines: string[] = [
  '# Benchmarks',
  '',
  `Written by \`npm run bench\` on ${machine}. Figures are measurements of one run on that machine, not guarantees.`,
  'Earlier figures, for comparison, are kept in [benchmark-history.md](benchmark-history.md).',
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

console.log('bench: offline edition and documents…');
const pdfPages = (await PDFDocument.load(readFileSync(join('dist', SITE.briefPdf)), { updateMetadata: false })).getPageCount();
const offline = await measureOfflineSearch('dist-offline');
lines.push(
  '## Offline edition and documents',
  '',
  '| measure | value |',
  '| --- | --- |',
  `| \`dist-offline/\` (pages, scripts, index) | ${kb(size('dist-offline'))} |`,
  `| zip (\`dist/${SITE.offlineZip}\`) | ${kb(statSync(join('dist', SITE.offlineZip)).size)} |`,
  `| the whole briefing as a PDF (\`dist/${SITE.briefPdf}\`) | ${kb(statSync(join('dist', SITE.briefPdf)).size)}, ${pdfPages} pages |`,
  `| the whole briefing as an EPUB 3 (\`dist/${SITE.briefEpub}\`) | ${kb(statSync(join('dist', SITE.briefEpub)).size)} |`,
  ...Object.values(GRAPHIC_FILES).map((g) => {
    const bytes = readFileSync(join('dist', g.path));
    return `| standalone graphic \`${g.path}\` | ${kb(bytes.byteLength)} raw, ${kb(gzipSync(bytes).byteLength)} gzipped |`;
  }),
  `| offline search index (\`search-index.js\` and any shards in \`search-index/\`, classic scripts) | ${kb(offline.rawBytes)} raw, ${kb(offline.gzipBytes)} gzipped, in ${offline.files} file(s) |`,
  '',
  '',
);

lines.push(...openDataSection());

console.log('bench: search quality, both editions…');
const golden = await benchGolden();
const rate = (o: GoldenOutcome[]) => `${o.filter((x) => x.hit).length} of ${o.length} (${Math.round((100 * o.filter((x) => x.hit).length) / o.length)} %)`;
const kinds = [...new Set(golden.hosted.map((o) => o.query.kind))];
const byKind = (o: GoldenOutcome[]) => kinds.map((k) => { const of = o.filter((x) => x.query.kind === k); return `${k} ${of.filter((x) => x.hit).length}/${of.length}`; }).join(', ');
const misses = (o: GoldenOutcome[]) => o.filter((x) => !x.hit).map((x) => `${x.query.query} → ${x.got ?? 'nothing'}`).join('; ') || 'none';
lines.push(
  '## Search quality (both editions)',
  '',
  `The golden set (\`e2e/golden-queries.ts\`, ${golden.hosted.length} reader queries: names, misspellings, transliterations,`,
  'acronyms, topics, pairs, questions, nations\' adjectives, "position of", "what does X want", events, and questions',
  'the report cannot answer, which must list nothing), typed into each edition\'s search page in Chromium: is an',
  'expected page first? `e2e/golden.spec.ts` requires every one in `npm test`.',
  '',
  '| edition | expected page first | by kind | misses |',
  '| --- | --- | --- | --- |',
  `| hosted (Pagefind) | ${rate(golden.hosted)} | ${byKind(golden.hosted)} | ${misses(golden.hosted)} |`,
  `| offline (MiniSearch, from disk) | ${rate(golden.offline)} | ${byKind(golden.offline)} | ${misses(golden.offline)} |`,
  '',
  'Both editions rank with one set of rules (src/lib/search/search-rank.ts) over the same search documents and query plan;',
  'the engines only find candidates. Agreement between the editions (top 3: at least 2 of the same 3 pages):',
  '',
  '| queries | same first page | top 3 agree |',
  '| --- | --- | --- |',
  `| golden (${golden.golden.of}) | ${golden.golden.top1} of ${golden.golden.of} | ${golden.golden.top3} of ${golden.golden.of} (${Math.round((100 * golden.golden.top3) / golden.golden.of)} %) |`,
  `| other, no expected page (${golden.other.of}) | ${golden.other.top1} of ${golden.other.of} | ${golden.other.top3} of ${golden.other.of} (${Math.round((100 * golden.other.top3) / golden.other.of)} %) |`,
  '',
  `Other queries: ${OTHER_QUERIES.map((q) => `“${q}”`).join(', ')}.`,
  '',
  'Before the shared ranking (each engine ranking by itself: 59bce55, measured with this golden set of 63 by',
  '`node bench/golden.ts`): hosted 58 of 63, offline 61 of 63 expected first; same first page 60 of 63, top 3 agreeing',
  'in 54 of 63 (86 %); other queries: same first page 15 of 20, top 3 agreeing in 18 of 20.',
  'Before the query plan, on the first 43: hosted 25 of 43 (58 %), offline 32 of 43 (74 %).',
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
  const step = (r: ScaleResult, name: string) => r.clean.steps.find((s) => s.step === name);
  const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const cell = (r: ScaleResult, name: string) => { const s = step(r, name); return s ? secs(s.ms) : 'n/a'; };
  const peak = (run: ScaleResult['clean']) => Math.max(0, ...run.steps.map((s) => s.peakMiB));
  // Astro's own part: the whole build less the steps of ours (validation, the post-build steps, which run side by
  // side and are timed together as "post-build", and the swap), so start-up, content sync, rendering and writing
  // pages, as a plain Astro site would spend them.
  const OURS = ['validation', 'post-build', 'swap'];
  const astroMs = (r: ScaleResult) => r.clean.wallMs - r.clean.steps.filter((s) => OURS.includes(s.step)).reduce((sum, s) => sum + s.ms, 0);
  const perPage = (r: ScaleResult) => r.clean.wallMs / r.builtPages;
  const scaleSection = () => [
    '## Scale',
    '',
    'Synthetic, schema-valid content (`bench/generate.ts`, in the real briefing\'s mix: per 81 pages about 18 actors,',
    '10 issues, 27 positions spread over them, 13 events, 13 terms, 5 briefing pages) built in a throwaway copy of the',
    'project exactly as `npm run build` builds (`scripts/build.ts`: validation, Astro, then in the build script\'s own',
    'process side by side Pagefind, the PDF, the EPUB, the offline edition and the preview images, then the swap), then',
    'built again after one position\'s',
    'headline changes. The "stress" row adds 1,000 positions on one issue. The whole build is timed from outside, as',
    'a process; each step from inside. The post-build steps overlap, so they are shown each with its own time and',
    'together as "post-build", the wall time of their part. Peak memory is the largest resident size of the build\'s',
    'Node processes, each by itself: Astro\'s, and the build script\'s, which runs the validation, the image warm-up',
    'beside Astro and the post-build steps after it (Chromium and Pagefind run in processes of their own, not',
    'counted). Bytes are raw / gzipped, as a host serves them. Each build starts from a copy with no caches of the',
    'project\'s (a node_modules/ of its own, its packages linked).',
    '',
    '"Astro alone" is a plain `astro build` of the same pages in the same copy, with Astro\'s caches removed first and',
    'no step of ours (no validation, no post-build steps), timed from outside: what a plain Astro site of these pages',
    'costs, and what the whole build is compared with ("whole ÷ Astro alone"). "Astro\'s part" is the whole build less',
    'our steps (validation, post-build, swap): start-up, content sync and rendering inside our build, where the preview',
    'images\' warm-up (drawn at a lower priority while Astro renders: "image warm-up") and Chromium\'s start share the',
    'machine with it; "astro build" is the rendering alone.',
    '',
    '"A rebuild\'s floor" is what no rebuild can go below while `astro build` makes the pages: Astro alone once more,',
    'with Astro 7\'s `experimental.incrementalBuild` on and every page of a route with `getStaticPaths` given one',
    'constant cache key (the bench edits its copy so), as if a perfect cache knew none of them changed. Astro restores',
    'those pages from its cache and still starts up, syncs content, bundles the routes and renders the pages without',
    '`getStaticPaths` (home, brief, timeline, lists), which every change can touch. Where that floor alone is over 40 %',
    'of the clean build, so is every rebuild, before validation and any post-build step. The project sets no such',
    'keys: a key per page would have to cover everything the page reads from the content graph (backlinks, as-of',
    'dates, lists of other entries), and one it missed would leave a stale page; a rebuild renders every page.',
    '',
    '| content | pages | whole build | Astro alone | whole ÷ Astro alone | validation | Astro\'s part | astro build | image warm-up | post-build | Pagefind | PDF | EPUB | offline edition | preview images | swap | whole ÷ Astro\'s part | ms per page | peak memory | Astro alone\'s peak memory | rebuild after one change | a rebuild\'s floor: Astro alone, entry pages restored |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map((r) => `| ${r.label} | ${r.builtPages} | ${secs(r.clean.wallMs)} | ${secs(r.astroAloneMs)} | ×${(r.clean.wallMs / r.astroAloneMs).toFixed(2)} | ${cell(r, 'validation')} | ${secs(astroMs(r))} | ${cell(r, 'astro build')} | ${cell(r, 'og warm-up')} | ${cell(r, 'post-build')} | ${cell(r, 'pagefind')} | ${cell(r, 'pdf')} | ${cell(r, 'epub')} | ${cell(r, 'offline edition')} | ${cell(r, 'og-images')} | ${cell(r, 'swap')} | ×${(r.clean.wallMs / astroMs(r)).toFixed(2)} | ${perPage(r).toFixed(1)} | ${Math.max(peak(r.clean), peak(r.rebuild))} MiB | ${r.astroAlonePeakMiB === undefined ? 'n/a' : `${r.astroAlonePeakMiB} MiB`} | ${secs(r.rebuild.wallMs)} (${Math.round((100 * r.rebuild.wallMs) / r.clean.wallMs)} % of clean) | ${secs(r.astroFloorMs)} (${Math.round((100 * r.astroFloorMs) / r.clean.wallMs)} % of clean) |`),
    '',
    '| content | dist | largest page (HTML + inlined CSS, gzipped) | largest position page | offline search index | Pagefind bytes, first query |',
    '| --- | --- | --- | --- | --- | --- |',
    ...results.map((r) => `| ${r.label} | ${mb(r.distBytes)} / ${mb(r.distGzipBytes)} | ${kb(r.largestPage.gzipBytes)} (\`${r.largestPage.file}\`) | ${kb(r.largestPositionPage.gzipBytes)} | ${mb(r.offlineIndexBytes)} / ${mb(r.offlineIndexGzipBytes)} in ${r.offlineIndexFiles} file(s) | ${kb(r.firstQueryBytes)} |`),
    '',
    ...(() => {
      const plain = results.filter((r) => r.label === String(r.pages)).sort((a, b) => a.pages - b.pages);
      if (plain.length < 2) return [];
      const [small, large] = [plain[0]!, plain.at(-1)!];
      return [`Time per page at ${large.label} is ×${(perPage(large) / perPage(small)).toFixed(2)} the time per page at ${small.label}.`, ''];
    })(),
    '![Build time against pages](scale-chart.svg)',
    '',
  ];
  const runs: [number, { busyIssue?: number; label?: string }][] = [
    ...sizes.map((pages): [number, object] => [pages, {}]),
    [1000, { busyIssue: 1000, label: '1000 + 1,000 positions on one issue (stress)' }],
  ];
  for (const [pages, options] of runs) {
    console.log(`bench: scale ${options.label ?? pages}…`);
    results.push(await benchScale(pages, options));
    save(scaleSection());
    writeFileSync('docs/scale-chart.svg', scaleChart(results.filter((r) => r.label === String(r.pages))));
  }
  lines.push(...scaleSection());
}

save();
console.log(lines.join('\n'));
