/**
 * What the two documents made from /brief/ share (the PDF, src/integrations/pdf.ts; the EPUB, epub.ts): the context
 * they are made in (the hosted address when SITE_URL names one, the build date, the "as of" date), and one way to
 * make either, log and time it, and on failure say which file failed. The post-build step (post-build.ts) runs both
 * side by side and then writes their sizes into the home page's download links in one pass.
 *
 *   makeBriefDocument({ file: SITE.briefPdf, kind: 'PDF', attribute: 'dataPdfSize', verb: 'print',
 *                       make: (ctx) => writeBriefPdf(ctx) }, ctx, logger)  → the PDF's size in bytes
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { stampSize } from './offline.ts';
import { recordTiming, type StepLogger } from './timings.ts';

/** What a document is made from. */
export interface DocumentContext {
  /** The built site's folder. */
  dist: string;
  /** Absolute URL of the hosted site's root (SITE_URL plus base). */
  hostedUrl: string;
  /** Whether SITE_URL was set: without it the document names no address (the default one is a placeholder). */
  siteGiven: boolean;
  stamp: Date;
  /** The briefing's "as of" date, as the pages show it ("6 February 2026"). */
  asOf: string;
}

export interface DocumentStep {
  /** The file it writes into dist/. */
  file: string;
  /** What the home page's link calls it ("PDF"), and the attribute of the element that shows its size. */
  kind: string;
  attribute: 'dataPdfSize' | 'dataEpubSize';
  /** How it is made from the page: printed (the PDF) or made (the EPUB), for the log and the error. */
  verb: 'print' | 'make';
  /** Makes the document and writes it to dist/<file>; returns its size in bytes. */
  make: (ctx: DocumentContext) => number | Promise<number>;
}

export interface DocumentSize {
  attribute: DocumentStep['attribute'];
  kind: string;
  bytes: number;
}

/** Downloads' sizes into dist/index.html (stampSize, offline.ts), in one parse and one write. */
export function stampHomeSizes(dist: string, sizes: readonly DocumentSize[]): void {
  const homeFile = join(dist, 'index.html');
  const home = unified().use(rehypeParse).parse(readFileSync(homeFile, 'utf8'));
  for (const { attribute, kind, bytes } of sizes) stampSize(home, attribute, kind, bytes);
  writeFileSync(homeFile, unified().use(rehypeStringify).stringify(home));
}

/** Makes one document, logs its size and time, records the time for the bench; returns its size for the home page. */
export async function makeBriefDocument(step: DocumentStep, ctx: DocumentContext, logger: StepLogger): Promise<DocumentSize> {
  const started = performance.now();
  try {
    const bytes = await step.make(ctx);
    logger.info(`${step.file}: ${Math.round(bytes / 1024)} KB, ${step.verb === 'print' ? 'printed' : 'made'} from /brief/ in ${Math.round(performance.now() - started)} ms`);
    return { attribute: step.attribute, kind: step.kind, bytes };
  } catch (cause) {
    // The cause's message goes into this one, so the operator reads what went wrong and the fix in one line.
    throw new Error(`Failed to ${step.verb} ${step.file} from /brief/: ${(cause as Error).message ?? String(cause)}`, { cause });
  } finally {
    recordTiming(step.kind.toLowerCase(), performance.now() - started);
  }
}
