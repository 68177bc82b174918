import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Link, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { aliasClashes, createMatcher, isAcronym, linkEntities, type LinkTarget } from '../src/plugins/entity-linker.ts';
import { linkedHtml } from '../src/lib/content/linked-text.ts';
import remarkEntityLinks, { entryKeyOf } from '../src/plugins/remark-entity-links.ts';

const target = (key: string, kind: 'term' | 'actor', names: string[]): LinkTarget => ({
  key, kind, names, url: `/${key}/`, preview: `${names[0]}: preview`, file: `content/${key}.mdx`,
});
const targets = [
  target('glossary/enrichment', 'term', ['Enrichment', 'uranium enrichment']),
  target('glossary/highly-enriched-uranium', 'term', ['Highly enriched uranium', 'HEU']),
  target('glossary/sanctions-relief', 'term', ['Sanctions relief']),
  target('actors/iran', 'actor', ['Iran', 'Tehran']),
  target('actors/united-states', 'actor', ['United States', 'Washington', 'US', 'U.S.']),
  target('actors/marco-rubio', 'actor', ['Marco Rubio', 'Rubio']),
  target('actors/abbas-araqchi', 'actor', ['Abbas Araqchi', 'Araqchi']),
];
const fixture = new URL('./fixtures/entity-links/', import.meta.url);

async function run(path: string) {
  const file = new VFile({ path: new URL(path, fixture).pathname, value: readFileSync(new URL(path, fixture), 'utf8') });
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkEntityLinks, { targets });
  const tree = processor.runSync(processor.parse(file), file) as Root;
  const out = unified().use(remarkMdx).use(remarkGfm).use(remarkStringify).stringify(tree);
  return { tree, out, mentions: (file.data as { astro: { frontmatter: { mentions: string[] } } }).astro.frontmatter.mentions };
}

test('links first mentions per section, longest first, never in headings, links, code or on the own page', async () => {
  const { out } = await run('glossary/enrichment.mdx');
  const expected = new URL('glossary/enrichment.expected.mdx', fixture);
  if (process.env.UPDATE_FIXTURES) writeFileSync(expected, out);
  assert.equal(out, readFileSync(expected, 'utf8'));
});

test('links carry the preview and classes the preview script and styles need', async () => {
  const { tree, mentions } = await run('glossary/enrichment.mdx');
  const links: Link[] = [];
  visit(tree, 'link', (node: Link) => { if (node.url !== '/elsewhere/') links.push(node); });
  assert.ok(links.length > 5);
  for (const link of links) {
    const props = link.data?.hProperties as { className: string[]; dataPreview: string };
    assert.match(props.className.join(' '), /^xref xref-(term|actor)$/);
    assert.match(props.dataPreview, /: preview$/);
  }
  // In order of first mention; the heading's "Rubio on Iran" does not count.
  assert.deepEqual(mentions, ['glossary/highly-enriched-uranium', 'actors/iran', 'actors/united-states', 'glossary/sanctions-relief', 'actors/abbas-araqchi', 'actors/marco-rubio']);
});

test('every mention can be linked, or only the first on the page', () => {
  const tree = (): Root => ({ type: 'root', children: [
    { type: 'paragraph', children: [{ type: 'text', value: 'Iran and Iran.' }] },
    { type: 'heading', depth: 2, children: [{ type: 'text', value: 'Next' }] },
    { type: 'paragraph', children: [{ type: 'text', value: 'Iran.' }] },
  ] });
  const count = (t: Root) => { let n = 0; visit(t, 'link', () => { n++; }); return n; };
  const matcher = createMatcher(targets);
  for (const [firstOnly, n] of [[false, 3], ['page', 1], ['section', 2]] as const) {
    const t = tree();
    linkEntities(t, matcher, { firstOnly });
    assert.equal(count(t), n, String(firstOnly));
  }
});

