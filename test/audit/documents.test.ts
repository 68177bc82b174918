// The whole briefing as a PDF (dist/<SITE.briefPdf>, printed from /brief/ by src/integrations/pdf.ts): more than one
// page, bookmarks, every internal link landing on a destination the PDF has, a destination for every source
// paragraph's endnote, and the text holding the bottom line and every endnote; a first page naming the story and its
// dateline; contents whose page numbers are the pages the parts start on; no heading alone at the foot of a page; no
// link to the placeholder address; no words glued at a colon. Text via pdftotext (poppler-utils, per page through
// test/audit/pdf-pages.ts), structure via pdf-lib. And as an EPUB 3 (src/integrations/epub.ts): EPUBCheck reports
// nothing, and the book holds its navigation document, every endnote, a title, creator, language and cover, and its
// style sheet. scripts/ensure-doc-tools.ts installs both tools.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, PDFHexString } from 'pdf-lib';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { parse } from 'yaml';
import { endnoteId } from '../../src/lib/documents/cite-target.ts';
import { SITE } from '../../src/site.ts';
import { unzipSync } from 'fflate';
import { EPUBCHECK_JAR } from '../../scripts/ensure-doc-tools.ts';
import { formatDay } from '../../src/schemas/dates.ts';
import { fromHtml } from './hast.ts';
import { findGluedColons, findGluedInHtml } from './glued-text.ts';
import { headingsAtFoot, pageLines } from './pdf-pages.ts';

const root = new URL('../../', import.meta.url).pathname;
const pdfPath = join(root, 'dist', SITE.briefPdf);
const bytes = readFileSync(pdfPath);
const doc = await PDFDocument.load(bytes, { updateMetadata: false });

/** Text as the reader sees it, for comparing: curly quotes straightened, whitespace collapsed. */
const normal = (s: string) => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
const text = normal(execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-']).toString('utf8'));

const sources = readdirSync(join(root, 'content/sources')).filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ id: f.replace(/\.yaml$/, ''), ...(parse(readFileSync(join(root, 'content/sources', f), 'utf8')) as { dateline: string; date: string; paragraphs: { n: number; summary: string }[] }) }));
const pages = pageLines(pdfPath);
const brief = fromHtml(readFileSync(join(root, 'dist/brief/index.html'), 'utf8'));
const textOf = (node: Element) => normal(toString(node));

const nameOf = (o: unknown): string | undefined =>
  o instanceof PDFName ? o.decodeText() : o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined;

test('the PDF has more than one page and bookmarks from the headings', () => {
  assert.ok(doc.getPageCount() > 1, `${doc.getPageCount()} page(s)`);
  assert.ok(doc.catalog.get(PDFName.of('Outlines')), 'no /Outlines: page.pdf({ outline: true }) makes them from the headings');
  console.log(`${SITE.briefPdf}: ${doc.getPageCount()} pages, ${Math.round(bytes.byteLength / 1024)} KB`);
});

test('every internal link lands on a destination, and every endnote is one', () => {
  const dests = doc.catalog.lookup(PDFName.of('Dests'), PDFDict);
  const names = new Set(dests.keys().map((k) => k.decodeText()));
  const targets: string[] = [];
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const a = doc.context.lookup(annots!.get(i), PDFDict);
      if (a.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      const action = a.lookupMaybe(PDFName.of('A'), PDFDict);
      const dest = a.get(PDFName.of('Dest')) ?? (action?.get(PDFName.of('S')) === PDFName.of('GoTo') ? action.get(PDFName.of('D')) : undefined);
      if (dest === undefined) continue;
      const name = nameOf(dest);
      assert.ok(name !== undefined || dest instanceof PDFArray, `a link's destination is neither named nor explicit: ${String(dest)}`);
      if (name !== undefined) targets.push(name);
    }
  }
  assert.ok(targets.length > 50, `only ${targets.length} internal links: the ¶ markers should link to the endnotes`);
  assert.deepEqual([...new Set(targets.filter((t) => !names.has(t)))], [], 'internal links to destinations the PDF lacks');
  const notes = sources.flatMap((s) => s.paragraphs.map((p) => endnoteId(s.id, p.n)));
  assert.deepEqual(notes.filter((n) => !names.has(n)), [], 'endnotes without a destination');
  assert.deepEqual(notes.filter((n) => !targets.includes(n)), [], 'endnotes no marker links to');
});

