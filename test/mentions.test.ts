import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMentionFinder } from '../src/lib/mentions.ts';

const find = createMentionFinder([
  { key: 'us', names: ['United States', 'US', 'Washington'] },
  { key: 'iran', names: ['Iran', 'Tehran'] },
  { key: 'rubio', names: ['Marco Rubio', 'Rubio'] },
  { key: 'sanctions', names: ['sanctions relief', 'sanction'] },
]);

test('finds names and aliases as whole words, with possessives and plurals', () => {
  assert.deepEqual(find("Tehran's answer reached Washington."), ['us', 'iran']);
  assert.deepEqual(find('Rubio’s remarks'), ['rubio']);
  assert.deepEqual(find('new sanctions'), ['sanctions']);
});

test('acronyms match case-sensitively, other names case-insensitively', () => {
  assert.deepEqual(find('us and them'), []);
  assert.deepEqual(find('the US said'), ['us']);
  assert.deepEqual(find('IRAN said'), ['iran']);
});

test('does not match inside longer words', () => {
  assert.deepEqual(find('Iranian officials and Rubios'), ['rubio']);
  assert.deepEqual(find('Iranian officials'), []);
  assert.deepEqual(find('USA'), []);
});
