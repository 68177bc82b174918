// Schema.org JSON-LD (src/lib/record/json-ld.ts) on the small fictional fixture (test/fixtures/briefing/content/): the type
// each page gets, that its node agrees with the page (title, as-of date, canonical URL), the sources it rests on as
// far as they are known, and that the text cannot close its <script> element.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBriefing } from '../src/lib/content/briefing-graph.ts';
import { groupEntries, readContent } from '../src/lib/content/content-files.ts';
import { citedSources, pageJsonLd, SEARCH_PARAM, SEARCH_TERM, serialiseJsonLd, type JsonLdNode } from '../src/lib/record/json-ld.ts';
import { readState } from '../src/lib/search/search-state.ts';
import { sitePages } from '../src/lib/pages/site-pages.ts';

const fixture = new URL('./fixtures/briefing/content/', import.meta.url).pathname;
const ROOT = 'https://example.org/briefings/muscat/';
const REVISED = new Date('2026-11-30T12:00:00Z');

function load(dir = fixture) {
  const read = readContent(dir);
  const graph = buildBriefing(groupEntries(read.entries), { base: '/', known: read.known, paragraphCounts: read.paragraphCounts });
  return { graph, specs: sitePages(graph, new Map()) };
}
const { graph, specs } = load();
const spec = (path: string) => specs.find((s) => s.path === path)!;
const urlOf = (path: string) => new URL(path.slice(1), ROOT).href;
/** The page's JSON-LD and its main node (the one whose @id is the page's URL). */
function ld(path: string, g = graph, list = specs) {
  const page = list.find((s) => s.path === path)!;
  const doc = pageJsonLd(g, page, { root: ROOT, url: urlOf(path), revised: REVISED });
  assert.ok(doc, `no JSON-LD for ${path}`);
  const main = doc['@graph'].find((n) => n['@id'] === urlOf(path))!;
  return { doc, main, page };
}

test('every page but the 404 gets a node of the type its kind calls for', () => {
  const expected: Record<string, string> = {
    '/': 'Report', '/actors/': 'CollectionPage', '/actors/freedonia/': 'WebPage', '/issues/': 'CollectionPage', '/issues/widget-quota/': 'Report',
    '/positions/sylvania--widget-quota/': 'Report', '/timeline/': 'CollectionPage', '/glossary/': 'DefinedTermSet', '/glossary/widget-quota/': 'WebPage',
    '/sources/': 'CollectionPage', '/sources/fenwick-round-1/': 'WebPage', '/brief/': 'Report', '/search/': 'SearchResultsPage',
    '/changes/': 'CollectionPage', '/data/': 'DataCatalog',
  };
  for (const [path, type] of Object.entries(expected)) assert.equal(ld(path).main['@type'], type, path);
  assert.equal(pageJsonLd(graph, spec('/404/'), { root: ROOT, url: urlOf('/404/'), revised: REVISED }), undefined);
  // Every page spec is covered: a new kind of page must be given a type.
  for (const s of specs) if (s.path !== '/404/') assert.ok(pageJsonLd(graph, s, { root: ROOT, url: urlOf(s.path), revised: REVISED }), s.path);
});

test('the main node agrees with the page: @id and url the canonical URL, name (and headline) the title, dateModified the content\'s revision day, not the as-of day', () => {
  for (const s of specs.filter((x) => x.path !== '/404/')) {
    const { doc, main } = ld(s.path);
    assert.equal(doc['@context'], 'https://schema.org');
    assert.equal(main.url, urlOf(s.path), s.path);
    assert.equal(main.name, s.title, s.path);
    if (main['@type'] === 'Report') assert.equal(main.headline, s.title, s.path);
    assert.equal(main.dateModified, '2026-11-30', s.path);
    assert.deepEqual(main.publisher, { '@id': `${ROOT}#organization` });
  }
});

test('the site is the Organization that publishes and writes every page; the home page carries the WebSite and its SearchAction', () => {
  const { doc } = ld('/');
  const org = doc['@graph'].find((n) => n['@type'] === 'Organization')!;
  assert.deepEqual(org, { '@type': 'Organization', '@id': `${ROOT}#organization`, name: 'Muscat talks briefing', url: ROOT });
  const site = doc['@graph'].find((n) => n['@type'] === 'WebSite')!;
  assert.deepEqual(site.potentialAction, {
    '@type': 'SearchAction',
    target: { '@type': 'EntryPoint', urlTemplate: `${ROOT}search/?q={search_term_string}` },
    'query-input': 'required name=search_term_string',
  });
  // The template fills the parameter the search page reads.
  const filled = new URL(`${ROOT}search/?${SEARCH_PARAM}=${SEARCH_TERM}`.replace(SEARCH_TERM, 'widget%20quota'));
  assert.equal(readState(filled.searchParams, { type: new Set(), actor: new Set(), issue: new Set() }).q, 'widget quota');
  // Other pages name the site without the action.
  assert.equal(ld('/actors/').doc['@graph'].find((n) => n['@type'] === 'WebSite')!.potentialAction, undefined);
});

