// The Atom feed of the real build (dist/changes.xml), parsed with feedsmith: valid, one entry (the first edition),
// dated by the commit that added its source (the site's date, not the story's), ids and links absolute under the hosted
// root; built without SITE_URL (as npm test builds), links from the base path and ids name-based UUIDs; every page
// advertises it; the offline edition carries no feed file and no link to one it does not have.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAtomFeed } from 'feedsmith';
import { select } from 'hast-util-select';
import { contentDates } from '../../src/lib/record/build-date.ts';
import { hostedRoot } from '../../src/lib/pages/links.ts';
import { readSettings } from '../../src/lib/pages/settings.ts';
import { fromHtml } from './hast.ts';
import { htmlFiles } from './pages.ts';

// The audits run over the build `npm run build` made, with the same settings.
const { site, base, siteGiven } = readSettings(process.env);
// The links' root: the hosted one, or without SITE_URL the base path.
const root = siteGiven ? hostedRoot(site, base) : base;
const uuid = /^urn:uuid:[0-9a-f-]{36}$/;
const xml = readFileSync('dist/changes.xml', 'utf8');
// When the first edition reached the site: the commit that added its source.
const published = contentDates('content').added('content/sources/muscat-2026-02-06.yaml').toISOString();

test('dist/changes.xml is an Atom feed with one entry, the first edition, dated when it reached the site', () => {
  const feed = parseAtomFeed(xml);
  assert.match(xml, /^<\?xml version="1\.0" encoding="utf-8"\?>\s*<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
  if (siteGiven) assert.equal(feed.id, `${root}changes/`);
  else assert.match(feed.id!, uuid);
  assert.equal(feed.updated, published);
  assert.notEqual(published, '2026-02-06T00:00:00.000Z', 'the story\'s dateline is not the site\'s date');
  assert.ok(feed.title && feed.authors?.length, 'a title and an author (Atom requires them)');
  assert.deepEqual(feed.links?.map((l) => [l.rel, l.href]), [['alternate', `${root}changes/`], ['self', `${root}changes.xml`]]);
  assert.equal(feed.entries?.length, 1);
  const entry = feed.entries![0]!;
  if (siteGiven) assert.equal(entry.id, `${root}changes/#update-2026-02-06`);
  else assert.match(entry.id!, uuid);
  assert.equal(entry.updated, published);
  assert.deepEqual(entry.links?.map((l) => l.href), [`${root}changes/#update-2026-02-06`]);
  const content = String((entry.content as { value?: string } | undefined)?.value ?? entry.content);
  const links = [...content.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
  assert.ok(links.length > 0 && links.every((l) => l.startsWith(root)), links.join(' '));
  assert.doesNotMatch(xml, /<generator/, 'no generator line (and no build time: reproducible.test.ts compares two builds)');
});

test('every hosted page advertises the feed in its head', () => {
  const missing = htmlFiles('dist').filter((f) => {
    const link = select('head link[rel="alternate"][type="application/atom+xml"]', fromHtml(readFileSync(join('dist', f), 'utf8')));
    return link?.properties.href !== `${base}changes.xml`;
  });
  assert.deepEqual(missing, []);
});

test('the offline edition has no feed file, and links to a feed only where there is a hosted one', () => {
  assert.equal(existsSync('dist-offline/changes.xml'), false);
  const hosted = readSettings(process.env).siteGiven ? `${root}changes.xml` : undefined;
  const wrong = htmlFiles('dist-offline').filter((f) => {
    const link = select('head link[type="application/atom+xml"]', fromHtml(readFileSync(join('dist-offline', f), 'utf8')));
    return hosted ? link?.properties.href !== hosted : link !== undefined;
  });
  assert.deepEqual(wrong, []);
});
