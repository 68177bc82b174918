/**
 * The offline edition's search index as it ships: the size of its files (raw and gzipped: search-index.js and any
 * shards in search-index/), and a check that the shipped files open with the code the offline search page runs
 * (src/lib/search/offline-search.ts). Result quality is measured through both editions' search pages (bench/golden.ts).
 * FlexSearch was measured against MiniSearch once and lost on both counts (docs/benchmarks.md keeps that table).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { listFiles } from '../src/lib/output/files.ts';
import { INDEX_FILE, openOfflineSearch, SHARD_DIR, SHARD_GLOBAL, shardFile, type OfflineIndex } from '../src/lib/search/offline-search.ts';

/** Runs the edition's index scripts as a browser would, in a context of their own. */
function shippedSearch(edition: string) {
  const scope: Record<string, unknown> = {};
  scope.window = scope.self = scope;
  const context = vm.createContext(scope);
  const run = (file: string) => vm.runInContext(readFileSync(join(edition, file), 'utf8'), context);
  run(INDEX_FILE);
  const index = scope.BRIEFING_SEARCH as OfflineIndex;
  return {
    index,
    search: openOfflineSearch(index, async (name) => {
      run(shardFile(name));
      return (scope[SHARD_GLOBAL] as Record<string, unknown>)[name];
    }),
  };
}

export async function measureOfflineSearch(edition = 'dist-offline') {
  const files = listFiles(edition).filter((f) => f === INDEX_FILE || f.startsWith(`${SHARD_DIR}/`));
  const bytes = files.map((f) => readFileSync(join(edition, f)));
  const { index, search } = shippedSearch(edition);
  const found = (await search.search('Rubio', {})).results.length;
  if (found === 0) throw new Error(`${edition}: the shipped offline index finds nothing for "Rubio"; rebuild the site.`);
  return {
    name: 'MiniSearch 7', files: files.length, pages: index.pages.length, rawBytes: bytes.reduce((n, b) => n + b.byteLength, 0),
    gzipBytes: bytes.reduce((n, b) => n + gzipSync(b).byteLength, 0), largestBytes: Math.max(...bytes.map((b) => b.byteLength)),
  };
}
