// The content graph (src/lib/content/briefing-graph.ts) on a small fictional fixture (test/fixtures/briefing/content/), read
// the way the validator reads it; and the page specs and manifest made from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { buildBriefing, type BodyFacts } from '../src/lib/content/briefing-graph.ts';
import { groupEntries, readContent } from '../src/lib/content/content-files.ts';
import { builtFile, pageManifest } from '../src/lib/pages/page-manifest.ts';
import { sitePages, type BodyText } from '../src/lib/pages/site-pages.ts';
import { validateContent } from '../src/lib/content/validate-content.ts';
import { manifestMismatches } from '../src/integrations/page-manifest.ts';
import { buildOfflinePayload, openOfflineSearch } from '../src/lib/search/offline-search.ts';
import { missingGlyphs } from '../src/lib/images/og-image.ts';
import { searchSections } from '../src/plugins/remark-search-text.ts';

const fixture = new URL('./fixtures/briefing/content/', import.meta.url).pathname;
const SOURCE = 'fenwick-round-1';

/** The fixture read and turned into the graph, with the bodies' facts as the validator finds them. */
function graphOf(dir: string, bodies?: Map<string, BodyFacts>) {
  const read = readContent(dir);
  return { read, graph: buildBriefing(groupEntries(read.entries), { base: '/', known: read.known, paragraphCounts: read.paragraphCounts, ...(bodies ? { bodies } : {}) }) };
}

/** A throwaway copy of the fixture with one file changed. */
function withChange(path: string, change: (text: string) => string, run: (dir: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'graph-'));
  try {
    cpSync(fixture, dir, { recursive: true });
    writeFileSync(join(dir, path), change(readFileSync(join(dir, path), 'utf8')));
    run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the fixture is valid, and the validator and the graph agree there is nothing wrong', () => {
  const { read, graph } = graphOf(fixture);
  assert.deepEqual(read.problems, []);
  assert.deepEqual(graph.problems, []);
  const validated = validateContent(fixture, SOURCE);
  assert.deepEqual(validated.problems, []);
  assert.deepEqual(validated.warnings, []);
});

test('lists are sorted as pages show them: states before people, issues by order, positions by actor then issue', () => {
  const { graph } = graphOf(fixture);
  assert.deepEqual(graph.actors.map((a) => a.id), ['freedonia', 'sylvania', 'rufus-firefly', 'rostam']);
  assert.deepEqual(graph.issues.map((i) => i.id), ['talks-venue', 'widget-quota']);
  assert.deepEqual(graph.positions.map((p) => p.id), ['freedonia--widget-quota', 'sylvania--widget-quota']);
  assert.deepEqual(graph.positionsOnIssue('widget-quota').map((p) => p.data.actor.id), ['freedonia', 'sylvania']);
  assert.deepEqual(graph.positionsOnIssue('talks-venue'), []);
  assert.deepEqual(graph.membersOf('freedonia').map((a) => a.id), ['rufus-firefly']);
  assert.deepEqual(graph.eventsOfActor('sylvania').map((e) => e.id), ['fenwick-meeting']);
  assert.deepEqual(graph.eventsOnIssue('talks-venue').map((e) => e.id), ['fenwick-meeting']);
  assert.deepEqual(graph.relationsOf('sylvania').map((r) => `${r.from} ${r.label} ${r.to}`), ['freedonia negotiates with sylvania']);
  assert.equal(graph.positionTitle(graph.positions[0]!), 'Freedonia on widget quota');
  assert.equal(graph.asOf.toISOString().slice(0, 10), '2030-03-04');
});

test('records who cites each paragraph, frontmatter and bodies alike, each page once', () => {
  const bodies = new Map<string, BodyFacts>([['briefing/overview', { citations: [{ source: SOURCE, paragraphs: [2, 3] }], mentions: ['actors/freedonia'] }]]);
  const { graph } = graphOf(fixture, bodies);
  const citers = (n: number) => (graph.citers.get(`${SOURCE}#${n}`) ?? []).map((p) => p.path);
  assert.deepEqual(citers(3), ['/', '/actors/sylvania/', '/actors/rostam/', '/issues/widget-quota/', '/positions/sylvania--widget-quota/']);
  assert.ok(citers(1).includes('/timeline/#fenwick-meeting'));
  assert.equal(new Set(citers(1)).size, citers(1).length);
});

