// The query plan (src/lib/search/search-vocabulary.ts) on the fictional fixture's vocabulary, and the two ways search
// documents reach Pagefind: the HTML it indexes and the excerpt the search page draws from its answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildBriefing } from '../src/lib/content/briefing-graph.ts';
import { groupEntries, readContent } from '../src/lib/content/content-files.ts';
import { buildVocabulary, planQuery, words } from '../src/lib/search/search-vocabulary.ts';
import { pagefindHtml } from '../src/lib/search/search-docs.ts';
import { answerSnippet, queryStems } from '../src/lib/search/search-rank.ts';

const read = readContent(new URL('./fixtures/briefing/content/', import.meta.url).pathname);
const vocabulary = buildVocabulary(buildBriefing(groupEntries(read.entries), { base: '/', known: read.known, paragraphCounts: read.paragraphCounts }));
const best = (q: string) => planQuery(q, vocabulary).best.map((b) => b.path);

test('the vocabulary lists every actor, issue and term with its names, and every position', () => {
  const freedonia = vocabulary.entries.find((e) => e.path === '/actors/freedonia/');
  assert.deepEqual(freedonia?.names, ['Freedonia', 'Fredville', 'فریدونیا']);
  assert.deepEqual(vocabulary.entries.find((e) => e.path === '/issues/widget-quota/')?.names, ['Widget quota', 'Quota']);
  assert.deepEqual(vocabulary.positions.map((p) => `${p.actor} ${p.stance} ${p.issue}`), ['freedonia demands widget-quota', 'sylvania rejects widget-quota']);
});

test('a name, alias or short name finds its page first; a surname alone too', () => {
  assert.equal(best('Freedonia')[0], '/actors/freedonia/');
  assert.equal(best('Fredville')[0], '/actors/freedonia/');
  assert.equal(best('firefly')[0], '/actors/rufus-firefly/');
  assert.equal(best('Rufus Firefly')[0], '/actors/rufus-firefly/');
  assert.equal(best('رستم')[0], '/actors/rostam/');
  assert.equal(best('Venue')[0], '/issues/talks-venue/');
});

test('an issue and a term of one name both come first, the issue before the term', () => {
  assert.deepEqual(best('widget quota'), ['/issues/widget-quota/', '/glossary/widget-quota/']);
});

test('a misspelt name is read as the name, and the plan says so; a word that is no near name stays as typed', () => {
  const plan = planQuery('Fredonia', vocabulary);
  assert.equal(plan.best[0]?.path, '/actors/freedonia/');
  assert.deepEqual(plan.corrections, [{ from: 'Fredonia', to: 'Freedonia' }]);
  assert.equal(plan.term, 'Freedonia');
  const other = planQuery('weather', vocabulary);
  assert.deepEqual([other.best, other.corrections, other.term], [[], [], 'weather']);
  // Words under four letters are never corrected; four to seven letters, one edit away.
  assert.deepEqual(planQuery('quo', vocabulary).corrections, []);
  assert.deepEqual(planQuery('quot', vocabulary).corrections, [{ from: 'quot', to: 'quota' }]);
  assert.deepEqual(planQuery('qoute', vocabulary).corrections, []);
});

test('a question drops its function words and picks the positions it asks about', () => {
  const plan = planQuery('Who rejects the Widget quota?', vocabulary);
  assert.equal(plan.term, 'Widget quota');
  assert.equal(plan.best[0]?.path, '/positions/sylvania--widget-quota/');
  assert.equal(best('what does Freedonia want on the quota')[0], '/positions/freedonia--widget-quota/');
  // Actor and issue: that actor's stance, whatever the stance word says.
  assert.equal(best('does Freedonia reject the quota')[0], '/positions/freedonia--widget-quota/');
  // One of actor, issue or stance alone picks no position: the actor's page answers "where does X stand".
  assert.deepEqual(best('where does Sylvania stand'), ['/actors/sylvania/']);
});

test('a query in double quotes is searched as typed', () => {
  assert.deepEqual(planQuery('"Fredonia"', vocabulary), { term: 'Fredonia', corrections: [], best: [], verbatim: true });
});

test('words fold case, accents and possessives', () => {
  assert.deepEqual(words('Sylvania’s QUOTA, Ḥasan'), ['sylvania', 'quota', 'hasan']);
});

test('Pagefind indexes the search document: title, weighted keywords, filters, meta and a heading per section', () => {
  const html = pagefindHtml({
    url: '/positions/x/', title: 'Sylvania on widget quota', type: 'position', summary: 'No quota', actors: ['sylvania'], issues: ['widget-quota'],
    stance: 'rejects', keywords: 'Rejects', sections: [{ heading: 'Sylvania on widget quota', text: 'No quota. Sylvania <refuses> it.' }, { anchor: 'more', heading: 'More', text: 'Later.' }],
  });
  assert.match(html, /<h1>Sylvania on widget quota<\/h1><p data-pagefind-weight="10">Rejects<\/p>/);
  for (const attr of ['data-pagefind-filter="type:position"', 'data-pagefind-filter="actor:sylvania"', 'data-pagefind-filter="issue:widget-quota"', 'data-pagefind-meta="stance:rejects"', 'data-pagefind-meta="summary:No quota"'])
    assert.ok(html.includes(attr), attr);
  assert.match(html, /<p>No quota\. Sylvania &#x3C;refuses> it\.<\/p><h2 id="more">More<\/h2><p>Later\.<\/p>/);
});

test('an excerpt is a sentence of the page\'s own text, never its keywords', () => {
  const doc = { sections: [{ text: 'Envoy of Freedonia. He met Firefly again later in the fictional story. The end.' }] };
  assert.equal(answerSnippet(doc, queryStems('Firefly'))?.html, 'He met <mark>Firefly</mark> again later in the fictional story.');
  // A name only in the keywords gives no excerpt: the result shows the page's summary instead.
  assert.equal(answerSnippet(doc, queryStems('Rufus')), null);
});
