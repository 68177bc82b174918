import assert from 'node:assert/strict';
import { test } from 'node:test';
import { timeline } from '../src/lib/content/updates.ts';

// A fictional briefing: round one on 1 May 2030, round two on 9 May 2030.
const sources = [
  { id: 'round-one', date: new Date('2030-05-01T00:00:00Z') },
  { id: 'round-two', date: new Date('2030-05-09T00:00:00Z') },
];
const cite = (source: string, ...paragraphs: number[]) => ({ source, paragraphs });
const records = [
  { collection: 'actors', id: 'north', citations: [cite('round-one', 1), cite('round-two', 2)] },
  { collection: 'actors', id: 'south', citations: [cite('round-one', 2)] },
  { collection: 'positions', id: 'north--water', citations: [cite('round-one', 3)] },
  { collection: 'positions', id: 'north--water--2', citations: [cite('round-two', 1)] },
  { collection: 'events', id: 'second-round', citations: [cite('round-two', 1)] },
  { collection: 'glossary', id: 'aquifer', citations: [] },
];
const positions = [
  { id: 'north--water', actor: 'north', issue: 'water', stance: 'rejects' },
  { id: 'north--water--2', actor: 'north', issue: 'water', stance: 'open-to', supersedes: 'north--water' },
];

test('an entry is as of the latest source it cites; one that cites nothing has no date of its own', () => {
  const t = timeline(records, sources, positions);
  assert.equal(t.asOfEntry('actors/north')?.toISOString().slice(0, 10), '2030-05-09');
  assert.equal(t.asOfEntry('actors/south')?.toISOString().slice(0, 10), '2030-05-01');
  assert.equal(t.asOfEntry('glossary/aquifer'), undefined);
});

test('a superseding position makes a history, oldest first, from either end', () => {
  const t = timeline(records, sources, positions);
  assert.deepEqual(t.history('north--water'), ['north--water', 'north--water--2']);
  assert.deepEqual(t.history('north--water--2'), ['north--water', 'north--water--2']);
  assert.equal(t.isCurrent('north--water'), false);
  assert.equal(t.supersededBy('north--water'), 'north--water--2');
  assert.deepEqual(t.problems, []);
});

test('one update per source date: what it added, which stances changed, what it revised', () => {
  const [first, second] = timeline(records, sources, positions).updates;
  assert.deepEqual(first!.sources, ['round-one']);
  assert.deepEqual(first!.added, ['actors/north', 'actors/south', 'positions/north--water']);
  assert.deepEqual(first!.changed, []);
  assert.deepEqual(second!.added, ['events/second-round']);
  assert.deepEqual(second!.changed, [{ position: 'north--water--2', previous: 'north--water', from: 'rejects', to: 'open-to' }]);
  assert.deepEqual(second!.revised, ['actors/north']);
});

test('every mistake with supersedes names the file, the field and the fix', () => {
  const bad = (list: typeof positions, recs = records) => timeline(recs, sources, list.map((p) => ({ ...p, filePath: `content/positions/${p.id}.yaml` }))).problems;
  const self = bad([{ ...positions[1]!, supersedes: 'north--water--2' }]);
  assert.match(self[0]!, /north--water--2\.yaml: field "supersedes" names the position itself\. Fix:/);
  const other = bad([positions[0]!, { ...positions[1]!, issue: 'oil' }]);
  assert.match(other[0]!, /field "supersedes" names north--water, which is north on water, not north on oil\. Fix:/);
  const twice = bad([...positions, { id: 'north--water--3', actor: 'north', issue: 'water', stance: 'supports', supersedes: 'north--water' }],
    [...records, { collection: 'positions', id: 'north--water--3', citations: [cite('round-two', 4)] }]);
  assert.ok(twice.some((m) => /north--water--3\.yaml: field "supersedes" names north--water, which north--water--2 already replaces\. Fix: replace the newest/.test(m)));
  const notLater = bad(positions, records.map((r) => (r.id === 'north--water--2' ? { ...r, citations: [cite('round-one', 4)] } : r)));
  assert.match(notLater[0]!, /field "supersedes" names north--water, but this position's latest source \(2030-05-01\) is not later than that one's \(2030-05-01\)\. Fix: cite the later source/);
  const loop = bad([{ ...positions[0]!, supersedes: 'north--water--2' }, positions[1]!]);
  assert.ok(loop.some((m) => /field "supersedes" makes a loop: north--water → north--water--2 → north--water\. Fix:/.test(m)), loop.join('\n'));
});
