import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { rewritePage } from '../src/integrations/offline.ts';
import { buildOfflinePayload, excerptHtml, loadOfflineIndex, searchOffline } from '../src/lib/offline-search.ts';
import { extractSearchDoc, type SearchDoc } from '../src/lib/search-docs.ts';

const html = readFileSync(new URL('./fixtures/offline/page.html', import.meta.url), 'utf8');
const parse = () => unified().use(rehypeParse).parse(html);

test('extracts what Pagefind indexes: body text without ignored parts, filters, meta, weighted keywords, sections', () => {
  const doc = extractSearchDoc(parse(), '/actors/marco-rubio/')!;
  assert.equal(doc.title, 'Marco Rubio');
  assert.equal(doc.type, 'actor');
  assert.equal(doc.summary, 'US Secretary of State');
  assert.deepEqual(doc.actors, ['marco-rubio']);
  assert.deepEqual(doc.issues, ['talks-scope']);
  assert.equal(doc.keywords, 'Marco Rubio Rubio');
  assert.deepEqual(doc.sections.map((s) => [s.anchor, s.heading]), [[undefined, 'Marco Rubio'], ['positions', 'Positions']]);
  assert.equal(doc.sections[0]!.text, 'Marco Rubio Role US Secretary of State Also called Rubio Said the talks must cover missiles.');
  assert.equal(doc.sections[1]!.text, 'Positions Demands a wider agenda.');
  assert.equal(extractSearchDoc(unified().use(rehypeParse).parse('<p>no body</p>'), '/x/'), null);
});

test('rewrites a page for file://: relative file links, classic scripts, an offline note, no sitemap link', () => {
  const tree = parse();
  rewritePage(tree, 'actors/marco-rubio/index.html', { base: '/', hostedUrl: 'https://example.org/', stamp: new Date('2026-02-07T10:30:00Z') });
  const out = unified().use(rehypeStringify).stringify(tree);
  for (const expected of [
    'href="../../favicon.svg"', 'href="../../index.html"', 'href="../index.html"', 'action="../../search/index.html"',
    'href="../../glossary/ballistic-missile/index.html"', 'href="../../sources/s/index.html#p4"', 'href="https://example.org/elsewhere"',
    'href="#content"', 'href="https://example.org/actors/marco-rubio/"', 'data-base="../../"',
    '<p class="offline-note">Offline snapshot, as of 7 February 2026, 10:30 UTC. The hosted edition, with any later updates: <a href="https://example.org/">https://example.org/</a>.</p>',
    '<script src="../../_offline/site.js"></script>',
  ]) assert.ok(out.includes(expected), `missing ${expected}`);
  for (const gone of ['rel="sitemap"', 'type="module"', 'href="/']) assert.ok(!out.includes(gone), `still has ${gone}`);
});

const docs: SearchDoc[] = [
  { url: '/actors/marco-rubio/', title: 'Marco Rubio', type: 'actor', summary: '', actors: ['marco-rubio'], issues: [], keywords: 'Marco Rubio Rubio',
    sections: [{ heading: 'Marco Rubio', text: 'US Secretary of State who wants missiles on the agenda.' }, { anchor: 'positions', heading: 'Positions', text: 'Demands talks on missiles.' }] },
  { url: '/positions/marco-rubio--missiles/', title: 'Marco Rubio on missiles', type: 'position', summary: '', actors: ['marco-rubio'], issues: ['ballistic-missiles'], keywords: '',
    sections: [{ heading: 'Marco Rubio on missiles', text: 'Rubio demands that missiles be covered. Rubio again.' }] },
  { url: '/actors/iran/', title: 'Iran', type: 'actor', summary: '', actors: ['iran'], issues: ['ballistic-missiles'], keywords: 'Iran Tehran',
    sections: [{ heading: 'Iran', text: 'Refuses to discuss missiles.' }] },
];

test('offline search ranks the page that owns a name first, filters, counts, and tolerates a typo', () => {
  const payload = buildOfflinePayload(docs, (url) => `${url.slice(1)}index.html`);
  const engine = loadOfflineIndex(JSON.parse(JSON.stringify(payload)));
  const paths = (r: { page: number }[]) => r.map((x) => payload.pages[x.page]!.path);
  assert.deepEqual(paths(searchOffline(engine, payload, 'Rubio', {}).results), ['actors/marco-rubio/index.html', 'positions/marco-rubio--missiles/index.html']);
  assert.deepEqual(paths(searchOffline(engine, payload, 'Tehran', {}).results), ['actors/iran/index.html']);
  const missiles = searchOffline(engine, payload, 'missiles', { type: ['actor'] });
  assert.deepEqual(paths(missiles.results).sort(), ['actors/iran/index.html', 'actors/marco-rubio/index.html']);
  assert.deepEqual(missiles.counts.type, { actor: 2, position: 1 });
  assert.deepEqual(missiles.counts.actor, { 'marco-rubio': 1, iran: 1 });
  assert.equal(searchOffline(engine, payload, null, { issue: ['ballistic-missiles'] }).results.length, 2);
  assert.deepEqual(paths(searchOffline(engine, payload, 'Rubbio', {}).results).slice(0, 1), ['actors/marco-rubio/index.html']);
});

test('excerpts are escaped, windowed around the first match, with matches marked', () => {
  assert.equal(excerptHtml('Iran <b>says</b> missiles & more', ['missiles']), 'Iran &lt;b&gt;says&lt;/b&gt; <mark>missiles</mark> &amp; more');
  const long = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ') + ' Rubio ends';
  assert.match(excerptHtml(long, ['rubio'], 12), /^… w\d+ .* <mark>Rubio<\/mark> ends$/);
});
