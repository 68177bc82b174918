import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatBytes } from '../src/lib/output/files.ts';

test('sizes read the same everywhere: bytes, one decimal under 100 KB, whole KB, then MB', () => {
  assert.equal(formatBytes(812), '812 B');
  assert.equal(formatBytes(4300), '4.2 KB');
  assert.equal(formatBytes(656_368), '641 KB');
  assert.equal(formatBytes(1_102_932), '1.1 MB');
});
