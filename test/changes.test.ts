// What changed, the feed and the search sentences, on the real content/ with the fictional second round
// (test/fixtures/update-round/) laid over a copy of it; and on content/ alone, the first edition.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAtomFeed } from 'feedsmith';
import { buildBriefing } from '../src/lib/content/briefing-graph.ts';
import { changedOn, changeLog, replacedBy } from '../src/lib/record/changes.ts';
import { changesFeed } from '../src/lib/record/changes-feed.ts';
import { groupEntries, readContent } from '../src/lib/content/content-files.ts';
import { sitePages } from '../src/lib/pages/site-pages.ts';
import { validateContent } from '../src/lib/content/validate-content.ts';
import { SITE } from '../src/site.ts';

const content = new URL('../content/', import.meta.url).pathname;
const fixture = new URL('./fixtures/update-round/', import.meta.url).pathname;
const graphOf = (dir: string) => {
  const read = readContent(dir);
  return buildBriefing(groupEntries(read.entries), { base: '/', known: read.known, paragraphCounts: read.paragraphCounts });
};
const withRound = () => {
  const dir = mkdtempSync(join(tmpdir(), 'update-round-'));
  cpSync(content, dir, { recursive: true });
  for (const folder of ['sources', 'positions', 'events']) cpSync(join(fixture, folder), join(dir, folder), { recursive: true });
  return dir;
};
const dir = withRound();
test.after(() => rmSync(dir, { recursive: true, force: true }));

test('the fixture round passes the validator the build runs', () => {
  assert.deepEqual(validateContent(dir, SITE.defaultSource).problems, []);
});

test('with one source the log is the first edition, summarised by counts', () => {
  const log = changeLog(graphOf(content));
  assert.equal(log.length, 1);
  assert.equal(log[0]!.first, true);
  assert.match(log[0]!.summary, /^First edition: (.+, )?18 actors, 10 issues, 27 positions(,| and) 13 events.*, from one source\.$/);
  assert.deepEqual(log[0]!.changed, []);
});

test('the second round comes first: its source, the changed stance old → new, the event it added', () => {
  const g = graphOf(dir);
  const [latest, first] = changeLog(g);
  assert.equal(latest!.anchor, 'update-2026-02-20');
  assert.equal(first!.first, true);
  assert.deepEqual(latest!.sources, [{ title: 'Fictional test report: an invented second round', path: '/sources/fictional-round-two/' }]);
  assert.deepEqual(latest!.changed.map((c) => [c.actor, c.issue, c.from, c.to, c.path]),
    [['Iran', 'Uranium enrichment', 'conditional', 'demands', '/positions/iran--uranium-enrichment--fictional/']]);
  assert.deepEqual(latest!.added.map((a) => [a.label, a.items.map((i) => i.path)]), [['event', ['/timeline/#fictional-second-round']]]);
  assert.equal(latest!.summary, '1 stance changed; 1 event added.');
  assert.equal(changedOn(g, 'iran--uranium-enrichment--fictional')?.toISOString().slice(0, 10), '2026-02-20');
  assert.equal(changedOn(g, 'iran--uranium-enrichment'), undefined);
  assert.deepEqual(replacedBy(g, 'iran--uranium-enrichment--2')?.id, 'iran--uranium-enrichment--fictional');
});

test('search documents say in sentences what replaced a stance, and what it replaced', () => {
  const pages = sitePages(graphOf(dir), new Map());
  const text = (path: string) => pages.find((p) => p.path === path)!.sections.map((s) => s.text).join(' ');
  assert.match(text('/positions/iran--uranium-enrichment--2/'),
    /This stance was replaced on 20 February 2026 by a newer one\. Iran's stance is now Demands: Sanctions eased before any written limits\./);
  assert.match(text('/positions/iran--uranium-enrichment--fictional/'),
    /This stance replaced an earlier one on 20 February 2026\. Iran's stance had been Conditional: Could consider limits/);
  assert.match(text('/issues/uranium-enrichment/'), /Sanctions eased before any written limits\. Changed on 20 February 2026\./);
  assert.match(text('/changes/'), /Iran on uranium enrichment: the stance changed from Conditional to Demands\./);
  const asOf = (path: string) => pages.find((p) => p.path === path)!.asOf!.toISOString().slice(0, 10);
  assert.equal(asOf('/'), '2026-02-20');
  assert.equal(asOf('/issues/uranium-enrichment/'), '2026-02-20');
  assert.equal(asOf('/positions/iran--uranium-enrichment--2/'), '2026-02-20');
  assert.equal(asOf('/issues/ballistic-missiles/'), '2026-02-06');
  assert.equal(asOf('/sources/muscat-2026-02-06/'), '2026-02-06');
  assert.equal(asOf('/sources/fictional-round-two/'), '2026-02-20');
});

test('the Atom feed: one entry per update, stable ids, source dates, absolute links under the base path', () => {
  const log = changeLog(graphOf(dir));
  const root = 'https://example.org/briefings/muscat/';
  const xml = changesFeed(log, { root, title: SITE.title });
  assert.equal(changesFeed(log, { root, title: SITE.title }), xml, 'the same content writes the same feed');
  const feed = parseAtomFeed(xml);
  assert.equal(feed.id, `${root}changes/`);
  assert.equal(feed.updated, '2026-02-20T00:00:00.000Z');
  assert.deepEqual(feed.entries?.map((e) => [e.id, e.updated]), [
    [`${root}changes/#update-2026-02-20`, '2026-02-20T00:00:00.000Z'],
    [`${root}changes/#update-2026-02-06`, '2026-02-06T00:00:00.000Z'],
  ]);
  const value = (x: unknown) => (typeof x === 'object' && x && 'value' in x ? String(x.value) : String(x ?? ''));
  assert.equal(value(feed.entries?.[0]?.title), 'Update of 20 February 2026: 1 stance changed; 1 event added');
  const content = value(feed.entries?.[0]?.content);
  const hrefs = [...content.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
  assert.ok(hrefs.length >= 3 && hrefs.every((h) => h.startsWith(root)), hrefs.join(' '));
  assert.ok(hrefs.includes(`${root}positions/iran--uranium-enrichment--fictional/`));
  assert.match(content, /Conditional → Demands/);
});

test('the Atom feed without a web address: links from the base path, ids name-based UUIDs, stable, no host named', () => {
  const log = changeLog(graphOf(dir));
  const xml = changesFeed(log, { root: '/briefings/muscat/', title: SITE.title });
  assert.equal(changesFeed(log, { root: '/briefings/muscat/', title: SITE.title }), xml, 'the same content writes the same feed');
  const feed = parseAtomFeed(xml);
  const uuid = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  assert.match(feed.id!, uuid);
  const ids = feed.entries!.map((e) => e.id!);
  assert.ok(ids.every((id) => uuid.test(id)) && new Set([feed.id, ...ids]).size === ids.length + 1, ids.join(' '));
  assert.deepEqual(feed.links?.map((l) => [l.rel, l.href]), [['alternate', '/briefings/muscat/changes/'], ['self', '/briefings/muscat/changes.xml']]);
  assert.deepEqual(feed.entries!.map((e) => e.links?.[0]?.href), ['/briefings/muscat/changes/#update-2026-02-20', '/briefings/muscat/changes/#update-2026-02-06']);
  assert.doesNotMatch(xml, /https?:\/\/(?!creativecommons\.org|www\.w3\.org)/, 'no address but the licence\'s and the namespace');
});