test('finds mentions by name and alias in summaries and bodies, never of a page itself', () => {
  const bodies = new Map<string, BodyFacts>([['actors/freedonia', { citations: [], mentions: ['actors/freedonia', 'actors/sylvania'] }]]);
  const { graph } = graphOf(fixture, bodies);
  const mentionedIn = (key: string) => (graph.mentionedIn.get(key) ?? []).map((p) => `${p.collection}/${p.id}`);
  // Rufus Firefly's summary names the widget quota (a term) by its name; the positions name both states.
  assert.ok(mentionedIn('glossary/widget-quota').includes('actors/rufus-firefly'));
  assert.ok(mentionedIn('actors/sylvania').includes('actors/freedonia'));
  assert.ok(!mentionedIn('actors/freedonia').includes('actors/freedonia'));
  assert.deepEqual(graph.actorsNamedIn('positions', 'sylvania--widget-quota'), ['sylvania', 'freedonia']);
});

test('an unknown reference gives one message naming the file, the field and the fix, from the validator and the graph alike', () => {
  withChange('events/fenwick-meeting.yaml', (t) => t.replace('issues: [talks-venue]', 'issues: [weather]'), (dir) => {
    const cwd = process.cwd();
    const file = relative(cwd, join(dir, 'events/fenwick-meeting.yaml'));
    const expected = `${file}: field "issues[0]" refers to issues "weather", which does not exist. Use the file name (without extension) of an entry in content/issues/, or create that entry.`;
    assert.deepEqual(graphOf(dir).graph.problems, [expected]);
    assert.deepEqual(validateContent(dir, SOURCE).problems, [expected]);
  });
});

test('a citation to a missing paragraph, an alias claimed twice and an uncited paragraph are reported', () => {
  withChange('events/fenwick-meeting.yaml', (t) => t.replace('paragraphs: [1]', 'paragraphs: [1, 9]'), (dir) => {
    assert.match(graphOf(dir).graph.problems.join('\n'), /fenwick-meeting\.yaml: field "citations\[0\]" cites paragraph 9 of "fenwick-round-1", which has paragraphs 1–3/);
  });
  withChange('actors/sylvania.mdx', (t) => t.replace('kind: state', 'kind: state\naliases: [Fredville]'), (dir) => {
    assert.match(graphOf(dir).graph.problems.join('\n'), /The alias "fredville" is claimed by .*freedonia\.mdx and .*sylvania\.mdx/);
  });
  withChange('sources/fenwick-round-1.yaml', (t) => `${t}  - { n: 4, summary: Nobody cites this fictional paragraph. }\n`, (dir) => {
    assert.deepEqual(graphOf(dir).graph.warnings.filter((w) => w.startsWith('Source')), [
      'Source paragraphs cited nowhere: fenwick-round-1 ¶4. Cite each paragraph the briefing relies on.',
    ]);
  });
});

test('an actor with two positions on one issue must say how they differ: aspect in each title, distinct headlines', () => {
  const second = 'actor: freedonia\nissue: widget-quota\nstance: warns\nheadline: Keep the widget quota\nsummary: Freedonia warns that it would walk out without the quota.\ncitations: [{ source: fenwick-round-1, paragraphs: [2] }]\n';
  withChange('positions/freedonia--widget-quota.yaml', (t) => t, (dir) => {
    writeFileSync(join(dir, 'positions/freedonia--widget-quota--2.yaml'), second);
    const problems = graphOf(dir).graph.problems.join('\n');
    assert.match(problems, /freedonia--widget-quota\.yaml: field "aspect" is missing; freedonia has other positions on widget-quota \(freedonia--widget-quota--2\)\. Fix: add aspect/);
    assert.match(problems, /freedonia--widget-quota--2\.yaml: field "headline" is the same as in .*freedonia--widget-quota\.yaml/);
  });
  withChange('positions/freedonia--widget-quota.yaml', (t) => t.replace('headline:', 'aspect: the quota itself\nheadline:'), (dir) => {
    writeFileSync(join(dir, 'positions/freedonia--widget-quota--2.yaml'), second.replace('headline: Keep the widget quota', 'aspect: a walk-out\nheadline: Would walk out without it'));
    const { graph } = graphOf(dir);
    assert.deepEqual(graph.problems, []);
    assert.deepEqual(graph.positions.map((p) => graph.positionTitle(p)).filter((t) => t.startsWith('Freedonia')),
      ['Freedonia on widget quota: the quota itself', 'Freedonia on widget quota: a walk-out']);
  });
  // A single position keeps the plain title, whether or not it has an aspect.
  const { graph } = graphOf(fixture);
  assert.ok(graph.positions.some((p) => graph.positionTitle(p) === 'Sylvania on widget quota'));
});

