import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseParagraphList, parseParagraphRanges } from '../src/schemas/paragraphs.ts';

test('parses single numbers, lists and ranges, sorted and unique', () => {
  assert.deepEqual(parseParagraphList('3'), [3]);
  assert.deepEqual(parseParagraphList('7, 3'), [3, 7]);
  assert.deepEqual(parseParagraphList('9-10'), [9, 10]);
  assert.deepEqual(parseParagraphList('2, 4–6, 4'), [2, 4, 5, 6]);
});

test('rejects what is not a paragraph list, saying how to write one', () => {
  assert.throws(() => parseParagraphList(''), /empty/);
  assert.throws(() => parseParagraphList('three'), /"three" is not a paragraph number/);
  assert.throws(() => parseParagraphList('0'), /not a valid range/);
  assert.throws(() => parseParagraphList('5-2'), /not a valid range/);
  assert.throws(() => parseParagraphList('3,,4'), /is not a paragraph number/);
});

test('gives the ranges as written, unexpanded, so their ends can be checked first', () => {
  assert.deepEqual(parseParagraphRanges('2, 4–6, 1-99999999'), [[2, 2], [4, 6], [1, 99999999]]);
  assert.throws(() => parseParagraphRanges('5-2'), /not a valid range/);
});
