import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { FIRST_ROUND_TRIP, weighPage } from '../src/lib/pages/page-weight.ts';

test('weighs HTML with its stylesheets, follows static imports but not dynamic ones, and flags blocking scripts', () => {
  const root = mkdtempSync(join(tmpdir(), 'weight-'));
  mkdirSync(join(root, '_astro'));
  mkdirSync(join(root, 'a'));
  writeFileSync(join(root, '_astro', 'main.js'), 'import{x}from"./chunk.js";import("./lazy.js");x();');
  writeFileSync(join(root, '_astro', 'chunk.js'), 'export const x=()=>1;');
  writeFileSync(join(root, '_astro', 'lazy.js'), `console.log("${randomBytes(4000).toString('hex')}")`);
  writeFileSync(join(root, 'site.css'), 'body{color:red}');
  writeFileSync(join(root, 'a', 'index.html'),
    '<!doctype html><html><head><link rel="stylesheet" href="/site.css"><script src="/old.js"></script></head>' +
    `<body><p>${randomBytes(20000).toString('hex')}</p><script type="module" src="/_astro/main.js"></script></body></html>`);
  const w = weighPage(root, 'a/index.html');
  assert.ok(w.htmlCssGzip > FIRST_ROUND_TRIP, 'random text does not compress: the page is over budget');
  assert.deepEqual(w.scripts.map((s) => s.slice(root.length)), ['/_astro/main.js', '/_astro/chunk.js']);
  assert.ok(w.scriptGzip < 200, 'the lazily imported script does not count');
  assert.deepEqual(w.blocking, ['/old.js']);
});