test('the PDF prints the actor map and the timeline, each whole on one page', () => {
  const texts = pages.map((lines) => lines.join(' '));
  // The map's relation words and the timeline's breaks and key are drawn text, so they are in the PDF's text.
  const mapPages = texts.flatMap((p, i) => (p.includes('in indirect talks with') && p.includes('belongs to') ? [i] : []));
  assert.equal(mapPages.length, 1, 'the actor map and its key on one page');
  const timelinePages = texts.flatMap((p, i) => (p.includes('no dated events') ? [i] : []));
  assert.equal(timelinePages.length, 1, 'the timeline graphic on one page');
  assert.match(texts[timelinePages[0]!]!, /a stretch in which the report dates no event/, 'its key on the same page');
});

test('built without SITE_URL, the PDF prints no placeholder address and links nowhere on it', () => {
  assert.doesNotMatch(text, /example\.org/);
  const uris: string[] = [];
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const uri = doc.context.lookup(annots!.get(i), PDFDict).lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('URI'));
      const name = nameOf(uri);
      if (name !== undefined) uris.push(name);
    }
  }
  assert.deepEqual(uris.filter((u) => u.includes(new URL(SITE.defaultUrl).host)), [], 'links to the placeholder address: they would be dead in a forwarded PDF');
});

test('the first page names the story, the parties, the mediator, the dateline and says it is an offline copy', () => {
  const first = pages[0]!.join(' ');
  const earliest = [...sources].sort((a, b) => String(a.date).localeCompare(String(b.date)))[0]!;
  for (const words of ['Muscat', 'Iran', 'United States', 'Oman', `${earliest.dateline}, ${formatDay(new Date(earliest.date))}`])
    assert.ok(first.includes(words), `the first page lacks "${words}": ${first}`);
  assert.match(first, /offline or printed copy/);
  assert.match(first, /Contents/);
});

test('the contents give each part the page it starts on', () => {
  const first = pages[0]!;
  const entries = selectAll('.brief-toc a[href^="#"]', brief).map((a) => ({ label: textOf(a), id: String(a.properties.href).slice(1) }));
  assert.ok(entries.length >= 5, `${entries.length} entries in the contents`);
  for (const { label, id } of entries) {
    const line = first.find((l) => l.startsWith(`${label} `) && /\d+$/.test(l));
    assert.ok(line, `the contents have no page number for "${label}": ${first.join(' | ')}`);
    const n = Number(/(\d+)$/.exec(line)![1]);
    const heading = select(`[id="${id}"]`, brief) as Element | undefined;
    assert.ok(heading, `#${id} is not in /brief/`);
    const top = normal((pages[n - 1] ?? []).slice(0, 3).join(' '));
    assert.ok(top.startsWith(textOf(heading)), `"${label}" is on page ${n} by the contents, but that page starts "${top.slice(0, 80)}"`);
  }
});

test('no heading or term is the last line of a page', () => {
  const headings = selectAll('article :is(h2, h3, h4, h5, h6), article dt', brief).map(textOf);
  // The cover's contents list the parts' headings: they are entries there, not headings.
  assert.deepEqual(headingsAtFoot(pages.slice(1), headings).map((h) => `page ${h.page + 1}: "${h.heading}"`), []);
});

test('no words glued at a colon in the PDF or the EPUB ("2015:The")', () => {
  assert.deepEqual(findGluedColons(text), []);
  const book = unzipSync(new Uint8Array(readFileSync(join(root, 'dist', SITE.briefEpub))));
  const body = Buffer.from(book['EPUB/briefing.xhtml']!).toString('utf8');
  assert.deepEqual(findGluedInHtml(body).map((g) => g.context).filter((c) => /\|[:;,]/.test(c)), []);
});

test('the text holds the bottom line and every endnote', () => {
  const overview = readFileSync(join(root, 'content/briefing/overview.mdx'), 'utf8');
  const bottomLine = /## Bottom line up front\s+([^\n]+)/.exec(overview)?.[1];
  assert.ok(bottomLine, 'content/briefing/overview.mdx has no "Bottom line up front" paragraph');
  for (const part of bottomLine.split(/<Cite[^>]*\/>/).map(normal).filter((p) => p.length > 3)) {
    assert.ok(text.includes(part.replace(/^[.,;] ?/, '')), `bottom line missing from the PDF: "${part}"`);
  }
  const missing = sources.flatMap((s) => s.paragraphs.filter((p) => !text.includes(normal(p.summary))).map((p) => `${s.id} ¶${p.n}`));
  assert.deepEqual(missing, []);
});

