/**
 * The steps after Astro has written the pages, side by side where they do not depend on each other:
 *
 *   Pagefind index ─────────────────────────┐
 *   PDF (Chromium, started with the build) ─┼─ sizes on the home page ─┐
 *   EPUB ───────────────────────────────────┘                          │
 *   offline edition: every page but home, search index, scripts ─ waits ┴─ home page, PDF, EPUB, zip ─┐
 *   preview images (worker threads) ───────────────────────────────────────────────────────────────────┴─ manifest check
 *
 * Pagefind and the documents read the home page before its download sizes are written into it (in one pass, once all
 * three are done); the offline edition takes the home page and the documents only after that, so every file comes
 * out as it did when the steps ran one after another. Chromium prints in a process of its own, Pagefind indexes in
 * its own, and the preview images are drawn on worker threads, so on two cores the PDF's two prints, the EPUB and the
 * offline edition overlap instead of adding up. When a step fails, the others are let finish (nothing is left half
 * written) and the build stops with the first failure's message, in the order above.
 */
import type { AstroIntegration } from 'astro';
import type { Browser } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { ogCacheDir } from '../lib/images/og-cache.ts';
import { buildDate } from '../lib/record/build-date.ts';
import { hostedRoot, withBase } from '../lib/pages/links.ts';
import { readSettings } from '../lib/pages/settings.ts';
import { formatDay } from '../schemas/dates.ts';
import { makeBriefDocument, stampHomeSizes, type DocumentContext } from './brief-document.ts';
import { EPUB_STEP } from './epub.ts';
import { writeOgImagesStep } from './og-images.ts';
import { writeOfflineEdition } from './offline.ts';
import { checkAndRemoveManifest } from './page-manifest.ts';
import { indexSiteStep } from './pagefind.ts';
import { launchChromium, pdfStep } from './pdf.ts';
import { recordTiming } from './timings.ts';

/** The first failure among settled steps, in the order given, thrown; nothing when all succeeded. */
export function throwFirstFailure(results: readonly PromiseSettledResult<unknown>[]): void {
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

export default function postBuild({ asOf }: { asOf: Date }): AstroIntegration {
  let hostedUrl = '';
  let base = '/';
  let cacheDir = '';
  let browser: Promise<Browser> | undefined;
  return {
    name: 'briefing:post-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        hostedUrl = hostedRoot(config.site, config.base);
        base = withBase(config.base, '');
        cacheDir = ogCacheDir(config.cacheDir);
      },
      // Chromium starts while Astro renders (on the other core), so it is ready when /brief/ is.
      'astro:build:start': () => {
        browser = launchChromium();
        browser.catch(() => {}); // a failure is reported by the PDF step, which awaits it
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const dist = fileURLToPath(dir);
        const { siteGiven } = readSettings(process.env);
        const ctx: DocumentContext = { dist, hostedUrl, siteGiven, stamp: buildDate().date, asOf: formatDay(asOf) };
        try {
          const indexed = indexSiteStep(dist, logger);
          const pdf = makeBriefDocument(pdfStep(browser), ctx, logger);
          const epub = makeBriefDocument(EPUB_STEP, ctx, logger);
          const images = writeOgImagesStep(dist, cacheDir, logger);
          const documents = Promise.all([pdf, epub, indexed]).then(([p, e]) => stampHomeSizes(dist, [p, e]));
          const offline = writeOfflineEdition(dist, { base, hostedUrl: siteGiven ? hostedUrl : null, documents }, logger);
          throwFirstFailure(await Promise.allSettled([indexed, pdf, epub, documents, offline, images]));
          checkAndRemoveManifest(dist);
        } finally {
          await (await browser?.catch(() => undefined))?.close();
          recordTiming('post-build', performance.now() - started);
        }
      },
    },
  };
}