test('a broken file is reported once: references to it are not errors', () => {
  withChange('actors/sylvania.mdx', (t) => t.replace(/^role: .*\n/m, ''), (dir) => {
    const { problems } = validateContent(dir, SOURCE);
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0]!, /sylvania\.mdx: field "role": is missing/);
  });
});

test('remark-search-text cuts a body into sections at headings, leaving out citation markers and components', () => {
  const tree = unified().use(remarkParse).use(remarkMdx).parse('Intro with a marker<Cite p="1" />.\n\n## At the table\n\nIran **edged** back, said `x`.\n\n<PositionMatrix />\n\n### Next\n\n- one\n- two\n') as Root;
  assert.deepEqual(searchSections(tree), [
    { text: 'Intro with a marker.' },
    { heading: 'At the table', depth: 2, text: 'Iran edged back, said x.' },
    { heading: 'Next', depth: 3, text: 'one two' },
  ]);
});

test('every page has one spec, and the manifest names each built file, preview image and search document', () => {
  const { graph } = graphOf(fixture);
  const bodyText = new Map<string, BodyText>([
    ['actors/freedonia', { sections: [{ heading: 'At the table', depth: 2, text: 'Fredville sent its envoy.' }], headings: [{ depth: 2, slug: 'at-the-table', text: 'At the table' }] }],
  ]);
  const specs = sitePages(graph, bodyText);
  const paths = specs.map((s) => s.path);
  assert.equal(new Set(paths).size, paths.length, 'a path has two specs');
  for (const path of ['/', '/actors/', '/actors/freedonia/', '/issues/widget-quota/', '/positions/sylvania--widget-quota/', '/timeline/', '/glossary/widget-quota/', `/sources/${SOURCE}/`, '/search/', '/404/'])
    assert.ok(paths.includes(path), `no spec for ${path}`);

  const manifest = pageManifest(specs, '/sub/');
  const freedonia = manifest.pages.find((p) => p.file === 'actors/freedonia/index.html')!;
  assert.equal(freedonia.url, '/sub/actors/freedonia/');
  assert.equal(freedonia.ogImage, 'og/actors/freedonia.png');
  assert.equal(freedonia.type, 'actor');
  assert.equal(freedonia.search?.keywords, 'Freedonia Fredville فریدونیا');
  assert.deepEqual(freedonia.search?.sections.map((s) => s.anchor ?? null), [null, 'at-the-table', 'positions', 'events']);
  const position = manifest.pages.find((p) => p.file === 'positions/freedonia--widget-quota/index.html')!;
  assert.equal(position.title, 'Freedonia on widget quota');
  assert.doesNotMatch(JSON.stringify(position.search), /No widget quota at all/, "a position's search text carries no other stance");
  const notFound = manifest.pages.find((p) => p.file === '404.html')!;
  assert.equal(notFound.search, null);
  assert.equal(notFound.ogImage, 'og/404.png');
  assert.equal(builtFile('/'), 'index.html');
});

test('the manifest check names pages built without a spec and specs without a page', () => {
  assert.deepEqual(manifestMismatches(['index.html', 'a/index.html'], ['index.html', 'a/index.html']), []);
  assert.deepEqual(manifestMismatches(['index.html', 'gone/index.html'], ['index.html', 'new/index.html']), [
    'new/index.html was built but has no page spec: add it to sitePages() in src/lib/pages/site-pages.ts.',
    'gone/index.html has a page spec in src/lib/pages/site-pages.ts but no route built it.',
  ]);
});

