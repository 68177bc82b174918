/**
 * Post-build step: the whole briefing as a PDF. It prints the built one-document page (dist/brief/index.html) with
 * Chromium into dist/<SITE.briefPdf>, before the offline step, which then carries it into dist-offline/ and its zip.
 *
 *   dist/brief/index.html → dist/muscat-talks-briefing.pdf: A4, running title with the "as of" date, URL and
 *   "page / pages" on every page, bookmarks from the headings (outline), tagged, anchors as internal links
 *
 * The page is opened at its hosted URL, with every request answered from dist/ (none leaves the machine), so its
 * links to other pages become links to the hosted site. Chromium stamps the clock into the PDF; the dates and the
 * document ID are then set to the build date with pdf-lib, so two builds of one commit write the same bytes.
 * The home page's link to the PDF ([data-pdf-size]) gets its size.
 */
import type { AstroIntegration } from 'astro';
import { chromium } from '@playwright/test';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, PDFHexString } from 'pdf-lib';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.ts';
import { buildDate } from '../lib/build-date.ts';
import { formatDay } from '../lib/dates.ts';
import { hostedRoot } from '../lib/links.ts';
import { readSettings } from '../lib/settings.ts';
import { SITE } from '../site.ts';
import { stampSize } from './offline.ts';
import { recordTiming } from './timings.ts';

export const PDF_NAME = SITE.briefPdf;
const BRIEF_PAGE = 'brief/index.html';

const TYPES: Record<string, string> = {
  '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png',
};

const MARGIN_BOXES_OFF = `@page { ${['top-left', 'top-center', 'top-right', 'bottom-left', 'bottom-center', 'bottom-right']
  .map((box) => `@${box} { content: none; }`).join(' ')} }`;

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The running head and foot Chromium draws on every page (pageNumber and totalPages are filled in by Chromium). */
export function pageTemplates(asOf: string, url: string | undefined): { headerTemplate: string; footerTemplate: string } {
  const box = 'font: 8px system-ui, sans-serif; color: #333; width: 100%; margin: 0 16mm; display: flex; justify-content: space-between;';
  return {
    headerTemplate: `<div style="${box}"><span>${escapeHtml(`${SITE.title} · as of ${asOf}`)}</span><span class="title"></span></div>`,
    footerTemplate: `<div style="${box}"><span>${escapeHtml(url ?? '')}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
  };
}

/** Sets the PDF's dates and document ID to the build date, so the bytes depend on the content alone. */
export async function stampPdf(bytes: Uint8Array, stamp: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  doc.setCreationDate(stamp);
  doc.setModificationDate(stamp);
  const id = createHash('md5').update(bytes.byteLength.toString()).update(stamp.toISOString()).update(doc.getPageCount().toString()).digest('hex');
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}

export interface PdfOptions {
  dist: string;
  /** Absolute URL of the hosted site's root (SITE_URL plus base). */
  hostedUrl: string;
  /** Whether SITE_URL was set: without it the pages carry no address (the default one is a placeholder). */
  siteGiven: boolean;
  stamp: Date;
  /** The briefing's "as of" date, as the pages show it ("6 February 2026"). */
  asOf: string;
  executablePath?: string | undefined;
}

/** Prints dist/brief/index.html to dist/<PDF_NAME>; returns its size in bytes. */
export async function writeBriefPdf({ dist, hostedUrl, siteGiven, stamp, asOf, executablePath = findChromium() }: PdfOptions): Promise<number> {
  if (!existsSync(join(dist, BRIEF_PAGE))) throw new Error(`${join(dist, BRIEF_PAGE)} is missing: the PDF is printed from the /brief/ page (src/pages/brief.astro).`);
  let browser;
  try {
    browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
  } catch (cause) {
    throw new Error('No Chromium to print the briefing PDF with. Run `node scripts/ensure-chromium.ts` (as root it installs Debian\'s ' +
      'chromium package), or `sudo apt-get install chromium`, or set CHROMIUM_PATH to a Chromium or Chrome binary.', { cause });
  }
  try {
    const context = await browser.newContext();
    await context.route('**/*', async (route) => {
      const url = route.request().url().split('#')[0]!.split('?')[0]!;
      if (!url.startsWith(hostedUrl)) return route.abort();
      let file = join(dist, decodeURIComponent(url.slice(hostedUrl.length)));
      if (url.endsWith('/')) file = join(file, 'index.html');
      if (!existsSync(file)) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ status: 200, body: readFileSync(file), contentType: TYPES[extname(file)] ?? 'application/octet-stream' });
    });
    const page = await context.newPage();
    await page.goto(new URL('brief/', hostedUrl).href, { waitUntil: 'load' });
    // The page's own running head and foot (@page margin boxes, for printing from a browser) give way to Chromium's.
    await page.addStyleTag({ content: MARGIN_BOXES_OFF });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      ...pageTemplates(asOf, siteGiven ? new URL('brief/', hostedUrl).href : undefined),
      margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
      outline: true,
      tagged: true,
    });
    const bytes = await stampPdf(pdf, stamp);
    writeFileSync(join(dist, PDF_NAME), bytes);
    return bytes.byteLength;
  } finally {
    await browser.close();
  }
}

/** A download's size into dist/index.html (stampSize, offline.ts). */
export function stampHomeSize(dist: string, attribute: 'dataPdfSize' | 'dataEpubSize', kind: string, bytes: number): void {
  const homeFile = join(dist, 'index.html');
  const home = unified().use(rehypeParse).parse(readFileSync(homeFile, 'utf8'));
  stampSize(home, attribute, kind, bytes);
  writeFileSync(homeFile, unified().use(rehypeStringify).stringify(home));
}

export default function pdfIntegration({ asOf }: { asOf: Date }): AstroIntegration {
  let hostedUrl = '';
  return {
    name: 'briefing:pdf',
    hooks: {
      'astro:config:done': ({ config }) => {
        hostedUrl = hostedRoot(config.site, config.base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const dist = fileURLToPath(dir);
        try {
          const bytes = await writeBriefPdf({ dist, hostedUrl, siteGiven: readSettings(process.env).siteGiven, stamp: buildDate().date, asOf: formatDay(asOf) });
          stampHomeSize(dist, 'dataPdfSize', 'PDF', bytes);
          logger.info(`${PDF_NAME}: ${Math.round(bytes / 1024)} KB, printed from /brief/ in ${Math.round(performance.now() - started)} ms`);
        } catch (cause) {
          throw new Error(`Failed to print ${PDF_NAME} from /brief/.`, { cause });
        } finally {
          recordTiming('pdf', performance.now() - started);
        }
      },
    },
  };
}
