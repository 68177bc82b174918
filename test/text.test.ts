import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lowerFirst } from '../src/lib/content/text.ts';

test('a title inside a sentence starts lower-case, unless it starts with an acronym', () => {
  assert.equal(lowerFirst("Treatment of Iran's population"), "treatment of Iran's population");
  assert.equal(lowerFirst('U.S. military pressure'), 'U.S. military pressure');
  assert.equal(lowerFirst('HEU stockpile'), 'HEU stockpile');
  assert.equal(lowerFirst('A deal'), 'a deal');
  assert.equal(lowerFirst(''), '');
});
