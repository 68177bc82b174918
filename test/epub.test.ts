import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unzipSync } from 'fflate';
import { makeEpub } from '../src/integrations/epub.ts';

// A made-up one-document page: a heading, a link to another page, an anchor, and a drawing with page colours.
const html = `<!doctype html><html><body><article><h1>A test brief</h1><section><h2 id="part">Part</h2>
<p>See <a href="/actors/north/">North</a> and <a href="#part">this part</a>.</p>
<svg class="map-wide" viewBox="0 0 10 10" role="group"><title>Wide</title></svg>
<svg class="map-phone" viewBox="0 0 10 10" role="group"><style>.x { fill: var(--fg); }</style><title>Narrow</title></svg>
</section></article></body></html>`;
const stamp = new Date('2030-05-01T00:00:00Z');
const book = (siteGiven: boolean) => {
  const files = unzipSync(makeEpub({ html, hostedUrl: 'https://briefing.test/sub/', siteGiven, stamp, asOf: '1 May 2030' }));
  const text = (name: string) => Buffer.from(files[name]!).toString('utf8');
  return { body: text('EPUB/briefing.xhtml'), opf: text('EPUB/package.opf') };
};

test('with a hosted address, links to other pages go there and the book names it', () => {
  const { body, opf } = book(true);
  assert.match(body, /<a href="https:\/\/briefing\.test\/actors\/north\/">North<\/a>/);
  assert.match(body, /As of 1 May 2030\. The hosted edition, with any later updates: https:\/\/briefing\.test\/sub\/brief\//);
  assert.match(opf, /<dc:source>https:\/\/briefing\.test\/sub\/brief\/<\/dc:source>/);
});

test('without one, the book links no other page and names no address', () => {
  const { body, opf } = book(false);
  assert.match(body, /See North and <a href="#part">this part<\/a>/);
  assert.doesNotMatch(body, /briefing\.test/);
  assert.doesNotMatch(opf, /dc:source|briefing\.test/);
});

test('drawings stay SVG in the SVG namespace, the narrow map only, with fixed colours', () => {
  const { body, opf } = book(true);
  assert.doesNotMatch(body, /<title>Wide<\/title>/);
  assert.match(body, /<svg class="map-phone" viewBox="0 0 10 10" xmlns="http:\/\/www\.w3\.org\/2000\/svg"><style>\.x \{ fill: #1c1c1e; \}<\/style>/);
  assert.match(opf, /properties="svg"/);
});
