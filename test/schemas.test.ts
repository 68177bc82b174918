import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorSchema } from '../src/schemas/actor.ts';
import { eventSchema } from '../src/schemas/event.ts';
import { glossarySchema } from '../src/schemas/glossary.ts';
import { positionSchema } from '../src/schemas/position.ts';
import { sourceSchema } from '../src/schemas/source.ts';
import { isStance, STANCE_KEYS } from '../src/schemas/stance.ts';
import { idRef as fakeRef } from '../src/schemas/id-ref.ts';

const cite = [{ source: 'a', paragraphs: [1] }];
const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

test('a position needs a stance from the closed vocabulary and a citation', () => {
  const schema = positionSchema(fakeRef);
  const ok = schema.safeParse({ actor: 'iran', issue: 'x', stance: 'rejects', headline: 'No missile talks', summary: 'Iran refuses to discuss its missiles at all.', citations: cite });
  assert.equal(ok.success, true);
  assert.deepEqual(ok.data?.actor, { id: 'iran', collection: 'actors' });
  const bad = schema.safeParse({ actor: 'iran', issue: 'x', stance: 'maybe', headline: 'No missile talks', summary: 'Iran refuses to discuss its missiles at all.', citations: [] });
  assert.deepEqual(messages(bad).map((m) => m.split(':')[0]), ['stance', 'citations']);
});

test('event dates must match their precision and be real days; undated events are null', () => {
  const schema = eventSchema(fakeRef);
  const base = { title: 'Something happened', order: 1, summary: 'A thing happened, the source says.', citations: cite };
  assert.equal(schema.safeParse({ ...base, date: { on: '2025-06', precision: 'month', derived: { from: 'last June', reasoning: 'June before Feb 2026' } } }).success, true);
  assert.equal(schema.safeParse({ ...base, date: null }).success, true);
  assert.match(messages(schema.safeParse({ ...base, date: { on: '2025-06', precision: 'day' } })).join(), /does not match precision "day"/);
  assert.match(messages(schema.safeParse({ ...base, date: { on: '2026-02-30', precision: 'day' } })).join(), /not a real calendar date/);
  assert.match(messages(schema.safeParse({ ...base, date: { on: 'Feb 2026', precision: 'month' } })).join(), /YYYY, YYYY-MM or YYYY-MM-DD/);
});

test('source paragraphs must be numbered 1, 2, 3… in order', () => {
  const base = { title: 'T', kind: 'news-article', dateline: 'Muscat', date: '2026-02-06', outlet: null, headline: null, provenanceNote: 'Unknown outlet.' };
  const p = (n: number) => ({ n, summary: 'A summary of the paragraph.' });
  assert.equal(sourceSchema.safeParse({ ...base, paragraphs: [p(1), p(2)] }).success, true);
  assert.match(messages(sourceSchema.safeParse({ ...base, paragraphs: [p(1), p(3)] })).join(), /paragraphs\.1\.n: Paragraph 2 is numbered 3/);
});

test('actors and glossary entries default their lists', () => {
  const actor = actorSchema(fakeRef).parse({ name: 'Oman', kind: 'state', role: 'Mediator', summary: 'Hosts and mediates the talks.', citations: cite });
  assert.deepEqual(actor.aliases, []);
  assert.equal(actor.affiliation, undefined);
  const term = glossarySchema(fakeRef).parse({ term: 'Deterrence', definition: 'Discouraging an attack by threatening costs.' });
  assert.deepEqual(term.related, []);
});

test('the stance guard accepts exactly the vocabulary', () => {
  for (const s of STANCE_KEYS) assert.equal(isStance(s), true);
  assert.equal(isStance('toString'), false);
  assert.equal(isStance('Demands'), false);
});
