/**
 * Post-build step: the whole briefing as an EPUB 3, made from the built one-document page (dist/brief/index.html)
 * into dist/<SITE.briefEpub>, beside the PDF; the offline step waits for both and carries them into dist-offline/ and
 * its zip (src/integrations/post-build.ts).
 *
 *   dist/brief/index.html <article> → briefing.xhtml (XHTML, ¶ markers linking to the endnotes in the same file)
 *   its h2/h3 headings → nav.xhtml (the navigation document, with landmarks); "as of" date and hosted URL in the
 *   metadata and text; the site's name as creator and publisher
 *   src/lib/documents/epub-style.ts → briefing.css (type scale, stance tints, rhythm, drawings that fit the page)
 *   src/lib/documents/epub-cover.ts → cover.png (the cover image) and cover.xhtml (first in the reading order)
 *
 * The container is written here with fflate (mimetype first and stored, every file dated with the build date), not
 * with an EPUB library: those on npm stamp the clock into the package and the zip, fetch remote resources, or bring
 * their own HTML pipeline; this one needs a page that is already built, and must come out byte-identical each build.
 * The graphics (the actor map and the timeline) stay inline SVG, in the SVG namespace, with their style sheets'
 * page colours fixed to the light scheme (e-readers do not all know CSS variables).
 */
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
import { isStance } from '../schemas/stance.ts';
import { coverBody, drawCover } from '../lib/documents/epub-cover.ts';
import { EPUB_CSS, stanceClass } from '../lib/documents/epub-style.ts';
import { LIGHT, type Colour } from '../lib/graphics/style.ts';
import { assertWellFormedXml, escapeXml, wellFormedMarkup } from '../lib/output/xml.ts';
import type { DocumentStep } from './brief-document.ts';

export const EPUB_NAME = SITE.briefEpub;

// Built with hast-util-to-html, so made fit for XML here: no character XML forbids, no "]]>" in text (src/lib/output/xml.ts).
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

const STYLESHEET = '<link rel="stylesheet" type="text/css" href="briefing.css"/>';

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

/** Width and height of a drawing as numbers, when both are given in plain user units ("400", not "100%"). */
const size = (p: Element['properties']): [number, number] | undefined => {
  const [w, h] = [Number(p.width), Number(p.height)];
  return w > 0 && h > 0 ? [w, h] : undefined;
};

/**
 * The EPUB's bytes: a cover, the page's article as one XHTML file with the book's style sheet, a navigation document
 * from its headings, the package.
 */
