import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkIntegrity, uncitedParagraphs, type EntryRecord } from '../src/lib/content/integrity.ts';

const sources = { article: 13 };
const entry = (over: Partial<EntryRecord>): EntryRecord => ({
  collection: 'positions', id: 'iran--x', filePath: 'content/positions/iran--x.yaml', citations: [], references: [], ...over,
});

test('accepts entries whose references and citations all resolve', () => {
  const problems = checkIntegrity(sources, [
    entry({ collection: 'actors', id: 'iran', filePath: 'content/actors/iran.mdx' }),
    entry({ references: [{ collection: 'actors', id: 'iran', field: 'actor' }], citations: [{ source: 'article', paragraphs: [1, 13], field: 'citations[0]' }] }),
  ]);
  assert.deepEqual(problems, []);
});

test('names the file, the field and the fix for an unknown reference', () => {
  const [problem] = checkIntegrity(sources, [entry({ references: [{ collection: 'actors', id: 'atlantis', field: 'actor' }] })]);
  assert.match(problem!, /^content\/positions\/iran--x\.yaml: field "actor" refers to actors "atlantis", which does not exist\. Use the file name/);
});

test('reports a paragraph the source does not have, and an unknown source', () => {
  const problems = checkIntegrity(sources, [
    entry({ citations: [{ source: 'article', paragraphs: [3, 99], field: 'citations[0]' }, { source: 'nope', paragraphs: [1], field: 'citations[1]' }] }),
  ]);
  assert.equal(problems.length, 2);
  assert.match(problems[0]!, /field "citations\[0\]" cites paragraph 99 of "article", which has paragraphs 1–13\. Cite an existing paragraph\./);
  assert.match(problems[1]!, /field "citations\[1\]" cites source "nope", which does not exist\. Known sources: article\./);
});

test('lists paragraphs nobody cites', () => {
  assert.deepEqual(uncitedParagraphs({ a: 3, b: 1 }, [{ source: 'a', paragraphs: [1, 3] }]), ['a ¶2', 'b ¶1']);
  assert.deepEqual(uncitedParagraphs({ a: 2 }, [{ source: 'a', paragraphs: [1] }, { source: 'a', paragraphs: [2] }]), []);
});
