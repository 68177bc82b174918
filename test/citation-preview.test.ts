import { test } from 'node:test';
import assert from 'node:assert/strict';
import { citationPreviews, citationPreviewsFor, paragraphPreview, type PreviewSource } from '../src/lib/record/citation-preview.ts';

const paragraphs = [
  { n: 1, summary: 'Talks resume in Fenwick under a neutral chair.' },
  { n: 2, summary: 'Both delegations arrive a day early.' },
];
const sources: PreviewSource[] = [
  { id: 'fenwick-round-1', data: { title: 'Report: talks resume in Fenwick', outlet: 'The Fenwick Herald', date: new Date('2026-02-06T00:00:00Z'), paragraphs } },
  { id: 'no-outlet', data: { title: 'Statement of the chair', outlet: null, date: new Date('2025-06-13T00:00:00Z'), paragraphs } },
];

test('a citation preview names the paragraph, the source, its outlet and date, then the summary', () => {
  const preview = citationPreviews(sources);
  assert.equal(preview('fenwick-round-1', 2), '¶2 · Report: talks resume in Fenwick, The Fenwick Herald, 6 February 2026: Both delegations arrive a day early.');
  // No outlet known: the date follows the title.
  assert.equal(preview('no-outlet', 1), '¶1 · Statement of the chair, 13 June 2025: Talks resume in Fenwick under a neutral chair.');
  assert.equal(paragraphPreview(sources[1]!.data, 1), preview('no-outlet', 1));
});

test('a citation that leads nowhere says so, with the fix', () => {
  const preview = citationPreviews(sources);
  assert.throws(() => preview('missing', 1), /names source "missing", which does not exist\. Known sources: fenwick-round-1, no-outlet\./);
  assert.throws(() => preview('fenwick-round-1', 3), /names ¶3 of "fenwick-round-1", which has paragraphs 1–2; cite an existing paragraph\./);
  assert.throws(() => paragraphPreview(sources[0]!.data, 0), /has no paragraph 0 \(it has 1–2\)/);
});

test('the sources are loaded once per page render, however many citations it holds', async () => {
  let loads = 0;
  const load = async () => (loads++, sources);
  const [page1, page2] = [{}, {}];
  const lookups = await Promise.all([page1, page1, page1, page2].map((render) => citationPreviewsFor(render, load)));
  assert.equal(loads, 2);
  assert.equal(lookups[0], lookups[2]);
  assert.equal(lookups[3]!('fenwick-round-1', 1), lookups[0]!('fenwick-round-1', 1));
});
