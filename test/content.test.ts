// The real content/ folder, checked without Astro by the same validator `npm run build` runs first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aliasClashes } from '../src/plugins/entity-linker.ts';
import { buildBriefing, linkTargetsOf } from '../src/lib/content/briefing-graph.ts';
import { sitePages } from '../src/lib/pages/site-pages.ts';
import { groupEntries } from '../src/lib/content/content-files.ts';
import { validateContent } from '../src/lib/content/validate-content.ts';
import { SITE } from '../src/site.ts';

const dir = new URL('../content/', import.meta.url).pathname;
const { problems, warnings, entries } = validateContent(dir, SITE.defaultSource);
const ids = (collection: string) => new Set(entries.filter((e) => e.collection === collection).map((e) => e.id));

test('every content file matches its schema, and every reference and citation resolves', () => {
  assert.deepEqual(problems, []);
  assert.ok(entries.length > 60, `only ${entries.length} entries read`);
});

test('all 13 paragraphs of the article are cited somewhere', () => {
  const source = entries.find((e) => e.id === SITE.defaultSource);
  assert.equal(source?.data.paragraphs.length, 13);
  assert.deepEqual(warnings, []);
});

test('no alias or name is claimed by two actors or glossary terms', () => {
  const targets = linkTargetsOf(groupEntries(entries), '/');
  assert.ok(targets.length > 25, `only ${targets.length} link targets`);
  assert.deepEqual(aliasClashes(targets), []);
});

test('every person, state and organisation the brief requires has a page', () => {
  const actors = ids('actors');
  for (const id of ['iran', 'united-states', 'oman', 'israel', 'russia', 'european-parties', 'gulf-host-states', 'syria',
    'marco-rubio', 'abbas-araqchi', 'steve-witkoff', 'jared-kushner', 'donald-trump', 'karoline-leavitt',
    'benjamin-netanyahu', 'bashar-al-assad', 'revolutionary-guards'])
    assert.ok(actors.has(id), `content/actors/${id}.mdx is missing`);
});

test('relative dates are resolved from the dateline and marked as derived', () => {
  const derived = entries
    .filter((e) => e.collection === 'events' && e.data.date?.derived)
    .map((e) => [String(e.data.date.derived.from).toLowerCase(), e.data.date.on]);
  for (const [from, on] of derived) {
    if (from.includes('last june')) assert.equal(on, '2025-06');
    if (from.includes('last month')) assert.equal(on, '2026-01');
    if (from.includes('wednesday')) assert.equal(on, '2026-02-04');
  }
  assert.ok(derived.length >= 3, 'expected the three relative dates of the article to be derived');
});

test('no two pages of one type share a title (an actor\'s two positions on one issue differ by their aspect)', () => {
  // An issue and a glossary term may share a name ("Sanctions relief"): results and pages name their type.
  const pages = sitePages(buildBriefing(groupEntries(entries), { base: '/' }), new Map());
  const seen = new Map<string, string>();
  const clashes = pages.flatMap((p) => {
    const key = `${p.search?.type ?? 'page'}: ${p.title}`;
    const other = seen.get(key);
    seen.set(key, p.path);
    return other ? [`"${p.title}": ${other} and ${p.path}`] : [];
  });
  assert.deepEqual(clashes, []);
  assert.ok(pages.some((p) => p.title === 'Iran on uranium enrichment: could consider limits'));
});
