import { test } from 'node:test';
import assert from 'node:assert/strict';
import { neighbours, readingOrder, REFERENCE_STOPS } from '../src/lib/pages/reading-order.ts';

const page = (id: string, order: number, navTitle: string) => ({ id, data: { order, navTitle } });
const briefing = [page('what-to-watch', 5, 'What to watch'), page('overview', 1, 'Overview'), page('positions', 2, 'Positions')];

test('the narrative pages come first by their order field, the overview as the home page, then the indexes', () => {
  const order = readingOrder(briefing);
  assert.deepEqual(order.slice(0, 3), [
    { path: '/', title: 'Overview' },
    { path: '/briefing/positions/', title: 'Positions' },
    { path: '/briefing/what-to-watch/', title: 'What to watch' },
  ]);
  assert.deepEqual(order.slice(3), REFERENCE_STOPS);
  assert.equal(new Set(order.map((s) => s.path)).size, order.length, 'no page twice');
});

test('neighbours: the first page has no previous, the last no next, a page outside the order neither', () => {
  const order = readingOrder(briefing);
  assert.deepEqual(neighbours(order, '/'), { next: { path: '/briefing/positions/', title: 'Positions' } });
  assert.deepEqual(neighbours(order, '/briefing/positions/'), {
    prev: { path: '/', title: 'Overview' },
    next: { path: '/briefing/what-to-watch/', title: 'What to watch' },
  });
  assert.deepEqual(neighbours(order, '/briefing/what-to-watch/').next, { path: '/actors/', title: 'Actors' });
  assert.deepEqual(neighbours(order, '/sources/').prev, { path: '/glossary/', title: 'Glossary' });
  assert.deepEqual(neighbours(order, '/changes/'), { prev: { path: '/sources/', title: 'Sources' } });
  assert.deepEqual(neighbours(order, '/actors/iran/'), {});
});
