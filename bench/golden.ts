/**
 * Search quality in both editions, through their search pages in Debian's Chromium: the golden set's hit rate
 * (e2e/golden-queries.ts: is an expected page first?), by kind of query, and how often the two editions put the same
 * page first, over the golden set and over other reader queries that have no expected page.
 */
import { chromium } from '@playwright/test';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.ts';
import { runGolden, type GoldenOutcome } from '../e2e/golden.ts';
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
  /** Golden and other queries whose first page is the same in both editions. */
  agreeGolden: number;
  agreeOther: number;
  otherCount: number;
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
    const agree = (a: GoldenOutcome[], b: GoldenOutcome[]) => a.filter((o, i) => o.got === b[i]!.got).length;
    return { hosted, offline, agreeGolden: agree(hosted, offline), agreeOther: agree(hostedOther, offlineOther), otherCount: others.length };
  } finally {
    await browser.close();
    stop();
  }
}