test('isBasedOn: the sources a page cites, by title and date, with no outlet or URL the source does not give', () => {
  const source = { '@type': 'NewsArticle', name: 'Fictional report on the Fenwick round', datePublished: '2030-03-04' };
  assert.deepEqual(ld('/positions/sylvania--widget-quota/').main.isBasedOn, [source]);
  assert.deepEqual(ld('/sources/').main.isBasedOn, [source], 'an index rests on every source');
  assert.deepEqual(ld('/sources/fenwick-round-1/').main.about, source);
  assert.deepEqual(citedSources(graph, '/glossary/widget-quota/'), [], 'a term that cites nothing');
  assert.equal(ld('/glossary/widget-quota/').main.isBasedOn, undefined);
  // An outlet, when the source names one, is its publisher; never a URL.
  const dir = mkdtempSync(join(tmpdir(), 'json-ld-'));
  try {
    cpSync(fixture, dir, { recursive: true });
    const file = join(dir, 'sources/fenwick-round-1.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('outlet: null', 'outlet: Fenwick Gazette').replace('headline: null', 'headline: Talks at Fenwick'));
    const other = load(dir);
    assert.deepEqual(ld('/positions/sylvania--widget-quota/', other.graph, other.specs).main.isBasedOn, [
      { ...source, headline: 'Talks at Fenwick', publisher: { '@type': 'Organization', name: 'Fenwick Gazette' } },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('actors: a Country for a state, a Person for a person, as the page\'s mainEntity and what it is about', () => {
  const state = ld('/actors/freedonia/').main;
  assert.equal((state.mainEntity as JsonLdNode)['@type'], 'Country');
  assert.equal((state.mainEntity as JsonLdNode).name, 'Freedonia');
  assert.deepEqual(state.about, { '@id': (state.mainEntity as JsonLdNode)['@id'] });
  assert.equal((ld('/actors/rufus-firefly/').main.mainEntity as JsonLdNode)['@type'], 'Person');
});

test('glossary: a term is a DefinedTerm in the glossary index, which is the DefinedTermSet listing it', () => {
  const term = ld('/glossary/widget-quota/').main.mainEntity as JsonLdNode;
  assert.equal(term['@type'], 'DefinedTerm');
  assert.equal(term.url, urlOf('/glossary/widget-quota/'));
  assert.deepEqual(term.inDefinedTermSet, { '@type': 'DefinedTermSet', '@id': urlOf('/glossary/'), name: 'Glossary', url: urlOf('/glossary/') });
  const set = ld('/glossary/').main;
  assert.deepEqual((set.hasDefinedTerm as JsonLdNode[]).map((t) => t['@id']), [term['@id']]);
});

test('timeline: an ItemList of Events, each at its anchor, with a start date only where the source gives one', () => {
  const list = ld('/timeline/').main.mainEntity as JsonLdNode;
  const items = (list.itemListElement as JsonLdNode[]).map((i) => i.item as JsonLdNode);
  assert.equal(items.length, graph.events.length);
  for (const [i, e] of graph.events.entries()) {
    assert.equal(items[i]!['@id'], urlOf(`/timeline/#${e.id}`));
    assert.equal(items[i]!.startDate, e.data.date?.on);
  }
});

test('every URL in the documents is absolute, under the site root', () => {
  for (const s of specs.filter((x) => x.path !== '/404/')) {
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          if ((k === 'url' || k === '@id' || k === 'urlTemplate') && typeof x === 'string') assert.ok(x.startsWith(ROOT), `${s.path}: ${k} ${x}`);
          walk(x);
        }
    };
    walk(ld(s.path).doc);
  }
});

test('built without a web address (no SITE_URL), the documents name none: no url, blank-node ids that still join the nodes, no SearchAction', () => {
  for (const s of specs.filter((x) => x.path !== '/404/')) {
    const doc = pageJsonLd(graph, s, { root: null, url: null, revised: REVISED })!;
    const text = JSON.stringify(doc);
    assert.doesNotMatch(text, /"(url|urlTemplate)":|potentialAction|invalid|example/, s.path);
    const ids = [...text.matchAll(/"@id":"([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(ids.length > 0 && ids.every((id) => /^_:[A-Za-z0-9-]+$/.test(id)), `${s.path}: ${ids.join(' ')}`);
    // The same document as with an address, but for the addresses: names, types and dates are kept.
    const addressed = ld(s.path).doc['@graph'][0]!;
    assert.equal(doc['@graph'][0]!.name, addressed.name, s.path);
    assert.equal(doc['@graph'][0]!['@type'], addressed['@type'], s.path);
  }
  const actor = pageJsonLd(graph, spec('/actors/freedonia/'), { root: null, url: null, revised: REVISED })!['@graph'][0]!;
  assert.equal(actor['@id'], '_:actors-freedonia');
  assert.deepEqual(actor.isPartOf, { '@id': '_:website' });
  assert.deepEqual(actor.about, { '@id': (actor.mainEntity as JsonLdNode)['@id'] });
});

test('serialised, the document is JSON that no text in it can end early', () => {
  const page = { ...spec('/'), title: 'A </script><script>alert(1)</script> & more' };
  const text = serialiseJsonLd(pageJsonLd(graph, page, { root: ROOT, url: ROOT, revised: REVISED })!);
  assert.doesNotMatch(text, /<|>/);
  assert.equal((JSON.parse(text) as { '@graph': JsonLdNode[] })['@graph'][0]!.name, page.title);
});