test('the EPUB passes EPUBCheck and holds its navigation document and every endnote', () => {
  const epubPath = join(root, 'dist', SITE.briefEpub);
  const check = spawnSync('java', ['-jar', EPUBCHECK_JAR, epubPath], { encoding: 'utf8' });
  assert.equal(check.status, 0, `${check.stdout}\n${check.stderr}`);
  assert.match(check.stdout, /No errors or warnings detected/);
  const book = unzipSync(new Uint8Array(readFileSync(epubPath)));
  assert.equal(Object.keys(book)[0], 'mimetype');
  const nav = Buffer.from(book['EPUB/nav.xhtml']!).toString('utf8');
  assert.match(nav, /epub:type="toc"/);
  assert.match(nav, /href="briefing\.xhtml#endnotes"/);
  const body = Buffer.from(book['EPUB/briefing.xhtml']!).toString('utf8');
  const notes = sources.flatMap((s) => s.paragraphs.map((p) => endnoteId(s.id, p.n)));
  assert.deepEqual(notes.filter((n) => !body.includes(`id="${n}"`) || !body.includes(`href="#${n}"`)), [], 'endnotes missing or unlinked in the book');
  // npm test builds without SITE_URL: the book then names no address and links no page of the placeholder domain.
  assert.match(body, /As of \d{1,2} \w+ \d{4}\./);
  assert.doesNotMatch(body, /example\.org/, 'no placeholder address in the book');
  // The graphics as SVG: the actor map (its narrow drawing) and the timeline, in the SVG namespace, declared in the package.
  const svgs = [...body.matchAll(/<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>\s*(<style>[^<]*<\/style>)?<title[^>]*>([^<]+)<\/title>/g)]
    .map((m) => (m[1] ? 'styled: ' : '') + m[2]);
  assert.ok(svgs.includes('styled: Map of the actors and how they stand to one another'), `no styled actor map in the book: ${svgs.join(' | ')}`);
  assert.ok(svgs.some((t) => /^styled: Timeline of the events/.test(t!)), `no styled timeline in the book: ${svgs.join(' | ')}`);
  assert.equal(svgs.filter((t) => /Map of the actors/.test(t!)).length, 1, 'the book keeps one of the map\'s two drawings');
  assert.doesNotMatch(body, /var\(--/, 'the book\'s graphics carry fixed colours, not the page\'s variables');
  const opf = Buffer.from(book['EPUB/package.opf']!).toString('utf8');
  assert.match(opf, /href="briefing\.xhtml" media-type="application\/xhtml\+xml" properties="svg"/);
  // A book's catalogue entry: title, the briefing as creator, language; a cover image, and its page first to read.
  assert.match(opf, new RegExp(`<dc:title>${SITE.title}: [^<]+</dc:title>`));
  assert.match(opf, new RegExp(`<dc:creator>${SITE.title}</dc:creator>`));
  assert.match(opf, new RegExp(`<dc:language>${SITE.lang}</dc:language>`));
  const cover = /<item id="([^"]+)" href="([^"]+)" media-type="image\/png" properties="cover-image"\/>/.exec(opf);
  assert.ok(cover, 'no cover-image item in the package');
  const png = book[`EPUB/${cover[2]}`];
  assert.ok(png && png.byteLength > 1024 && png.byteLength < 40 * 1024, `the cover ${cover[2]} is missing or not a few KB`);
  assert.match(opf, /<spine>\s*<itemref idref="cover"\/>/, 'the cover page opens the reading order');
  // Styled: every page links the style sheet the package lists, and the stances carry their classes.
  assert.match(opf, /<item id="css" href="briefing\.css" media-type="text\/css"\/>/);
  assert.match(body, /<link rel="stylesheet" type="text\/css" href="briefing\.css"\/>/);
  assert.match(body, /class="stance stance-demands"/);
  // No placeholder address in any entry, the package and the navigation included.
  for (const [name, data] of Object.entries(book))
    if (!name.endsWith('.png')) assert.doesNotMatch(Buffer.from(data).toString('utf8'), /example\.org/, name);
  console.log(`${SITE.briefEpub}: ${Math.round(readFileSync(epubPath).byteLength / 1024)} KB, EPUBCheck clean`);
});
