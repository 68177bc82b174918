// What the one-document brief holds of each list (src/lib/documents/brief-scope.ts): whole up to the limit, the
// first entries in the briefing's order past it, with the count of the rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BRIEF_LIMIT, briefScope, scoped } from '../src/lib/documents/brief-scope.ts';

type Graph = Parameters<typeof briefScope>[0];

const entries = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}` }));

test('a list up to the limit is whole; past it, the first entries in order and how many more', () => {
  assert.deepEqual(scoped([1, 2, 3], 3), { shown: [1, 2, 3], more: 0, total: 3 });
  assert.deepEqual(scoped([1, 2, 3, 4, 5], 3), { shown: [1, 2, 3], more: 2, total: 5 });
  assert.deepEqual(scoped([], 3), { shown: [], more: 0, total: 0 });
});

test("the real briefing's sizes (27 positions on 10 issues, 18 actors, 13 events and terms, 5 pages) are whole", () => {
  const graph = { briefing: entries('b', 5), actors: entries('a', 18), issues: entries('i', 10), events: entries('e', 13), glossary: entries('g', 13) };
  const scope = briefScope(graph as unknown as Graph);
  assert.equal(scope.whole, true);
  assert.ok(BRIEF_LIMIT >= 27, 'the limit holds the longest list of the real briefing');
});

test('a 1,000-entry briefing: each long list cut to the limit, the ids of those shown for the drawings and the grid', () => {
  const graph = { briefing: entries('b', 60), actors: entries('a', 220), issues: entries('i', 12), events: entries('e', 160), glossary: entries('g', 160) };
  const scope = briefScope(graph as unknown as Graph, 40);
  assert.equal(scope.whole, false);
  assert.deepEqual([scope.parts, scope.actors, scope.issues, scope.events, scope.glossary].map((l) => [l.shown.length, l.more]), [[40, 20], [40, 180], [12, 0], [40, 120], [40, 120]]);
  assert.deepEqual(scope.actors.shown.map((a) => a.id).slice(0, 2), ['a-0', 'a-1']);
  assert.ok(scope.ids.actors.has('a-39') && !scope.ids.actors.has('a-40'));
  assert.equal(scope.ids.issues.size, 12);
});
