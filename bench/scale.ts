/**
 * Scale benchmark: generates synthetic content of a given size, builds it the way `npm run build` does (validation,
 * Astro, then Pagefind, the PDF, the EPUB, the offline edition and preview images, then the swap: scripts/build.ts)
 * in a throwaway copy of the project, then
 * changes one entry and builds again, and builds the same pages with Astro alone (`astro build`, no steps of ours), the
 * measure the whole build is compared with. Reports per step the wall time and the process's peak memory, per page, the
 * rebuild, and the output's bytes raw and gzipped (as a host serves them), including the largest page.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { listFiles } from '../src/lib/output/files.ts';
import { linkPackages } from '../test/build/project.ts';
import { generateContent, type GeneratedCounts, type GenerateOptions } from './generate.ts';
import { benchSearch } from './search.ts';

export interface StepTiming {
  step: string;
  ms: number;
  peakMiB: number;
}

export interface BuildRun {
  wallMs: number;
  steps: StepTiming[];
}

export interface ScaleResult {
  pages: number;
  label: string;
  counts: GeneratedCounts;
  builtPages: number;
  clean: BuildRun;
  rebuild: BuildRun;
  /** A plain `astro build` of the same pages: no validation, no post-build steps, no caches; timed from outside. */
  astroAloneMs: number;
  /** Its process's peak resident size (VmHWM), or undefined where /proc does not tell it. */
  astroAlonePeakMiB: number | undefined;
  /**
   * The floor of any rebuild: Astro alone again, with Astro 7's incremental build restoring every entry page from its
   * cache (nothing of them changed), so only start-up, content sync, bundling and the pages without entries remain.
   */
  astroFloorMs: number;
  distBytes: number;
  distGzipBytes: number;
  largestPage: { file: string; gzipBytes: number };
  largestPositionPage: { file: string; gzipBytes: number };
  offlineIndexBytes: number;
  offlineIndexGzipBytes: number;
  offlineIndexFiles: number;
  firstQueryBytes: number;
}

