// Every XML file the build writes is well-formed whatever text it is given (src/lib/output/xml.ts): the EPUB's entries
// (src/integrations/epub.ts), the Atom feed (changes-feed.ts) and the standalone graphics (graphics/standalone.ts).
// Each is fed hostile text ("]]>", U+0001, U+001B, \v, \f, a lone surrogate) and parsed with saxes; the EPUB check
// that runs in the build refuses a malformed entry in one line naming it and the position.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { checkEpub, makeEpub } from '../src/integrations/epub.ts';
import type { ChangeEntry } from '../src/lib/record/changes.ts';
import { changesFeed } from '../src/lib/record/changes-feed.ts';
import { standaloneSvg } from '../src/lib/graphics/standalone.ts';
import { escapeXml, wellFormedMarkup, xmlChars, xmlError } from '../src/lib/output/xml.ts';
import { s } from 'hastscript';

const HOSTILE = ['a ]]> b', 'c\u0001d', 'e\u001Bf', 'g\vh', 'i\fj', 'k\uD800l', 'm\uDFFFn', 'o\uFFFEp'];
const hostile = HOSTILE.join(' · ');

test('xmlChars drops what XML 1.0 forbids and keeps everything else, astral characters included', () => {
  assert.equal(xmlChars(hostile), 'a ]]> b · cd · ef · gh · ij · kl · mn · op');
  const fine = 'Tab\there, LF\nand CR\r; Persian عراقچی, emoji 😀, U+E000 \uE000, U+FFFD \uFFFD';
  assert.equal(xmlChars(fine), fine);
  assert.equal(escapeXml('x < y & "z" > ]]>\u0001'), 'x &#60; y &#38; &#34;z&#34; &#62; ]]&#62;');
  assert.equal(wellFormedMarkup('<p title="]]>">a ]]> b\f</p>'), '<p title="]]&gt;">a ]]&gt; b</p>');
  assert.equal(xmlError(wellFormedMarkup(`<p>${hostile}</p>`)), undefined);
  assert.deepEqual(xmlError('<p>a ]]> b</p>'), { line: 1, column: 8, message: 'the string "]]>" is disallowed in char data.' });
});

const stamp = new Date('2030-05-01T00:00:00Z');
const page = (text: string) => `<!doctype html><html><body><article><h1>Brief ${text}</h1><section><h2 id="part">Part ${text}</h2>
<h3 id="sub">Sub ${text}</h3><dl><dt>Term</dt><dd>Definition ${text}</dd></dl><p title="t ${text}">Text ${text}</p>
<svg class="map-phone" viewBox="0 0 10 10"><title>Map ${text}</title><text>${text}</text></svg></section></article></body></html>`;

test('EPUB: every entry is well-formed whatever the page holds, and keeps the text around what was dropped', async () => {
  const book = await makeEpub({ html: page(hostile), hostedUrl: 'https://briefing.test/', stamp, asOf: '1 May 2030' });
  const files = unzipSync(book);
  for (const [name, data] of Object.entries(files))
    if (/\.(xhtml|xml|opf)$/.test(name)) assert.equal(xmlError(strFromU8(data)), undefined, name);
  const body = strFromU8(files['EPUB/briefing.xhtml']!);
  assert.match(body, /Definition a \]\]&gt; b · cd · ef · gh · ij · kl · mn · op/);
  assert.match(strFromU8(files['EPUB/nav.xhtml']!), /Part a \]\]&#62; b · cd · ef · gh/);
  assert.match(strFromU8(files['EPUB/package.opf']!), /<dc:title>[^<]*Brief a \]\]&#62; b · cd/);
});

test('EPUB: the build\'s check refuses a malformed entry in one line naming the book, the entry and the position', async () => {
  const broken = zipSync({ mimetype: strToU8('application/epub+zip'), 'EPUB/nav.xhtml': strToU8('<html>\n<p>a\u0001</p></html>'), 'EPUB/briefing.css': strToU8('a]]>{') });
  assert.throws(() => checkEpub(broken), (e: Error) => {
    assert.equal(e.message.split('\n').length, 1);
    assert.match(e.message, /^muscat-talks-briefing\.epub: EPUB\/nav\.xhtml is not well-formed XML at line 2, column \d+: disallowed character\. Fix: /);
    return true;
  });
  const plain = await makeEpub({ html: page('plain'), hostedUrl: 'https://briefing.test/', stamp, asOf: '1 May 2030' });
  assert.doesNotThrow(() => checkEpub(plain));
});

test('Atom feed: a source title with \\v, \\f or "]]>" still makes a well-formed feed', () => {
  const link = { title: `Source ${hostile}`, path: '/sources/s/' };
  const entry: ChangeEntry = {
    date: new Date('2026-02-06T00:00:00Z'), anchor: 'update-2026-02-06', first: false, sources: [link], sourceIds: ['s'],
    changed: [], added: [{ label: `events ${hostile}`, items: [link] }] as unknown as ChangeEntry['added'], revised: [link],
    summary: `An update ${hostile}.`, counts: '',
  };
  const xml = changesFeed([entry], { root: 'https://example.org/', title: `Briefing ${hostile}` });
  assert.equal(xmlError(xml), undefined);
  assert.match(xml, /Source a ]]&gt; b · cd · ef · gh · ij/);
});

test('standalone graphics: a title, label or key with hostile text still makes a well-formed SVG file', () => {
  const svg = standaloneSvg({
    scope: 'timeline-graphic', file: 'graphics/timeline.svg', title: `Timeline ${hostile}`,
    drawing: { svg: s('svg', { viewBox: '0 0 100 50', ariaLabel: `Label ${hostile}` }, [s('text', `Event ${hostile}`)]), width: 100, height: 50 },
    keys: [{ label: `Key ${hostile}`, swatch: [s('rect', { width: 10, height: 10 })] }] as never, css: '.x { fill: red; }', credit: [`Source: ${hostile}`],
  });
  assert.equal(xmlError(svg), undefined);
  assert.match(svg, /Event a ]]&gt; b · cd · ef · gh · ij · kl · mn · op/);
  // What it cannot write (here "<" in an attribute, which hast-util-to-html leaves raw) stops it, naming the file.
  assert.throws(
    () => standaloneSvg({ scope: 'x', file: 'graphics/x.svg', title: 'T', drawing: { svg: s('svg', { ariaLabel: 'a < b' }), width: 10, height: 10 }, keys: [], css: '', credit: [] }),
    /^Error: graphics\/x\.svg is not well-formed XML at line \d+, column \d+: disallowed character\. Fix: reword the text at that place in content\//,
  );
});
