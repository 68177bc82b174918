import { test } from 'node:test';
import assert from 'node:assert/strict';
import { perGraph } from '../src/lib/content/per-graph.ts';

test('perGraph derives once a graph, and each graph gets its own answer', () => {
  let runs = 0;
  const count = perGraph((g: { items: number[] }) => { runs++; return g.items.length; });
  const a = { items: [1, 2] };
  const b = { items: [1] };
  assert.equal(count(a), 2);
  assert.equal(count(a), 2);
  assert.equal(count(b), 1);
  assert.equal(runs, 2);
  // An answer that is itself undefined is kept too, not worked out again.
  const none = perGraph(() => { runs++; return undefined; });
  none(a);
  none(a);
  assert.equal(runs, 3);
});
