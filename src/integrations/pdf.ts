/**
 * Post-build step: the whole briefing as a PDF. It prints the built one-document page (dist/brief/index.html) with
 * Chromium into dist/<SITE.briefPdf>, beside the EPUB; the offline step waits for both and carries them into
 * dist-offline/ and its zip (src/integrations/post-build.ts). The Chromium is started when Astro's build starts, so
 * it is ready when the page is (launchChromium).
 *
 *   dist/brief/index.html → dist/muscat-talks-briefing.pdf: A4, running title with the "as of" date, URL and
 *   "page / pages" on every page, bookmarks from the headings (outline), tagged, anchors as internal links, the
 *   contents with the page each part starts on
 *
 * The page is opened at its hosted URL, with every request answered from dist/ (none leaves the machine). With
 * SITE_URL set, its links to other pages become links to the hosted site; without it (the address is a placeholder)
 * they go to the brief's own entry for the page, or become text (src/lib/documents/brief-links.ts).
 *
 * The contents' page numbers come from Chromium itself: it writes a named destination for every heading a link points
 * to, so the first print (a draft, untagged and without bookmarks, which is cheaper) says which page each part starts
 * on; the numbers are filled into the page, which is printed again, and that print must put every part where the
 * contents say (at most two more tries, then the step fails naming the part). Chromium stamps the clock into the
 * PDF; the dates and the document ID are then set to the build date with pdf-lib, so two builds of one commit write
 * the same bytes.
 * The home page's link to the PDF ([data-pdf-size]) gets its size.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Root } from 'hast';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.ts';
import { linksWithinBrief } from '../lib/documents/brief-links.ts';
import { servedFile } from '../lib/output/serve-path.ts';
import { SITE } from '../site.ts';
import type { DocumentContext, DocumentStep } from './brief-document.ts';

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
 * Chromium's request for `url`, answered from dist/ (src/lib/output/serve-path.ts: nothing outside it, regular files only),
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

/** The /brief/ page with its links to other pages of the site turned into links within it, or text (brief-links.ts). */
export function briefWithinItself(html: string, base: string): string {
  const tree = unified().use(rehypeParse).parse(html) as Root;
  return unified().use(rehypeStringify).stringify(linksWithinBrief(tree, base));
}

/**
 * The page (from 1) of each named destination in a PDF: Chromium names one after each id a link in the page points
 * to, in the catalog's /Dests dictionary (or, in other writers, the /Names tree's /Dests).
 */
export function destinationPages(doc: PDFDocument): Map<string, number> {
  const pageOf = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const found = new Map<string, number>();
  const add = (name: string, value: unknown) => {
    let dest = value instanceof PDFRef ? doc.context.lookup(value) : value;
    if (dest instanceof PDFDict) dest = dest.lookup(PDFName.of('D'));
    const page = dest instanceof PDFArray ? dest.get(0) : undefined;
    const n = page instanceof PDFRef ? pageOf.get(page.toString()) : undefined;
    if (n !== undefined) found.set(name, n);
  };
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [key, value] of dests?.entries() ?? []) add(key.decodeText(), value);
  const walk = (node: PDFDict | undefined): void => {
    const names = node?.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; names && i + 1 < names.size(); i += 2) {
      const key = names.lookup(i);
      if (key instanceof PDFString || key instanceof PDFHexString) add(key.decodeText(), names.get(i + 1));
    }
    const kids = node?.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) walk(kids.lookup(i, PDFDict));
  };
  walk(doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict));
  return found;
}

