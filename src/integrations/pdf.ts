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
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { PDFDocument, PDFHexString } from 'pdf-lib';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.ts';
import { servedFile } from '../lib/serve-path.ts';
import { SITE } from '../site.ts';
import { briefDocument, type DocumentContext } from './brief-document.ts';

export const PDF_NAME = SITE.briefPdf;
const BRIEF_PAGE = 'brief/index.html';
/**
 * The largest /brief/ page the PDF step prints (about 20 times today's), and how long loading and printing it may
 * take: past either, Chromium's print runs for many minutes or runs out of memory, so the step stops with the fix.
 */
export const PRINT_LIMITS = { bytes: 16 * 1024 * 1024, seconds: 120 };

/** Why /brief/ is too big to print, in one line with the fix, or undefined. */
export function printTooBig(bytes: number, limits = PRINT_LIMITS): string | undefined {
  if (bytes <= limits.bytes) return undefined;
  return `The /brief/ page is ${(bytes / 1024 / 1024).toFixed(1)} MB of HTML, more than the ${limits.bytes / 1024 / 1024} MB the PDF step prints (PRINT_LIMITS in src/integrations/pdf.ts). ` +
    'Fix: shorten the content the one-document brief gathers (src/pages/brief.astro), or raise the limit if the machine can print it.';
}

const TYPES: Record<string, string> = {
  '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png',
};

const MARGIN_BOXES_OFF = `@page { ${['top-left', 'top-center', 'top-right', 'bottom-left', 'bottom-center', 'bottom-right']
  .map((box) => `@${box} { content: none; }`).join(' ')} }`;

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Chromium's request for `url`, answered from dist/ (src/lib/serve-path.ts: nothing outside it, regular files only),
 * or null when it is for another host, which is refused.
 */
export function answerFromDist(dist: string, hostedUrl: string, url: string): { status: number; body: Buffer; contentType?: string } | null {
  const path = url.split('#')[0]!.split('?')[0]!;
  if (!path.startsWith(hostedUrl)) return null;
  const served = servedFile(dist, path.slice(hostedUrl.length));
  if (served.status !== 200) return { status: served.status, body: Buffer.alloc(0) };
  return { status: 200, body: readFileSync(served.file), contentType: TYPES[extname(served.file)] ?? 'application/octet-stream' };
}

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

export interface PdfOptions extends DocumentContext {
  executablePath?: string | undefined;
}

/** Prints dist/brief/index.html to dist/<PDF_NAME>; returns its size in bytes. */
export async function writeBriefPdf({ dist, hostedUrl, siteGiven, stamp, asOf, executablePath = findChromium() }: PdfOptions): Promise<number> {
  if (!existsSync(join(dist, BRIEF_PAGE))) throw new Error(`${join(dist, BRIEF_PAGE)} is missing: the PDF is printed from the /brief/ page (src/pages/brief.astro).`);
  const tooBig = printTooBig(statSync(join(dist, BRIEF_PAGE)).size);
  if (tooBig) throw new Error(tooBig);
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
      const answer = answerFromDist(dist, hostedUrl, route.request().url());
      return answer ? route.fulfill(answer) : route.abort();
    });
    const page = await context.newPage();
    const timeout = PRINT_LIMITS.seconds * 1000;
    page.setDefaultTimeout(timeout);
    await page.goto(new URL('brief/', hostedUrl).href, { waitUntil: 'load', timeout });
    // The page's own running head and foot (@page margin boxes, for printing from a browser) give way to Chromium's.
    await page.addStyleTag({ content: MARGIN_BOXES_OFF });
    // page.pdf takes no timeout of its own: a print that outlasts the limit stops the step.
    let timer: NodeJS.Timeout | undefined;
    const overdue = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Printing the /brief/ page took more than ${PRINT_LIMITS.seconds} s (PRINT_LIMITS in src/integrations/pdf.ts). ` +
        'Fix: shorten the content the one-document brief gathers (src/pages/brief.astro), or raise the limit on a slower machine.')), timeout);
    });
    const pdf = await Promise.race([overdue, page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      ...pageTemplates(asOf, siteGiven ? new URL('brief/', hostedUrl).href : undefined),
      margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
      outline: true,
      tagged: true,
    })]).finally(() => clearTimeout(timer));
    const bytes = await stampPdf(pdf, stamp);
    writeFileSync(join(dist, PDF_NAME), bytes);
    return bytes.byteLength;
  } finally {
    await browser.close();
  }
}

export default function pdfIntegration(options: { asOf: Date }): AstroIntegration {
  return briefDocument({ name: 'briefing:pdf', file: PDF_NAME, kind: 'PDF', attribute: 'dataPdfSize', verb: 'print', make: (ctx) => writeBriefPdf(ctx) }, options);
}
