/**
 * Post-build step: the whole briefing as an EPUB 3, made from the built one-document page (dist/brief/index.html)
 * into dist/<SITE.briefEpub>, before the offline step, which carries it into dist-offline/ and its zip.
 *
 *   dist/brief/index.html <article> → briefing.xhtml (XHTML, ¶ markers linking to the endnotes in the same file)
 *   its h2/h3 headings → nav.xhtml (the navigation document); "as of" date and hosted URL in the metadata and text
 *
 * The container is written here with fflate (mimetype first and stored, every file dated with the build date), not
 * with an EPUB library: those on npm stamp the clock into the package and the zip, fetch remote resources, or bring
 * their own HTML pipeline; this one needs a page that is already built, and must come out byte-identical each build.
 * The graphics (the actor map and the timeline) stay inline SVG, in the SVG namespace, with their style sheets'
 * page colours fixed to the light scheme (e-readers do not all know CSS variables).
 */
import type { AstroIntegration } from 'astro';
import type { Element, ElementContent, Root } from 'hast';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { toHtml } from 'hast-util-to-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { SITE } from '../site.ts';
import { LIGHT, type Colour } from '../lib/graphics/style.ts';
import { assertWellFormedXml, escapeXml, wellFormedMarkup } from '../lib/xml.ts';
import { briefDocument } from './brief-document.ts';

export const EPUB_NAME = SITE.briefEpub;

// Built with hast-util-to-html, so made fit for XML here: no character XML forbids, no "]]>" in text (src/lib/xml.ts).
const xhtml = (title: string, lang: string, body: string, head = '') => wellFormedMarkup(
  `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${lang}" xml:lang="${lang}">\n` +
  `<head><meta charset="utf-8"/><title>${escapeXml(title)}</title>${head}</head>\n<body>${body}</body>\n</html>\n`);

/** The XML files of a book: its package, container, navigation and content documents. */
const XML_ENTRY = /\.(xhtml|xml|opf|ncx)$/;

/**
 * Parses every XML file in the EPUB's bytes with a strict XML parser; a malformed one stops the build, naming the
 * entry and the position (EPUBCheck would call it FATAL, and e-readers refuse the book).
 */
export function checkEpub(bytes: Uint8Array, name = EPUB_NAME): void {
  for (const [entry, data] of Object.entries(unzipSync(bytes, { filter: (f) => XML_ENTRY.test(f.name) })))
    assertWellFormedXml(`${name}: ${entry}`, strFromU8(data), 'reword the text at that place in content/ (the EPUB step, src/integrations/epub.ts, drops the characters XML forbids and escapes "]]>", but cannot write this).');
}

const CSS = `body { font-family: sans-serif; line-height: 1.45; }
h1, h2, h3, h4 { line-height: 1.2; page-break-after: avoid; }
sup.cite { font-size: 0.7em; }
.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.entries { list-style: none; padding: 0; }
.stance { font-weight: 600; }
li, dd { page-break-inside: avoid; }
`;

export interface EpubOptions {
  /** The built page's HTML (dist/brief/index.html). */
  html: string;
  /** Absolute URL of the hosted site's root. */
  hostedUrl: string;
  /** Whether SITE_URL was set: without it the book names no address and links no other page (the default is a placeholder). */
  siteGiven?: boolean;
  stamp: Date;
  /** The briefing's "as of" date ("6 February 2026"). */
  asOf: string;
  lang?: string;
}

/** Parts of /brief/ made for wide screens and paper, which the book leaves out (it keeps their narrow forms). */
const WIDE_ONLY = ['map-wide', 'timeline-wide', 'party-grid'];

