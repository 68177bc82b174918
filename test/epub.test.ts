import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { unzipSync } from 'fflate';
import { makeEpub } from '../src/integrations/epub.ts';
import { COVER_HEIGHT, COVER_WIDTH, coverLines } from '../src/lib/documents/epub-cover.ts';
import { EPUB_CSS, STANCE_TINTS, stanceClass } from '../src/lib/documents/epub-style.ts';
import { STANCE_KEYS } from '../src/schemas/stance.ts';
import { SITE } from '../src/site.ts';

// A made-up one-document page: a heading, a link to another page, an anchor, drawings with page colours, a by-party
// list (issue names and stances linked to their pages), a drawing without a viewBox, and an endnote.
const html = `<!doctype html><html><body><article><h1>A test brief</h1><section><h2 id="part">Part</h2>
<p>See <a href="/actors/north/">North</a> and <a href="#part">this part</a>.</p>
<svg class="map-wide" viewBox="0 0 10 10" role="group"><title>Wide</title></svg>
<svg class="map-phone" viewBox="0 0 10 10" role="group"><style>.x { fill: var(--fg); }</style><title>Narrow</title><a href="/actors/north/"><rect width="5" height="5"></rect><text>North</text></a></svg>
<figure class="graphic timeline-graphic"><svg class="timeline-svg" width="400" height="874"><title>Old drawing</title></svg>
<figcaption><span class="key"><svg width="14" height="14" aria-hidden="true"><circle r="3"></circle></svg> dated</span></figcaption></figure>
<div class="party-grid"><p>Grid</p></div>
<div class="by-party"><section><h4><a href="/actors/north/">North</a></h4><ul class="tinted"><li><a class="issue" href="/issues/scope/">Scope</a><span class="stances"><a href="/positions/north--scope/" data-position="north--scope"><span class="stance" data-stance="demands"><span aria-hidden="true">!</span> Demands</span><span class="vh">: More</span></a></span></li></ul></section></div>
</section><section><h2 id="endnotes">Source notes</h2><ol class="endnotes"><li id="note-s-1" value="1">A summary. <a href="/sources/s/#p1" aria-label="Paragraph 1 on the source page">(source page)</a></li></ol></section></article></body></html>`;
const stamp = new Date('2030-05-01T00:00:00Z');
const book = async (siteGiven: boolean) => {
  const files = unzipSync(await makeEpub({ html, hostedUrl: 'https://briefing.test/sub/', siteGiven, stamp, asOf: '1 May 2030' }));
  const text = (name: string) => Buffer.from(files[name]!).toString('utf8');
  return { files, text, body: text('EPUB/briefing.xhtml'), opf: text('EPUB/package.opf') };
};

