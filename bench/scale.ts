/**
 * Scale benchmark: generates synthetic content of a given size into a temporary folder, builds both editions from
 * it, and reports per step (Astro's build, Pagefind, the offline edition) the wall time and the build process's
 * peak memory, plus the output sizes and what a first search query fetches.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateContent, type GeneratedCounts } from './generate.ts';
import { benchSearch } from './search.ts';

export interface ScaleResult {
  pages: number;
  counts: GeneratedCounts;
  builtPages: number;
  wallMs: number;
  steps: { step: string; ms: number; peakMiB: number }[];
  distBytes: number;
  offlineIndexBytes: number;
  firstQueryBytes: number;
}

const size = (dir: string): number =>
  readdirSync(dir).reduce((sum, n) => sum + (statSync(join(dir, n)).isDirectory() ? size(join(dir, n)) : statSync(join(dir, n)).size), 0);
const countHtml = (dir: string): number =>
  readdirSync(dir).reduce((sum, n) => sum + (statSync(join(dir, n)).isDirectory() ? countHtml(join(dir, n)) : n.endsWith('.html') ? 1 : 0), 0);

export async function benchScale(pages: number): Promise<ScaleResult> {
  const work = mkdtempSync(join(tmpdir(), `briefing-scale-${pages}-`));
  try {
    const counts = generateContent(join(work, 'content'), pages);
    const timings = join(work, 'timings.jsonl');
    const started = performance.now();
    const run = spawnSync('npx', ['astro', 'build', '--outDir', join(work, 'dist')], {
      encoding: 'utf8', maxBuffer: 1 << 28,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DIR: join(work, 'content'), BRIEFING_TIMINGS: timings, SOURCE_DATE_EPOCH: '1770336000' },
    });
    const wallMs = performance.now() - started;
    if (run.status !== 0) throw new Error(`build of ${pages} pages failed:\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
    const steps = existsSync(timings) ? readFileSync(timings, 'utf8').trim().split('\n').map((l) => JSON.parse(l)) : [];
    const search = await benchSearch(join(work, 'dist'), 1, 4393);
    return {
      pages, counts, builtPages: countHtml(join(work, 'dist')), wallMs: Math.round(wallMs), steps,
      distBytes: size(join(work, 'dist')), offlineIndexBytes: statSync(join(work, 'dist-offline', 'search-index.js')).size,
      firstQueryBytes: search.firstQuery.bytes,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** An SVG line chart of seconds per step against pages (one line per step), drawn without any library. */
export function scaleChart(results: readonly ScaleResult[]): string {
  const W = 640, H = 360, L = 56, R = 150, T = 20, B = 44;
  const steps = [...new Set(results.flatMap((r) => r.steps.map((s) => s.step))), 'whole build'];
  const value = (r: ScaleResult, step: string) => (step === 'whole build' ? r.wallMs : r.steps.find((s) => s.step === step)?.ms ?? 0) / 1000;
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