/** The EPUB's bytes: the page's article as one XHTML file, a navigation document from its headings, the package. */
export function makeEpub({ html, hostedUrl, siteGiven = true, stamp, asOf, lang = SITE.lang }: EpubOptions): Uint8Array {
  const tree = unified().use(rehypeParse).parse(html) as Root;
  const article = select('article', tree);
  if (!article) throw new Error('The /brief/ page has no <article>: the EPUB is made from it (src/pages/brief.astro).');
  const title = toString(select('h1', article) ?? article).trim() || SITE.title;
  const briefUrl = new URL('brief/', hostedUrl).href;
  // E-reader screens are upright and small: of the actor map's two drawings a book keeps the narrow one, and of the
  // positions' two views the by-party list, not the grid.
  visit(article, 'element', (node, index, parent) => {
    if (!parent || index === undefined) return;
    const classes = node.properties.className;
    if (!Array.isArray(classes) || !WIDE_ONLY.some((c) => classes.includes(c))) return undefined;
    parent.children.splice(index, 1);
    return index;
  });
  visit(article, 'element', (node, index, parent) => {
    const p = node.properties;
    // Links to other pages go to the hosted site, or with no known address become plain text; anchors in the page
    // stay, as links within the book.
    if (typeof p.href === 'string' && !p.href.startsWith('#')) {
      if (!siteGiven && parent && index !== undefined) {
        parent.children.splice(index, 1, ...node.children);
        return index;
      }
      p.href = new URL(p.href, briefUrl).href;
    }
    for (const [key, value] of Object.entries(p)) {
      if (typeof value === 'boolean' || key.startsWith('data')) delete p[key]; // no boolean or data-* attributes in the book
    }
    if (node.tagName === 'time') delete p.dateTime; // kept as text; EPUB readers take only full dates here
    if (node.tagName === 'svg') {
      p.xmlns = 'http://www.w3.org/2000/svg';
      if (p.role === 'group') delete p.role; // EPUB's schema allows img, document or application; a drawing with links is none
    }
    if (node.tagName === 'style')
      for (const text of node.children) if (text.type === 'text') text.value = text.value.replace(/var\(--(\w+)\)/g, (_, name: string) => LIGHT[name as Colour] ?? 'currentColor');
    return undefined;
  });
  const hasSvg = selectAll('svg', article).length > 0;
  const children: ElementContent[] = [
    ...article.children,
    { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: siteGiven ? `As of ${asOf}. The hosted edition, with any later updates: ${briefUrl}` : `As of ${asOf}.` }] },
  ];
  const body = toHtml({ type: 'root', children }, { closeSelfClosing: true, closeEmptyElements: false, allowDangerousHtml: false });

  // The navigation document: the parts (h2) and, under each, its sections (h3).
  const toc: { id: string; text: string; subs: { id: string; text: string }[] }[] = [];
  // The page's own list of contents (in its <nav>) is not a part of the book's.
  for (const h of selectAll('section h2[id], section h3[id]', article) as Element[]) {
    const entry = { id: String(h.properties.id), text: toString(h).trim(), subs: [] };
    if (h.tagName === 'h2') toc.push(entry);
    else toc.at(-1)?.subs.push(entry);
  }
  const link = (e: { id: string; text: string }) => `<a href="briefing.xhtml#${escapeXml(e.id)}">${escapeXml(e.text)}</a>`;
  const nav = xhtml('Contents', lang, `<nav epub:type="toc" id="toc"><h1>Contents</h1><ol>${toc
    .map((e) => `<li>${link(e)}${e.subs.length ? `<ol>${e.subs.map((s) => `<li>${link(s)}</li>`).join('')}</ol>` : ''}</li>`).join('')}</ol></nav>`);

  const modified = stamp.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const uuid = createHash('sha1').update(briefUrl).digest('hex');
  const identifier = `urn:uuid:${uuid.slice(0, 8)}-${uuid.slice(8, 12)}-5${uuid.slice(13, 16)}-8${uuid.slice(17, 20)}-${uuid.slice(20, 32)}`;
  const opf = `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${lang}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="book-id">${identifier}</dc:identifier>
    <dc:title>${escapeXml(`${SITE.title}: ${title}`)}</dc:title>
    <dc:language>${lang}</dc:language>
    <dc:description>${escapeXml(siteGiven ? `As of ${asOf}. ${briefUrl}` : `As of ${asOf}.`)}</dc:description>${siteGiven ? `
    <dc:source>${escapeXml(briefUrl)}</dc:source>` : ''}
    <dc:date>${modified}</dc:date>
    <meta property="dcterms:modified">${modified}</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="briefing" href="briefing.xhtml" media-type="application/xhtml+xml"${hasSvg ? ' properties="svg"' : ''}/>
    <item id="css" href="briefing.css" media-type="text/css"/>
  </manifest>
  <spine>
    <itemref idref="nav" linear="no"/>
    <itemref idref="briefing"/>
  </spine>
</package>
`;
  const container = `<?xml version="1.0" encoding="utf-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
`;
  const mtime = stamp;
  const book = zipSync({
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8(container),
    'EPUB/package.opf': strToU8(opf),
    'EPUB/nav.xhtml': strToU8(nav),
    'EPUB/briefing.xhtml': strToU8(xhtml(title, lang, body, '<link rel="stylesheet" type="text/css" href="briefing.css"/>')),
    'EPUB/briefing.css': strToU8(CSS),
  }, { level: 9, mtime });
  checkEpub(book);
  return book;
}

export default function epubIntegration(options: { asOf: Date }): AstroIntegration {
  return briefDocument({
    name: 'briefing:epub', file: EPUB_NAME, kind: 'EPUB', attribute: 'dataEpubSize', verb: 'make',
    make: ({ dist, ...ctx }) => {
      const bytes = makeEpub({ html: readFileSync(join(dist, 'brief/index.html'), 'utf8'), ...ctx });
      writeFileSync(join(dist, EPUB_NAME), bytes);
      return bytes.byteLength;
    },
  }, options);
}