test('acronyms only in capitals; plain names in any case; possessives and plurals', () => {
  const m = createMatcher(targets);
  assert.equal(m.resolve('US')?.key, 'actors/united-states');
  assert.equal(m.resolve('us'), undefined);
  assert.equal(m.resolve('U.S.')?.key, 'actors/united-states');
  assert.equal(m.resolve('iran')?.key, 'actors/iran');
  assert.equal(m.resolve("Iran's")?.key, 'actors/iran');
  assert.equal(m.resolve('Tehran’s')?.key, 'actors/iran');
  assert.equal(m.resolve('HEUs')?.key, 'glossary/highly-enriched-uranium');
  assert.equal(isAcronym('JCPOA'), true);
  assert.equal(isAcronym('Iran'), false);
});

test('an alias claimed by two entries is reported with both files', () => {
  const problems = aliasClashes([...targets, target('glossary/tehran-city', 'term', ['Tehran'])]);
  assert.deepEqual(problems, [
    'The name "tehran" is claimed by content/actors/iran.mdx and content/glossary/tehran-city.mdx. Remove it from the aliases of one of them, so each mention links to one entry.',
  ]);
  assert.deepEqual(aliasClashes(targets), []);
});

test('frontmatter text is linked and escaped, sharing "already linked" across calls', () => {
  const matcher = createMatcher(targets);
  const linked = new Set<string>();
  const first = linkedHtml('Rubio says <b>Iran</b> & Tehran…', matcher, { linked });
  assert.equal(first.html, 'Rubio says &#x3C;b><a href="/actors/iran/" class="xref xref-actor" data-preview="Iran: preview">Iran</a>&#x3C;/b> &#x26; Tehran…'.replace('Rubio', '<a href="/actors/marco-rubio/" class="xref xref-actor" data-preview="Marco Rubio: preview">Rubio</a>'));
  const second = linkedHtml('Iran and Araqchi.', matcher, { linked, selfKey: 'actors/abbas-araqchi' });
  assert.equal(second.html, 'Iran and Araqchi.');
  assert.deepEqual(second.mentions, ['actors/iran']);
});

test('entryKeyOf names the entry a content file is', () => {
  assert.equal(entryKeyOf('/x/content/glossary/enrichment.mdx'), 'glossary/enrichment');
  assert.equal(entryKeyOf('content/actors/iran.mdx'), 'actors/iran');
  assert.equal(entryKeyOf('content/positions/a.yaml'), undefined);
  assert.equal(entryKeyOf(undefined), undefined);
});

test('the names pattern is a trie that matches exactly what a flat list of the names, longest first, matches', () => {
  const chain = [
    ...targets,
    target('actors/iranian-parliament', 'actor', ['Iranian parliament']),
    target('glossary/iran-nuclear-deal', 'term', ['Iran nuclear deal', "Iran's nuclear programme"]),
    target('actors/iraq', 'actor', ['Iraq']),
    target('glossary/uranium', 'term', ['Uranium']),
  ];
  const { regex } = createMatcher(chain);
  // Names sharing a prefix share a branch: "iran", "iranian parliament", "iran nuclear deal", "iran's nuclear programme".
  assert.match(regex.source, /\(\?:ira\(\?:n\(\?:/);
  // The definition it replaced, written out: every name (folded) in one alternation, longest first.
  const fold = (s: string) => s.toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, ' ');
  const names = [...new Set(chain.flatMap((t) => t.names).map(fold))].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const alternatives = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+').replace(/'/g, "['’]"));
  const flat = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${alternatives.join('|')})(?:['’]s|es|s)?(?![\\p{L}\\p{N}]|-\\p{L})`, 'giu');
  const text = [
    'Iranian parliament members met; Iranians, Iran, Iran’s and Iran\'s nuclear programme, IRAN NUCLEAR DEALS, the',
    'Iran nuclear dealer, Iran  nuclear   deal, Iran-aligned, anti-Iran, Iraq-Iran, Iraqis, uranium enrichment and',
    'highly enriched uranium (HEU, HEUs, heu), U.S. and US and us, Washington’s, sanctions relief, Sanctions reliefs,',
    'Marco Rubio, Rubio’s, Rubios, Abbas Araqchi-led, Tehran2, Tehran.',
  ].join(' ');
  const all = (re: RegExp) => [...text.matchAll(re)].map((m) => `${m.index}:${m[0]}`);
  assert.deepEqual(all(regex), all(flat));
  assert.equal(all(regex).length, 22); // "Iranian parliament" … "Tehran.": what both find, so neither finds nothing
});