/** The page each of `ids` starts on in a printed PDF; throws naming an id Chromium wrote no destination for. */
export async function partPages(pdf: Uint8Array, ids: readonly string[]): Promise<Record<string, number>> {
  const pages = destinationPages(await PDFDocument.load(pdf, { updateMetadata: false }));
  const missing = ids.filter((id) => !pages.has(id));
  if (missing.length) throw new Error(`the printed PDF has no destination for the contents' part(s) ${missing.map((id) => `#${id}`).join(', ')}: each entry of the contents must link to a heading id in /brief/ (src/pages/brief.astro).`);
  return Object.fromEntries(ids.map((id) => [id, pages.get(id)!]));
}

/** The first part whose page in the print differs from the one the contents show, in words, or undefined. */
export function contentsMismatch(shown: Record<string, number>, printed: Record<string, number>): string | undefined {
  const id = Object.keys(printed).find((k) => shown[k] !== printed[k]);
  return id === undefined ? undefined : `#${id} is printed on page ${printed[id]} but the contents say ${shown[id] ?? 'nothing'}`;
}

/** How many times the page is printed at most: once to find the parts' pages, then until the contents agree. */
export const MAX_PRINTS = 3;

/**
 * Chromium names the tagged PDF's structure elements after its DOM nodes ("node00000329": table headers, which cells
 * point to, and the structure tree's /IDTree), numbers that shift from one run to the next. Renumbered by rank
 * ("n1", "n2", … in the order of the old numbers), every use of a name changes with it and the name tree stays
 * sorted, so the same page always gives the same bytes.
 */
export function renumberNodeIds(doc: PDFDocument): void {
  const NODE = /^node(\d+)$/;
  // Each string is handed over with a setter for its place in its dictionary or array.
  const walk = (value: unknown, act: (text: string, put: (v: PDFString) => void) => void): void => {
    if (value instanceof PDFDict) for (const [key, v] of value.entries()) {
      if (v instanceof PDFString || v instanceof PDFHexString) act(v.decodeText(), (n) => value.set(key, n));
      else walk(v, act);
    } else if (value instanceof PDFArray) value.asArray().forEach((v, i) => {
      if (v instanceof PDFString || v instanceof PDFHexString) act(v.decodeText(), (n) => value.set(i, n));
      else walk(v, act);
    });
  };
  const objects = doc.context.enumerateIndirectObjects().map(([, object]) => object);
  const numbers = new Set<number>();
  for (const object of objects) walk(object, (text) => { const m = NODE.exec(text); if (m) numbers.add(Number(m[1])); });
  const rank = new Map([...numbers].sort((a, b) => a - b).map((n, i) => [n, `n${String(i + 1).padStart(5, '0')}`]));
  for (const object of objects) walk(object, (text, put) => { const m = NODE.exec(text); if (m) put(PDFString.of(rank.get(Number(m[1]))!)); });
}

/** Sets the PDF's dates and document ID to the build date, so the bytes depend on the content alone. */
export async function stampPdf(bytes: Uint8Array, stamp: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  renumberNodeIds(doc);
  doc.setCreationDate(stamp);
  doc.setModificationDate(stamp);
  const id = createHash('md5').update(bytes.byteLength.toString()).update(stamp.toISOString()).update(doc.getPageCount().toString()).digest('hex');
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}

export interface PdfOptions extends DocumentContext {
  executablePath?: string | undefined;
  /** A Chromium started earlier (launchChromium), used and left open; without it the step starts and closes its own. */
  browser?: Promise<Browser> | undefined;
  /** A tab opened in that Chromium earlier (openPrintTab), to print in; its context is closed after. */
  tab?: Promise<Page> | undefined;
  /** Called once the page is loaded and its first print handed to Chromium (post-build.ts starts other steps then). */
  onPrinting?: (() => void) | undefined;
}

/** A tab of its own (a fresh context) to print in: opening one starts a renderer, which takes a while, so the build
 * opens it while Astro renders. */
export async function openPrintTab(browser: Promise<Browser>): Promise<Page> {
  return (await (await browser).newContext()).newPage();
}

/** Starts the Chromium that prints the PDF, or fails saying what to install. */
export async function launchChromium(executablePath = findChromium()): Promise<Browser> {
  try {
    return await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
  } catch (cause) {
    throw new Error('No Chromium to print the briefing PDF with. Run `node scripts/ensure-chromium.ts` (as root it installs Debian\'s ' +
      'chromium package), or `sudo apt-get install chromium`, or set CHROMIUM_PATH to a Chromium or Chrome binary.', { cause });
  }
}

/** Prints dist/brief/index.html to dist/<PDF_NAME>; returns its size in bytes. */
export async function writeBriefPdf({ dist, hostedUrl, siteGiven, stamp, asOf, executablePath, browser: started, tab, onPrinting }: PdfOptions): Promise<number> {
  if (!existsSync(join(dist, BRIEF_PAGE))) throw new Error(`${join(dist, BRIEF_PAGE)} is missing: the PDF is printed from the /brief/ page (src/pages/brief.astro).`);
  const tooBig = printTooBig(statSync(join(dist, BRIEF_PAGE)).size);
  if (tooBig) throw new Error(tooBig);
  const browser = await (started ?? launchChromium(executablePath));
  const page = await (tab ?? openPrintTab(Promise.resolve(browser)));
  const context = page.context();
  try {
    const briefUrl = new URL('brief/', hostedUrl).href;
    // Without SITE_URL the hosted address is a placeholder: the brief Chromium prints links only within itself.
    const brief = siteGiven ? undefined : Buffer.from(briefWithinItself(readFileSync(join(dist, BRIEF_PAGE), 'utf8'), new URL(hostedUrl).pathname));
    await context.route('**/*', async (route) => {
      const url = route.request().url().split('#')[0]!.split('?')[0]!;
      if (brief && (url === briefUrl || url === `${briefUrl}index.html`)) return route.fulfill({ status: 200, body: brief, contentType: 'text/html' });
      const answer = answerFromDist(dist, hostedUrl, route.request().url());
      return answer ? route.fulfill(answer) : route.abort();
    });
    const timeout = PRINT_LIMITS.seconds * 1000;
    page.setDefaultTimeout(timeout);
    await page.goto(briefUrl, { waitUntil: 'load', timeout });
    // The page's own running head and foot (@page margin boxes, for printing from a browser) give way to Chromium's.
    await page.addStyleTag({ content: MARGIN_BOXES_OFF });
    // page.pdf takes no timeout of its own: a print that outlasts the limit stops the step.
    let timer: NodeJS.Timeout | undefined;
    const overdue = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Printing the /brief/ page took more than ${PRINT_LIMITS.seconds} s (PRINT_LIMITS in src/integrations/pdf.ts). ` +
        'Fix: shorten the content the one-document brief gathers (src/pages/brief.astro), or raise the limit on a slower machine.')), timeout);
    });
    // A draft print (no structure tags, no bookmarks: only where the parts land is read from it) is the cheaper one.
    const print = (draft = false) => Promise.race([overdue, page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      ...pageTemplates(asOf, siteGiven ? briefUrl : undefined),
      margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
      outline: !draft,
      tagged: !draft,
    })]);
    // The contents' page numbers: print, read where each part landed, fill the numbers in, print again to check.
    const parts = await page.$$eval('[data-toc-page]', (spans) => spans.map((s) => s.getAttribute('data-toc-page')!));
    const fill = (pages: Record<string, number>) => page.$$eval('[data-toc-page]', (spans, numbers) => {
      for (const s of spans) s.textContent = String(numbers[s.getAttribute('data-toc-page')!] ?? '');
    }, pages);
    let pdf: Uint8Array;
    try {
      // With contents to number, the first print only says where the parts land, and another always follows it.
      const first = print(parts.length > 0);
      onPrinting?.();
      pdf = await first;
      let shown: Record<string, number> = {};
      for (let prints = 1; parts.length; prints++) {
        const printed = await partPages(pdf, parts);
        const mismatch = contentsMismatch(shown, printed);
        if (!mismatch) break;
        if (prints === MAX_PRINTS) throw new Error(`the contents' page numbers do not settle after ${MAX_PRINTS} prints: ${mismatch}. Fix: keep the contents on the first page (src/pages/brief.astro), so the numbers cannot move the parts.`);
        await fill(printed);
        shown = printed;
        pdf = await print();
      }
    } finally {
      clearTimeout(timer);
    }
    const bytes = await stampPdf(pdf, stamp);
    writeFileSync(join(dist, PDF_NAME), bytes);
    return bytes.byteLength;
  } finally {
    await (started ? context.close() : browser.close());
  }
}

/** The PDF as a document step (brief-document.ts), printed with the Chromium (and in the tab) given, if any. */
export const pdfStep = (chromium: Pick<PdfOptions, 'browser' | 'tab' | 'onPrinting'> = {}): DocumentStep => ({
  file: PDF_NAME, kind: 'PDF', attribute: 'dataPdfSize', verb: 'print', make: (ctx) => writeBriefPdf({ ...ctx, ...chromium }),
});
