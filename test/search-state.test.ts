import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyState, isEmpty, MAX_QUERY, pagefindFilters, readState, searchTerm, writeState, type KnownValues } from '../src/lib/search/search-state.ts';

const known: KnownValues = {
  type: new Set(['actor', 'position']),
  actor: new Set(['iran', 'united-states']),
  issue: new Set(['ballistic-missiles']),
};

test('reads the query and known filter values, dropping unknown ones', () => {
  const state = readState(new URLSearchParams('q=missiles%20Israel&actor=united-states&actor=atlantis&actor=iran&type=<script>'), known);
  assert.equal(state.q, 'missiles Israel');
  assert.deepEqual(state.filters, { type: [], actor: ['iran', 'united-states'], issue: [] });
});

test('round-trips through the URL', () => {
  const state = emptyState();
  state.q = 'Rubio & "enrichment"';
  state.filters.actor = ['iran'];
  state.filters.issue = ['ballistic-missiles'];
  const url = writeState(state);
  assert.equal(url, '?q=Rubio+%26+%22enrichment%22&actor=iran&issue=ballistic-missiles');
  assert.deepEqual(readState(new URLSearchParams(url), known), state);
  assert.equal(writeState(emptyState()), '');
});

test('caps and trims the search term; an empty one means filters only', () => {
  assert.equal(searchTerm('  Rubio  '), 'Rubio');
  assert.equal(searchTerm('   '), null);
  assert.equal(searchTerm('x'.repeat(2000))!.length, MAX_QUERY);
});

test('builds Pagefind filters: any value within a facet, all facets together', () => {
  const state = emptyState();
  assert.deepEqual(pagefindFilters(state), {});
  assert.equal(isEmpty(state), true);
  state.filters.actor = ['iran', 'united-states'];
  state.filters.type = ['position'];
  assert.deepEqual(pagefindFilters(state), { type: { any: ['position'] }, actor: { any: ['iran', 'united-states'] } });
  assert.equal(isEmpty(state), false);
});

test('the URL never carries more of the query than is searched', () => {
  const state = { ...emptyState(), q: 'enrichment '.repeat(10_000) };
  const url = writeState(state);
  assert.ok(url.length < MAX_QUERY * 4, `the URL is ${url.length} characters long`);
  assert.equal(new URLSearchParams(url.slice(1)).get('q'), state.q.slice(0, MAX_QUERY));
});
