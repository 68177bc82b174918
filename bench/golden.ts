/**
 * Search quality in both editions, through their search pages in Debian's Chromium: the golden set's hit rate
 * (e2e/golden-queries.ts: is an expected page first?), by kind of query, and how often the two editions put the same
 * page first and at least 2 of the same top 3, over the golden set and over other reader queries that have no
 * expected page. `node bench/golden.ts [dist] [dist-offline]` runs only this part and prints the figures.
 */
import { chromium } from '@playwright/test';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.ts';
import { agreement, runGolden, type GoldenOutcome } from '../e2e/golden.ts';
import type { GoldenQuery } from '../e2e/golden-queries.ts';
import { serveFolder } from './server.ts';

/** Queries with no single right answer: only whether both editions answer them with the same first page. */
export const OTHER_QUERIES = [
  'talks', 'Muscat', 'nuclear', 'strikes', 'protests', 'Gaza', 'negotiations', 'deterrence', 'Witkoff Araqchi', 'June 2025',
  'consortium Iran', 'what happens next', 'military options', 'confidence-building measures', 'shuttle format',
  'regional escalation', 'Israel missiles threat', 'state media missile', 'European parties', 'Gulf bases',
];

export interface GoldenBench {
  hosted: GoldenOutcome[];
  offline: GoldenOutcome[];
  /** Golden and other queries whose first page is the same in both editions, and whose top 3 share at least 2. */
  golden: ReturnType<typeof agreement>;
  other: ReturnType<typeof agreement>;
}

export async function benchGolden(dist = 'dist', edition = 'dist-offline', port = 4396): Promise<GoldenBench> {
  const stop = await serveFolder(dist, port);
  const executablePath = findChromium();
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const hostedRoot = `http://127.0.0.1:${port}/`;
    const offlineRoot = `${pathToFileURL(resolve(edition)).href}/`;
    const hosted = await runGolden(page, `${hostedRoot}search/`, hostedRoot);
    const offline = await runGolden(page, `${offlineRoot}search/index.html`, offlineRoot);
    const others: GoldenQuery[] = OTHER_QUERIES.map((query) => ({ query, first: [], kind: 'topic' }));
    const hostedOther = await runGolden(page, `${hostedRoot}search/`, hostedRoot, others);
    const offlineOther = await runGolden(page, `${offlineRoot}search/index.html`, offlineRoot, others);
    return { hosted, offline, golden: agreement(hosted, offline), other: agreement(hostedOther, offlineOther) };
  } finally {
    await browser.close();
    stop();
  }
}

if (import.meta.main) {
  const [dist = 'dist', edition = 'dist-offline'] = process.argv.slice(2);
  const r = await benchGolden(dist, edition);
  const pct = (n: number, of: number) => `${n} of ${of} (${Math.round((100 * n) / of)} %)`;
  console.log(`hosted hits ${pct(r.hosted.filter((o) => o.hit).length, r.hosted.length)}, offline hits ${pct(r.offline.filter((o) => o.hit).length, r.offline.length)}`);
  console.log(`golden: top-1 agree ${pct(r.golden.top1, r.golden.of)}, top-3 agree ${pct(r.golden.top3, r.golden.of)}`);
  console.log(`other: top-1 agree ${pct(r.other.top1, r.other.of)}, top-3 agree ${pct(r.other.top3, r.other.of)}`);
  for (const d of [...r.golden.disagree, ...r.other.disagree]) console.log(`  differs: ${d}`);
  for (const o of [...r.hosted, ...r.offline].filter((x) => !x.hit)) console.log(`  miss: ${o.query.query} → ${o.got}`);
}
