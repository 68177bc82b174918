import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkCitations, { type Citation } from '../src/plugins/remark-citations.ts';

const options = { sources: { 'muscat-2026-02-06': 13, 'later-round': 4 }, defaultSource: 'muscat-2026-02-06' };
const fixture = (name: string) => new URL(`./fixtures/remark-citations/${name}`, import.meta.url);

async function run(text: string, path = 'content/briefing/example.mdx') {
  const file = new VFile({ path, value: text });
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkCitations, options).use(remarkStringify);
  const out = String(await processor.process(file));
  const recorded = (file.data as { astro?: { frontmatter?: { bodyCitations?: Citation[] } } }).astro?.frontmatter?.bodyCitations;
  return { out, recorded };
}

test('normalises every <Cite> (in text, lists, tables and on its own line) and records it', async () => {
  const { out, recorded } = await run(readFileSync(fixture('valid/input.mdx'), 'utf8'));
  assert.equal(out, readFileSync(fixture('valid/output.mdx'), 'utf8'));
  assert.deepEqual(recorded, [
    { source: 'muscat-2026-02-06', paragraphs: [3] },
    { source: 'muscat-2026-02-06', paragraphs: [2, 4] },
    { source: 'muscat-2026-02-06', paragraphs: [9, 10] },
    { source: 'later-round', paragraphs: [1] },
    { source: 'muscat-2026-02-06', paragraphs: [13] },
  ]);
});

test('a body with no citation records an empty list', async () => {
  const { recorded } = await run('Just text.');
  assert.deepEqual(recorded, []);
});

const failures: [string, string, RegExp][] = [
  ['paragraph out of range', 'Claim<Cite p="99" />.', /example\.mdx:1: <Cite p="99"> cites paragraph 99, but source "muscat-2026-02-06" has paragraphs 1–13\. Cite an existing paragraph\./],
  ['unknown source', 'Claim<Cite s="nowhere" p="1" />.', /example\.mdx:1: <Cite s="nowhere"> names an unknown source\. Known sources: muscat-2026-02-06, later-round\./],
  ['missing p', '\n\nClaim<Cite />.', /example\.mdx:3: <Cite> has no p attribute/],
  ['unparsable list', 'Claim<Cite p="two" />.', /<Cite p="two">: "two" is not a paragraph number or range/],
  ['a range past the end', 'Claim<Cite p="12-15, 2" />.', /example\.mdx:1: <Cite p="12-15, 2"> cites paragraph 14–15, but source "muscat-2026-02-06" has paragraphs 1–13\./],
  ['a source named like an Object property', 'Claim<Cite s="constructor" p="1" />.', /<Cite s="constructor"> names an unknown source\. Known sources: muscat-2026-02-06, later-round\./],
  ['a source named __proto__', 'Claim<Cite s="__proto__" p="1" />.', /<Cite s="__proto__"> names an unknown source/],
];
for (const [name, input, message] of failures) {
  test(`fails the build on ${name}, naming file and line`, async () => {
    await assert.rejects(run(input), message);
  });
}

test('a huge range is refused from its ends, before anything is expanded', async () => {
  const started = performance.now();
  await assert.rejects(run('Claim<Cite p="1-99999999" />.'), /<Cite p="1-99999999"> cites paragraph 14–99999999, but source "muscat-2026-02-06" has paragraphs 1–13\./);
  assert.ok(performance.now() - started < 1000, 'refused at once');
});