export async function makeEpub({ html, hostedUrl, siteGiven = true, stamp, asOf, lang = SITE.lang }: EpubOptions): Promise<Uint8Array> {
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
  // Links in a drawing are SVG's <a>: without an address they give way to what they hold (a span is no SVG).
  const inDrawing = new Set(selectAll('svg a', article));
  visit(article, 'element', (node, index, parent) => {
    const p = node.properties;
    // Links to other pages go to the hosted site, or with no known address become plain text: a span when the link
    // has a class or holds more than text, so the style sheet still finds and groups it (the by-party list's issue
    // names, and each stance with its speaker). Anchors in the page stay, as links within the book. An endnote's link
    // to the source page has nothing to say without its address: it goes.
    if (typeof p.href === 'string' && !p.href.startsWith('#')) {
      if (!siteGiven && parent && index !== undefined) {
        if (parent.type === 'element' && parent.tagName === 'li' && String(parent.properties.id ?? '').startsWith('note-')) {
          const before = parent.children[index - 1];
          if (before?.type === 'text') before.value = before.value.trimEnd();
          parent.children.splice(index, 1);
          return index;
        }
        const classed = Array.isArray(p.className) && p.className.length > 0;
        if (!inDrawing.has(node) && (classed || node.children.some((c) => c.type === 'element'))) {
          node.tagName = 'span';
          node.properties = classed ? { className: p.className } : {};
          return undefined;
        }
        parent.children.splice(index, 1, ...node.children);
        return index;
      }
      p.href = new URL(p.href, briefUrl).href;
    }
    // The stance a tag shows, kept as a class (data-* goes next): the style sheet tints it.
    if (isStance(p.dataStance)) p.className = [...(Array.isArray(p.className) ? p.className : []), stanceClass(p.dataStance)];
    for (const [key, value] of Object.entries(p)) {
      if (typeof value === 'boolean' || key.startsWith('data')) delete p[key]; // no boolean or data-* attributes in the book
    }
    if (node.tagName === 'time') delete p.dateTime; // kept as text; EPUB readers take only full dates here
    if (node.tagName === 'svg') {
      p.xmlns = 'http://www.w3.org/2000/svg';
      if (p.role === 'group') delete p.role; // EPUB's schema allows img, document or application; a drawing with links is none
      // A drawing scales to the page (briefing.css: max-width 100%, height auto) by its viewBox; one drawn without
      // gets it from its width and height. Its width and height stay, as its size where the page is wide enough.
      const wh = size(p);
      if (p.viewBox === undefined && wh && wh[0] > 100) p.viewBox = `0 0 ${wh[0]} ${wh[1]}`;
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
  const firstPart = toc[0] ? `briefing.xhtml#${escapeXml(toc[0].id)}` : 'briefing.xhtml';
  const nav = xhtml('Contents', lang, `<nav epub:type="toc" id="toc"><h1>Contents</h1><ol>${toc
    .map((e) => `<li>${link(e)}${e.subs.length ? `<ol>${e.subs.map((s) => `<li>${link(s)}</li>`).join('')}</ol>` : ''}</li>`).join('')}</ol></nav>` +
    // Landmarks: where a reading system's "go to" menu takes the reader (the cover, the contents, the start of the text).
    `<nav epub:type="landmarks" id="landmarks" hidden="hidden"><h2>Landmarks</h2><ol><li><a epub:type="cover" href="cover.xhtml">Cover</a></li>` +
    `<li><a epub:type="toc" href="nav.xhtml#toc">Contents</a></li><li><a epub:type="bodymatter" href="${firstPart}">${escapeXml(toc[0]?.text ?? title)}</a></li></ol></nav>`,
  STYLESHEET);

  const cover = { title: SITE.title, asOf };
  const coverPng = await drawCover(cover);

  const modified = stamp.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const uuid = createHash('sha1').update(briefUrl).digest('hex');
  const identifier = `urn:uuid:${uuid.slice(0, 8)}-${uuid.slice(8, 12)}-5${uuid.slice(13, 16)}-8${uuid.slice(17, 20)}-${uuid.slice(20, 32)}`;
  const opf = `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${lang}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="book-id">${identifier}</dc:identifier>
    <dc:title>${escapeXml(`${SITE.title}: ${title}`)}</dc:title>
    <dc:creator>${escapeXml(SITE.title)}</dc:creator>
    <dc:publisher>${escapeXml(SITE.title)}</dc:publisher>
    <dc:language>${lang}</dc:language>
    <dc:description>${escapeXml(siteGiven ? `As of ${asOf}. ${briefUrl}` : `As of ${asOf}.`)}</dc:description>${siteGiven ? `
    <dc:source>${escapeXml(briefUrl)}</dc:source>` : ''}
    <dc:date>${modified}</dc:date>
    <meta property="dcterms:modified">${modified}</meta>
    <meta name="cover" content="cover-image"/>
  </metadata>
  <manifest>
    <item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>
    <item id="cover-image" href="cover.png" media-type="image/png" properties="cover-image"/>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="briefing" href="briefing.xhtml" media-type="application/xhtml+xml"${hasSvg ? ' properties="svg"' : ''}/>
    <item id="css" href="briefing.css" media-type="text/css"/>
  </manifest>
  <spine>
    <itemref idref="cover"/>
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
    'EPUB/cover.xhtml': strToU8(xhtml(SITE.title, lang, coverBody(cover, 'cover.png'), STYLESHEET)),
    // Stored: a PNG is compressed already.
    'EPUB/cover.png': [coverPng, { level: 0 }],
    'EPUB/nav.xhtml': strToU8(nav),
    'EPUB/briefing.xhtml': strToU8(xhtml(title, lang, body, STYLESHEET)),
    'EPUB/briefing.css': strToU8(EPUB_CSS),
  }, { level: 9, mtime });
  checkEpub(book);
  return book;
}

/** The EPUB as a document step (brief-document.ts): made from dist/brief/index.html into dist/<EPUB_NAME>. */
export const EPUB_STEP: DocumentStep = {
  file: EPUB_NAME, kind: 'EPUB', attribute: 'dataEpubSize', verb: 'make',
  make: async ({ dist, ...ctx }) => {
    const bytes = await makeEpub({ html: readFileSync(join(dist, 'brief/index.html'), 'utf8'), ...ctx });
    writeFileSync(join(dist, EPUB_NAME), bytes);
    return bytes.byteLength;
  },
};
