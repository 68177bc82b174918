/**
 * Lighthouse (12.2.3, pinned: it runs with Debian's Chromium here) on representative pages of the hosted build:
 * performance, accessibility, best practices and SEO, mobile emulation with simulated throttling (the defaults).
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.ts';
import { serveFolder } from './server.ts';

export const LIGHTHOUSE_PAGES = ['/', '/actors/marco-rubio/', '/issues/uranium-enrichment/', '/briefing/positions/', '/glossary/', '/search/'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export type Scores = Record<(typeof CATEGORIES)[number], number>;

export async function benchLighthouse(dist = 'dist', port = 4392): Promise<{ path: string; scores: Scores }[]> {
  const stop = await serveFolder(dist, port);
  const chromePath = findChromium();
  const chrome = await chromeLauncher.launch({
    ...(chromePath ? { chromePath } : {}),
    chromeFlags: [...CHROMIUM_ARGS, '--headless=new'],
  });
  try {
    const out: { path: string; scores: Scores }[] = [];
    for (const path of LIGHTHOUSE_PAGES) {
      const result = await lighthouse(`http://127.0.0.1:${port}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      const categories = result!.lhr.categories;
      out.push({ path, scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)])) as Scores });
    }
    return out;
  } finally {
    await chrome.kill();
    stop();
  }
}
