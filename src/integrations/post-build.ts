/**
 * The steps after Astro has written the pages, side by side where they do not depend on each other. scripts/build.ts
 * runs them once Astro's process has ended, in its own:
 *
 *   offline edition (on a thread of its own): every page but home, search index, scripts ─ waits ┐
 *   Pagefind index ─────────────────────────┐                                                   │
 *   PDF (Chromium, started with the build) ─┼─ sizes on the home page ─────────────────────────────┴─ home page, PDF, EPUB, zip ─┐
 *     └ once it prints: EPUB ───────────────┘                                                                                   │
 *   preview images (drawn ahead while Astro rendered, by scripts/build.ts; copied here) ───────────────────────────────────────┴─ manifest check
 *
 * Pagefind and the documents read the home page before its download sizes are written into it (in one pass, once all
 * three are done); the offline edition takes the home page and the documents only after that, so every file comes
 * out as it did when the steps ran one after another. Chromium prints in a process of its own, Pagefind indexes in
 * its own, the offline edition is built on a thread of its own, and the preview images are drawn before (or, when the
 * warm-up missed some, on worker threads), so on two cores they overlap instead of adding up, and this thread is
 * free to answer Chromium and feed Pagefind. When a step fails, the others are let finish (nothing is left half
 * written) and the build stops with the first failure's message, in the order above.
 */
import type { Browser, Page } from '@playwright/test';
import { buildDate } from '../lib/record/build-date.ts';
import { withBase } from '../lib/pages/links.ts';
import { formatDay } from '../schemas/dates.ts';
import { makeBriefDocument, stampHomeSizes, type DocumentContext } from './brief-document.ts';
import { EPUB_STEP } from './epub.ts';
import { writeOgImagesStep } from './og-images.ts';
import { writeOfflineEdition } from './offline.ts';
import { checkAndRemoveManifest } from './page-manifest.ts';
import { indexSiteStep } from './pagefind.ts';
import { pdfStep } from './pdf.ts';
import { recordTiming, type StepLogger } from './timings.ts';

/** The first failure among settled steps, in the order given, thrown; nothing when all succeeded. */
export function throwFirstFailure(results: readonly PromiseSettledResult<unknown>[]): void {
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

export interface PostBuildOptions {
  /** The built site's folder; dist-offline/ is written beside it. */
  dist: string;
  /** Absolute URL of the hosted site's root (hostedRoot in src/lib/pages/links.ts), and the base path ("/", "/x/"). */
  hostedUrl: string;
  base: string;
  /** Whether SITE_URL was set (src/lib/pages/settings.ts). */
  siteGiven: boolean;
  /** The briefing's "as of" date (the content graph's asOf). */
  asOf: Date;
  /** The preview images' cache folder (src/lib/images/og-cache.ts). */
  ogCache: string;
  /** The Chromium the PDF is printed with, started while Astro rendered (launchChromium); closed here. */
  browser: Promise<Browser>;
  /** A tab opened in it meanwhile (openPrintTab), if any. */
  printTab?: Promise<Page>;
  /** The preview images' warm-up (warmOgCacheAside), if one runs: the image step waits for it. */
  ogWarmUp?: Promise<unknown>;
  logger: StepLogger;
}

/**
 * Runs the steps on the site Astro wrote to `dist`; throws the first failure (see throwFirstFailure). scripts/build.ts
 * calls it once Astro's process has ended, so the steps never share a heap with Astro's render: at 10,000 entries
 * that held about 2.6–2.9 GB when its last page was written.
 */
export async function runPostBuild({ dist, hostedUrl, base, siteGiven, asOf, ogCache, browser, printTab, ogWarmUp, logger }: PostBuildOptions): Promise<void> {
  const started = performance.now();
  const built = buildDate(); // the documents' and the offline edition's date, worked out once
  const ctx: DocumentContext = { dist, hostedUrl, siteGiven, stamp: built.date, asOf: formatDay(asOf) };
  try {
    const indexed = indexSiteStep(dist, logger);
    // Each of the PDF's turns waits for this thread: the EPUB, which works on it, starts once Chromium has the page
    // and its first print (or the PDF has failed), so it runs while Chromium prints.
    let printing = () => {};
    const pdfPrinting = new Promise<void>((resolve) => { printing = resolve; });
    const pdf = makeBriefDocument(pdfStep({ browser, tab: printTab, onPrinting: printing }), ctx, logger);
    pdf.catch(printing);
    const epub = pdfPrinting.then(() => makeBriefDocument(EPUB_STEP, ctx, logger));
    const images = writeOgImagesStep(dist, ogCache, logger, ogWarmUp);
    const documents = Promise.all([pdf, epub, indexed]).then(([p, e]) => stampHomeSizes(dist, [p, e]));
    // The offline edition, the longest, starts now too, on a thread of its own; it takes the documents last.
    const offline = writeOfflineEdition(dist, { base: withBase(base, ''), hostedUrl: siteGiven ? hostedUrl : null, documents, built }, logger);
    throwFirstFailure(await Promise.allSettled([indexed, pdf, epub, documents, offline, images]));
    checkAndRemoveManifest(dist);
  } finally {
    await (await browser.catch(() => undefined))?.close();
    recordTiming('post-build', performance.now() - started);
  }
}