test('content that would misbehave is refused, each with one message naming the file and the fix', () => {
  const one = (dir: string) => {
    const { problems } = validateContent(dir, SOURCE);
    assert.equal(problems.length, 1, problems.join('\n'));
    return problems[0]!;
  };
  // A position whose file name says something else than its fields.
  withChange('positions/sylvania--widget-quota.yaml', (t) => t.replace('issue: widget-quota', 'issue: talks-venue'), (dir) =>
    assert.match(one(dir), /sylvania--widget-quota\.yaml: the file name says "sylvania--widget-quota", but its fields say actor "sylvania" on issue "talks-venue"\. Fix: rename the file to sylvania--talks-venue\.yaml/));
  // An affiliation loop.
  withChange('actors/freedonia.mdx', (t) => t.replace('order: 1', 'order: 1\naffiliation: rufus-firefly'), (dir) =>
    assert.match(one(dir), /freedonia\.mdx: field "affiliation" makes a loop: freedonia → rufus-firefly → freedonia\. Fix:/));
  // An alias that is another entry's possessive, and one that is a common word.
  withChange('glossary/widget-quota.mdx', (t) => t.replace('aliases: [quota]', 'aliases: [quota, "Freedonia\'s"]'), (dir) =>
    assert.match(one(dir), /The alias "freedonia's" of .*widget-quota\.mdx is a plural or possessive of "freedonia", the name of .*freedonia\.mdx/));
  withChange('glossary/widget-quota.mdx', (t) => t.replace('aliases: [quota]', 'aliases: [quota, the]'), (dir) =>
    assert.match(one(dir), /widget-quota\.mdx: the name "the" is a common word, so it would link nearly every page/));
  // A source with no paragraphs: one message, not one per citation into it.
  withChange('sources/fenwick-round-1.yaml', (t) => t.replace(/paragraphs:[\s\S]*$/, 'paragraphs: []\n'), (dir) =>
    assert.match(one(dir), /fenwick-round-1\.yaml: field "paragraphs"/));
  // A byte-order mark.
  withChange('positions/freedonia--widget-quota.yaml', (t) => `\uFEFF${t}`, (dir) =>
    assert.match(one(dir), /freedonia--widget-quota\.yaml: starts with a byte-order mark \(BOM\)/));
});

test('files the collections would skip or could not name are refused, and so is an empty required folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'graph-'));
  try {
    cpSync(fixture, dir, { recursive: true });
    cpSync(join(dir, 'positions/sylvania--widget-quota.yaml'), join(dir, 'positions/sylvania--talks-venue.yml'));
    cpSync(join(dir, 'actors/sylvania.mdx'), join(dir, 'actors/Sylvania.mdx'));
    cpSync(join(dir, 'actors/sylvania.mdx'), join(dir, 'actors/New Actor.mdx'));
    const problems = validateContent(dir, SOURCE).problems.join('\n');
    assert.match(problems, /sylvania--talks-venue\.yml: not read, because positions entries are \.yaml files\. Fix: rename it to sylvania--talks-venue\.yaml/);
    assert.match(problems, /Sylvania\.mdx: the file name "Sylvania" is not an entry id.*Fix: rename it to sylvania\.mdx, but content\/actors\/sylvania\.mdx exists already/);
    assert.match(problems, /New Actor\.mdx: the file name "New Actor" is not an entry id.*Fix: rename it to new-actor\.mdx\./);
    for (const f of ['freedonia--widget-quota.yaml', 'sylvania--widget-quota.yaml', 'sylvania--talks-venue.yml']) rmSync(join(dir, 'positions', f));
    assert.match(validateContent(dir, SOURCE).problems.join('\n'), /positions\/: has no positions entries, and the site needs at least one/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Persian names and aliases are read, linked, drawn and found, like any other', async () => {
  const { graph } = graphOf(fixture);
  assert.deepEqual(validateContent(fixture, SOURCE).problems, []);
  // The Persian alias of Freedonia links in Rostam's summary; the Persian-named entry has its page and search keywords.
  assert.ok((graph.mentionedIn.get('actors/freedonia') ?? []).some((p) => p.id === 'rostam'));
  const specs = sitePages(graph, new Map());
  const rostam = specs.find((s) => s.path === '/actors/rostam/')!;
  assert.equal(rostam.title, 'رستم');
  assert.deepEqual(rostam.keywords, ['رستم', 'Rostam']);
  assert.deepEqual(missingGlyphs(`${rostam.title} فریدونیا`), []);
  // The offline search finds both by their Persian spelling.
  const manifest = pageManifest(specs, '/');
  const entries = manifest.pages.flatMap((p) => (p.search ? [{ path: p.file, doc: p.search }] : []));
  const payload = buildOfflinePayload(entries);
  const search = openOfflineSearch(payload.index, async (name) => payload.shards[name]);
  const first = async (q: string) => payload.index.pages[(await search.search(q, {})).results[0]!.page]!.path;
  assert.equal(await first('رستم'), 'actors/rostam/index.html');
  assert.equal(await first('فریدونیا'), 'actors/freedonia/index.html');
});
