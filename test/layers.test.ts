// The code's layers, bottom up: src/site.ts (the site's constants, importing nothing), src/schemas (what content is),
// src/plugins (the Markdown plugins), src/lib (one
// folder per domain: content, search, documents, images, record, pages, output, graphics), then what Astro runs
// (src/components, layouts, pages, integrations, scripts). No import runs up: a layer imports only from itself and
// the layers below it, and src/lib never from what Astro runs. Read from the import specifiers of every file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { listFiles } from '../src/lib/output/files.ts';

const root = new URL('../', import.meta.url).pathname;
const LAYERS = ['src/site.ts', 'src/schemas', 'src/plugins', 'src/lib', 'src/app'] as const;
/** The layer of a file under src/ (everything Astro runs is the top layer, "src/app"). */
const layerOf = (file: string): number => {
  const i = LAYERS.findIndex((l) => file === l || file.startsWith(`${l}/`));
  return i === -1 ? LAYERS.length - 1 : i;
};
const SPEC = /(?:\bfrom|\bimport|\bimport\s*\(|new URL\()\s*(['"])(\.{1,2}\/[^'"\n]+)\1/g;

/** Every relative import of every .ts and .astro file under src/, as [importer, imported] paths from the root. */
function imports(): [string, string][] {
  return listFiles(join(root, 'src'))
    .filter((f) => /\.(ts|astro)$/.test(f))
    .flatMap((f) => {
      const file = `src/${f}`;
      const text = readFileSync(join(root, file), 'utf8');
      return [...text.matchAll(SPEC)].map((m) => [file, relative(root, resolve(root, dirname(file), m[2]!))] as [string, string]);
    });
}

test('no import runs up a layer: schemas import only schemas, plugins only plugins and schemas, lib nothing Astro runs', () => {
  const all = imports();
  assert.ok(all.length > 200, `only ${all.length} imports found`);
  const up = all.filter(([from, to]) => to.startsWith('src/') && layerOf(to) > layerOf(from)).map(([from, to]) => `${from} → ${to}`);
  assert.deepEqual(up, []);
});

test('src/lib holds domain folders only, no loose files', () => {
  const loose = listFiles(join(root, 'src/lib')).filter((f) => !f.includes('/'));
  assert.deepEqual(loose, []);
});