test('with a hosted address, links to other pages go there and the book names it', async () => {
  const { body, opf } = await book(true);
  assert.match(body, /<a href="https:\/\/briefing\.test\/actors\/north\/">North<\/a>/);
  assert.match(body, /<a class="issue" href="https:\/\/briefing\.test\/issues\/scope\/">Scope<\/a>/);
  assert.match(body, /A summary\. <a href="https:\/\/briefing\.test\/sources\/s\/#p1"[^>]*>\(source page\)<\/a>/);
  assert.match(body, /As of 1 May 2030\. The hosted edition, with any later updates: https:\/\/briefing\.test\/sub\/brief\//);
  assert.match(opf, /<dc:source>https:\/\/briefing\.test\/sub\/brief\/<\/dc:source>/);
});

test('without one, the book links no other page and names no address', async () => {
  const { files, text, body } = await book(false);
  assert.match(body, /See North and <a href="#part">this part<\/a>/);
  // A link with a class, or holding more than text, becomes a span: the style sheet still finds the by-party list's
  // issue names, and keeps each stance in one piece.
  assert.match(body, /<li><span class="issue">Scope<\/span><span class="stances"><span><span class="stance stance-demands">/);
  // An endnote's link to the source page says nothing without the page: it goes, with the space before it.
  assert.match(body, /<li id="note-s-1" value="1">A summary\.<\/li>/);
  // In a drawing a link gives way to what it holds: SVG has no span.
  assert.match(body, /<title>Narrow<\/title><rect width="5" height="5"><\/rect><text>North<\/text><\/svg>/);
  for (const name of Object.keys(files).filter((n) => !n.endsWith('.png')))
    assert.doesNotMatch(text(name), /briefing\.test|example\.org|https?:\/\/(?!www\.w3\.org|www\.idpf\.org|purl\.org)/, name);
});

test('drawings stay SVG in the SVG namespace, the narrow map only, with fixed colours', async () => {
  const { body, opf } = await book(true);
  assert.doesNotMatch(body, /<title>Wide<\/title>/);
  assert.doesNotMatch(body, /Grid/, 'the party grid is left out, the by-party list kept');
  assert.match(body, /<svg class="map-phone" viewBox="0 0 10 10" xmlns="http:\/\/www\.w3\.org\/2000\/svg"><style>\.x \{ fill: #1c1c1e; \}<\/style>/);
  assert.match(opf, /properties="svg"/);
});

test('drawings scale to the page: a viewBox on each, their size kept only as a largest width; keys keep theirs', async () => {
  const { body } = await book(true);
  assert.match(body, /<svg class="timeline-svg" width="400" height="874" xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 400 874">/);
  assert.match(body, /<svg width="14" height="14" aria-hidden="true" xmlns="http:\/\/www\.w3\.org\/2000\/svg"><circle/, 'a key\'s swatch keeps its fixed size');
  assert.match(EPUB_CSS, /figure svg\[viewBox\] \{[^}]*max-width: 100%;[^}]*height: auto;/);
});

test('the package names the briefing as creator and publisher, its language, dates and cover', async () => {
  const { opf } = await book(false);
  assert.match(opf, new RegExp(`<dc:creator>${SITE.title}</dc:creator>`));
  assert.match(opf, new RegExp(`<dc:publisher>${SITE.title}</dc:publisher>`));
  assert.match(opf, new RegExp(`<dc:language>${SITE.lang}</dc:language>`));
  assert.match(opf, /<dc:date>2030-05-01T00:00:00Z<\/dc:date>/);
  assert.match(opf, /<meta property="dcterms:modified">2030-05-01T00:00:00Z<\/meta>/);
  assert.match(opf, /<item id="cover-image" href="cover\.png" media-type="image\/png" properties="cover-image"\/>/);
  assert.match(opf, /<spine>\s*<itemref idref="cover"\/>/, 'the cover page opens the reading order');
});

test('the cover: a small portrait PNG saying the name, the subject and the "as of" date, on a page of its own', async () => {
  const { files, text } = await book(false);
  const png = files['EPUB/cover.png']!;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  assert.deepEqual([view.getUint32(16), view.getUint32(20)], [COVER_WIDTH, COVER_HEIGHT]);
  assert.ok(png.byteLength < 40 * 1024, `cover.png is ${png.byteLength} bytes`);
  assert.deepEqual(coverLines({ title: SITE.title, asOf: '1 May 2030' }), [SITE.title, 'Iran–US talks in Muscat', 'As of 1 May 2030']);
  assert.match(text('EPUB/cover.xhtml'), /<section epub:type="cover" class="cover"><img src="cover\.png" alt="Muscat talks briefing\. Iran–US talks in Muscat\. As of 1 May 2030"\/><\/section>/);
  assert.match(text('EPUB/nav.xhtml'), /<a epub:type="cover" href="cover\.xhtml">/);
  // The same input, the same bytes.
  const again = unzipSync(await makeEpub({ html, hostedUrl: 'https://briefing.test/sub/', siteGiven: false, stamp, asOf: '1 May 2030' }));
  assert.deepEqual(again['EPUB/cover.png'], png);
});

test('every page of the book links the style sheet, which the package lists', async () => {
  const { opf, text } = await book(true);
  assert.match(opf, /<item id="css" href="briefing\.css" media-type="text\/css"\/>/);
  for (const page of ['briefing', 'cover', 'nav'])
    assert.match(text(`EPUB/${page}.xhtml`), /<link rel="stylesheet" type="text\/css" href="briefing\.css"\/>/, page);
  assert.equal(text('EPUB/briefing.css'), EPUB_CSS);
  assert.doesNotMatch(EPUB_CSS, /var\(|@font-face|@import|prefers-color-scheme/, 'no variables, web fonts or dark scheme in the book');
});

test('stance tags keep their stance as a class, and the style sheet tints each as the site does', async () => {
  const { body } = await book(false);
  assert.match(body, /<span class="stance stance-demands"><span aria-hidden="true">!<\/span> Demands<\/span>/);
  assert.doesNotMatch(body, /data-/);
  const site = readFileSync(new URL('../src/components/StanceEntry.astro', import.meta.url), 'utf8');
  for (const s of STANCE_KEYS) {
    const tint = new RegExp(`\\.tinted \\[data-stance='${s}'\\] \\{ --stance-bg: (#[0-9a-f]{6}); \\}`).exec(site)?.[1];
    assert.equal(STANCE_TINTS[s], tint, `${s}: the book's tint differs from the site's light one in StanceEntry.astro`);
    assert.ok(EPUB_CSS.includes(`.tinted .${stanceClass(s)} { background-color: ${tint}; }`), s);
  }
});
