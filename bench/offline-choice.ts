/**
 * The offline edition's search, measured on our own content as it ships: the size of its index files (raw and
 * gzipped: search-index.js and any shards in search-index/) and result quality (is the expected page first?), by
 * running the shipped index through the same code the offline search page runs (src/lib/offline-search.ts).
 * FlexSearch was measured against MiniSearch once and lost on both counts (docs/benchmarks.md keeps that table).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { listFiles } from '../src/lib/files.ts';
import { INDEX_FILE, openOfflineSearch, SHARD_DIR, SHARD_GLOBAL, shardFile, type OfflineIndex } from '../src/lib/offline-search.ts';

/** Query → the page a reader expects first (any of several when the query is ambiguous). */
export const QUALITY_SET: [string, string[]][] = [
  ['Rubio', ['/actors/marco-rubio/']], ['Araqchi', ['/actors/abbas-araqchi/']], ['Witkoff', ['/actors/steve-witkoff/']],
  ['Kushner', ['/actors/jared-kushner/']], ['Trump', ['/actors/donald-trump/']], ['Leavitt', ['/actors/karoline-leavitt/']],
  ['Netanyahu', ['/actors/benjamin-netanyahu/']], ['Assad', ['/actors/bashar-al-assad/']], ['Tehran', ['/actors/iran/']],
  ['Washington', ['/actors/united-states/']], ['Kremlin', ['/actors/russia/']], ['Oman', ['/actors/oman/']],
  ['Revolutionary Guards', ['/actors/revolutionary-guards/']], ['HEU', ['/glossary/highly-enriched-uranium/']],
  ['JCPOA', ['/glossary/jcpoa/']], ['Khorramshahr', ['/glossary/khorramshahr-4/']], ['Axis of Resistance', ['/glossary/axis-of-resistance/']],
  ['sanctions relief', ['/issues/sanctions-relief/', '/glossary/sanctions-relief/']], ['consortium', ['/glossary/enrichment-consortium/']],
  ['missiles Israel', ['/positions/israel--ballistic-missiles/', '/actors/israel/', '/issues/ballistic-missiles/']],
  ['enrichmnt', ['/glossary/enrichment/', '/issues/uranium-enrichment/']], ['Netanyahoo', ['/actors/benjamin-netanyahu/']],
];

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
  const top = async (q: string) => {
    const first = (await search.search(q, {})).results[0];
    return first ? `/${index.pages[first.page]!.path.replace(/index\.html$/, '')}` : undefined;
  };
  const misses: string[] = [];
  for (const [q, expected] of QUALITY_SET) {
    const got = await top(q);
    if (!expected.includes(got ?? '')) misses.push(`${q} → ${got ?? 'nothing'}`);
  }
  return {
    name: 'MiniSearch 7', files: files.length, rawBytes: bytes.reduce((n, b) => n + b.byteLength, 0),
    gzipBytes: bytes.reduce((n, b) => n + gzipSync(b).byteLength, 0), largestBytes: Math.max(...bytes.map((b) => b.byteLength)),
    hits: QUALITY_SET.length - misses.length, of: QUALITY_SET.length, misses,
  };
}
