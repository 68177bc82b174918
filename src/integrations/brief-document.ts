/**
 * The one step both documents made from /brief/ share (the PDF, src/integrations/pdf.ts; the EPUB, epub.ts): after the
 * build, make the file from the built page with the hosted address (when SITE_URL names one), the build date and the
 * "as of" date; write its size into the home page's download link; log and time it; on failure, say which file failed.
 *
 *   briefDocument({ name: 'briefing:pdf', file: SITE.briefPdf, kind: 'PDF', attribute: 'dataPdfSize', verb: 'print',
 *                   make: (ctx) => writeBriefPdf(ctx) }, { asOf })
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { buildDate } from '../lib/record/build-date.ts';
import { formatDay } from '../schemas/dates.ts';
import { hostedRoot } from '../lib/pages/links.ts';
import { readSettings } from '../lib/pages/settings.ts';
import { stampSize } from './offline.ts';
import { recordTiming } from './timings.ts';

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
  /** The integration's name ('briefing:pdf'). */
  name: string;
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

/** A download's size into dist/index.html (stampSize, offline.ts). */
export function stampHomeSize(dist: string, attribute: DocumentStep['attribute'], kind: string, bytes: number): void {
  const homeFile = join(dist, 'index.html');
  const home = unified().use(rehypeParse).parse(readFileSync(homeFile, 'utf8'));
  stampSize(home, attribute, kind, bytes);
  writeFileSync(homeFile, unified().use(rehypeStringify).stringify(home));
}

export function briefDocument(step: DocumentStep, { asOf }: { asOf: Date }): AstroIntegration {
  let hostedUrl = '';
  return {
    name: step.name,
    hooks: {
      'astro:config:done': ({ config }) => {
        hostedUrl = hostedRoot(config.site, config.base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const dist = fileURLToPath(dir);
        try {
          const bytes = await step.make({ dist, hostedUrl, siteGiven: readSettings(process.env).siteGiven, stamp: buildDate().date, asOf: formatDay(asOf) });
          stampHomeSize(dist, step.attribute, step.kind, bytes);
          logger.info(`${step.file}: ${Math.round(bytes / 1024)} KB, ${step.verb === 'print' ? 'printed' : 'made'} from /brief/ in ${Math.round(performance.now() - started)} ms`);
        } catch (cause) {
          // The cause's message goes into this one, so the operator reads what went wrong and the fix in one line.
          throw new Error(`Failed to ${step.verb} ${step.file} from /brief/: ${(cause as Error).message ?? String(cause)}`, { cause });
        } finally {
          recordTiming(step.kind.toLowerCase(), performance.now() - started);
        }
      },
    },
  };
}
