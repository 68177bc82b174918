// The brief's links within itself, for the PDF printed without SITE_URL (src/lib/documents/brief-links.ts): a made-up /brief/
// under a base path in, the rewritten page beside it (UPDATE_FIXTURES=1 rewrites the expected file).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import type { Root } from 'hast';
import { briefEntryId, briefTarget, linksWithinBrief } from '../src/lib/documents/brief-links.ts';

const fixture = new URL('./fixtures/brief-links/', import.meta.url);
const rewrite = (html: string, base: string) =>
  unified().use(rehypeStringify).stringify(linksWithinBrief(unified().use(rehypeParse, { fragment: true }).parse(html) as Root, base));

test('links to pages the brief holds go to their entries; other links on the site’s host become text; anchors and other hosts stay', () => {
  const out = rewrite(readFileSync(new URL('input.html', fixture), 'utf8'), '/b/');
  const expected = new URL('expected.html', fixture);
  if (process.env.UPDATE_FIXTURES) writeFileSync(expected, out);
  assert.equal(out, readFileSync(expected, 'utf8'));
  const hrefs = [...out.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
  assert.ok(hrefs.every((h) => h!.startsWith('#') || h!.startsWith('https://')), hrefs.join(' '));
  assert.doesNotMatch(out, /\(source page\)/, 'a link that only means something on the site is dropped');
});

test('each kind of page has its place in the brief', () => {
  assert.equal(briefTarget('actors/iran/', ''), 'actors-iran');
  assert.equal(briefTarget('actors/iran/', 'positions'), 'actors-iran');
  assert.equal(briefTarget('issues/talks-scope/', ''), 'issues-talks-scope');
  assert.equal(briefTarget('glossary/jcpoa/', ''), 'glossary-jcpoa');
  assert.equal(briefTarget('positions/iran--talks-scope/', ''), briefEntryId('positions', 'iran--talks-scope'));
  assert.equal(briefTarget('sources/muscat-2026-02-06/', 'p3'), 'note-muscat-2026-02-06-3');
  assert.equal(briefTarget('sources/muscat-2026-02-06/', ''), 'source-muscat-2026-02-06');
  assert.equal(briefTarget('briefing/regional-stakes/', 'europe'), 'regional-stakes-europe');
  assert.equal(briefTarget('', ''), 'overview');
  assert.equal(briefTarget('timeline/', 'rubio-statement'), 'event-rubio-statement');
  assert.equal(briefTarget('sources/', ''), 'endnotes');
  for (const none of ['data/', 'search/', 'changes/', 'graphics/timeline.svg', 'muscat-talks-briefing.pdf']) assert.equal(briefTarget(none, ''), undefined, none);
});

test('with the base "/", every path-absolute link is the site\'s', () => {
  assert.equal(rewrite('<p id="x"><a href="/actors/iran/">Iran</a> <a href="/changes.xml">feed</a></p><dt id="actors-iran"></dt>', '/'),
    '<p id="x"><a href="#actors-iran">Iran</a> feed</p><dt id="actors-iran"></dt>');
});