const PROJECT = new URL('../', import.meta.url).pathname;
const COPY = ['src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

function build(dir: string, env: Record<string, string>): BuildRun {
  const timings = join(dir, 'timings.jsonl');
  rmSync(timings, { force: true });
  const started = performance.now();
  const run = spawnSync(process.execPath, ['scripts/build.ts'], {
    cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env, BRIEFING_TIMINGS: timings },
  });
  const wallMs = Math.round(performance.now() - started);
  if (run.status !== 0) throw new Error(`build in ${dir} failed:\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
  const steps = existsSync(timings) ? readFileSync(timings, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as StepTiming) : [];
  return { wallMs, steps };
}

/** `astro build` of the copy into astro-alone/, timed from outside, its peak memory read from /proc while it runs. */
async function astroAlone(work: string, env: Record<string, string>, outDir = 'astro-alone'): Promise<{ ms: number; peakMiB: number | undefined }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--max-old-space-size=8192', join(work, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', join(work, outDir)], {
    cwd: work, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => { output = (output + c.toString()).slice(-6000); });
  child.stderr.on('data', (c: Buffer) => { output = (output + c.toString()).slice(-6000); });
  let peakMiB: number | undefined;
  const poll = setInterval(() => {
    try {
      const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
      if (kb) peakMiB = Math.round(kb / 1024);
    } catch {
      // gone, or no /proc here
    }
  }, 100);
  const status = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  clearInterval(poll);
  if (status !== 0) throw new Error(`astro build in ${work} failed:\n${output}`);
  return { ms: Math.round(performance.now() - started), peakMiB };
}

const gz = (file: string) => gzipSync(readFileSync(file)).byteLength;

export async function benchScale(pages: number, options: GenerateOptions & { label?: string } = {}): Promise<ScaleResult> {
  const work = mkdtempSync(join(tmpdir(), `briefing-scale-${pages}-`));
  try {
    for (const name of COPY) cpSync(join(PROJECT, name), join(work, name), { recursive: true });
    linkPackages(join(PROJECT, 'node_modules'), join(work, 'node_modules'));
    const counts = generateContent(join(work, 'content'), pages, options);
    // A preview-image cache of this run's own, so the clean build draws every image and the rebuild reuses them.
    const env = {
      ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DIR: join(work, 'content'), SOURCE_DATE_EPOCH: '1770336000', BRIEFING_OG_CACHE: join(work, 'og-cache'),
    };
    const clean = build(work, env);
    const dist = join(work, 'dist');
    const files = listFiles(dist);
    const html = files.filter((f) => f.endsWith('.html'));
    const sized = html.map((file) => ({ file, gzipBytes: gz(join(dist, file)) })).sort((a, b) => b.gzipBytes - a.gzipBytes);
    const offline = listFiles(join(work, 'dist-offline')).filter((f) => /^search-index(\.js$|\/)/.test(f)).map((f) => join(work, 'dist-offline', f));
    const search = await benchSearch(dist, 1, 4393);
    const result = {
      pages, label: options.label ?? String(pages), counts, builtPages: html.length, clean,
      distBytes: files.reduce((sum, f) => sum + statSync(join(dist, f)).size, 0),
      distGzipBytes: files.reduce((sum, f) => sum + gz(join(dist, f)), 0),
      largestPage: sized[0]!,
      largestPositionPage: sized.find((p) => p.file.startsWith('positions/'))!,
      offlineIndexBytes: offline.reduce((sum, f) => sum + statSync(f).size, 0),
      offlineIndexGzipBytes: offline.reduce((sum, f) => sum + gz(f), 0),
      offlineIndexFiles: offline.length,
      firstQueryBytes: search.firstQuery.bytes,
    };
    // A rebuild after an editor changes one entry: one position's headline.
    const position = join(work, 'content', 'positions', listFiles(join(work, 'content', 'positions'))[0]!);
    writeFileSync(position, readFileSync(position, 'utf8').replace(/^headline: .*$/m, 'headline: A changed synthetic stance'));
    const rebuild = build(work, env);
    // The same pages built by Astro alone, as a plain Astro site would build them: Astro's own command line in the copy,
    // with its caches (node_modules/.astro/) removed first, so it is as clean as the clean build.
    rmSync(join(work, 'node_modules', '.astro'), { recursive: true, force: true });
    const plain = await astroAlone(work, env);
    const astroAloneMs = plain.ms;
    const astroFloorMs = await astroRebuildFloor(work, env);
    return { ...result, rebuild, astroAloneMs, astroAlonePeakMiB: plain.peakMiB, astroFloorMs };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * What no rebuild can go below while Astro builds the site: in the copy (at the end of its life), Astro 7's
 * `experimental.incrementalBuild` is switched on and every route with getStaticPaths gives each of its pages one
 * constant `cacheKey`, as if a perfect cache knew that none of them changed. A first `astro build` fills Astro's
 * cache; the second, timed, restores every such page from it and still starts up, syncs content, bundles, and renders
 * the pages without getStaticPaths (home, brief, timeline, lists). The project itself never sets these keys: see
 * docs/benchmarks.md for why.
 */
async function astroRebuildFloor(work: string, env: Record<string, string>): Promise<number> {
  const config = join(work, 'astro.config.mjs');
  const source = readFileSync(config, 'utf8');
  const anchor = 'devToolbar: { enabled: false },';
  if (!source.includes(anchor)) throw new Error(`bench: astro.config.mjs no longer has "${anchor}" to add the incremental build after`);
  writeFileSync(config, source.replace(anchor, `${anchor} experimental: { incrementalBuild: true },`));
  let keyed = 0;
  for (const file of listFiles(join(work, 'src', 'pages'))) {
    const path = join(work, 'src', 'pages', file);
    const route = readFileSync(path, 'utf8');
    if (!route.includes('getStaticPaths')) continue;
    const patched = route.replaceAll('({ params:', "({ cacheKey: 'unchanged', params:");
    if (patched === route) throw new Error(`bench: ${file} has getStaticPaths but no "({ params:" to give a cacheKey`);
    writeFileSync(path, patched);
    keyed++;
  }
  if (keyed < 6) throw new Error(`bench: only ${keyed} routes with getStaticPaths found under src/pages/`);
  rmSync(join(work, 'node_modules', '.astro'), { recursive: true, force: true });
  await astroAlone(work, env, 'astro-floor');
  return (await astroAlone(work, env, 'astro-floor')).ms;
}

/** An SVG line chart of seconds per step against pages (one line per step), drawn without any library. */
export function scaleChart(results: readonly ScaleResult[]): string {
  const W = 640, H = 360, L = 56, R = 150, T = 20, B = 44;
  const steps = [...new Set(results.flatMap((r) => r.clean.steps.map((s) => s.step))), 'whole build'];
  const value = (r: ScaleResult, step: string) => (step === 'whole build' ? r.clean.wallMs : r.clean.steps.find((s) => s.step === step)?.ms ?? 0) / 1000;
  const maxX = Math.max(...results.map((r) => r.builtPages));
  const maxY = Math.max(...results.flatMap((r) => steps.map((s) => value(r, s)))) * 1.1 || 1;
  const x = (v: number) => L + (v / maxX) * (W - L - R);
  const y = (v: number) => H - B - (v / maxY) * (H - T - B);
  const colours = ['#0b57a4', '#8a4b00', '#1b7f3b', '#6b3fa0'];
  const lines = steps.map((step, i) => {
    const pts = results.map((r) => `${x(r.builtPages).toFixed(1)},${y(value(r, step)).toFixed(1)}`).join(' ');
    const last = results.at(-1)!;
    return `<polyline fill="none" stroke="${colours[i % colours.length]}" stroke-width="2" points="${pts}"/>` +
      results.map((r) => `<circle cx="${x(r.builtPages).toFixed(1)}" cy="${y(value(r, step)).toFixed(1)}" r="3" fill="${colours[i % colours.length]}"/>`).join('') +
      `<text x="${x(last.builtPages) + 8}" y="${y(value(last, step)) + 4}" font-size="12" fill="${colours[i % colours.length]}">${step}</text>`;
  });
  const ticks = results.map((r) => `<text x="${x(r.builtPages)}" y="${H - B + 16}" font-size="11" text-anchor="middle">${r.builtPages}</text>`);
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => `<text x="${L - 6}" y="${y(maxY * f) + 4}" font-size="11" text-anchor="end">${(maxY * f).toFixed(0)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="t d" font-family="system-ui, sans-serif">` +
    '<title id="t">Build time against pages</title><desc id="d">Seconds for each build step and the whole build, for each generated size.</desc>' +
    `<rect width="${W}" height="${H}" fill="#fff"/><line x1="${L}" y1="${H - B}" x2="${W - R}" y2="${H - B}" stroke="#555"/><line x1="${L}" y1="${T}" x2="${L}" y2="${H - B}" stroke="#555"/>` +
    `${ticks.join('')}${yTicks.join('')}<text x="${(L + W - R) / 2}" y="${H - 8}" font-size="12" text-anchor="middle">pages built</text>` +
    `<text x="14" y="${(T + H - B) / 2}" font-size="12" transform="rotate(-90 14 ${(T + H - B) / 2})" text-anchor="middle">seconds</text>${lines.join('')}</svg>\n`;
}
