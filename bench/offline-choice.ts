/**
 * The offline edition's search, measured on our own content: index size (raw and gzipped, as shipped in
 * search-index.js) and result quality (is the expected page first?). FlexSearch was measured against it once and
 * lost on both counts (docs/benchmarks.md keeps that table); it is no longer a dependency.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { buildOfflinePayload, loadOfflineIndex, searchOffline } from '../src/lib/offline-search.ts';
import { extractSearchDoc, type SearchDoc } from '../src/lib/search-docs.ts';

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

function htmlFiles(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return n === 'pagefind' || n === '_astro' ? [] : htmlFiles(p, root);
    return n.endsWith('.html') ? [relative(root, p)] : [];
  });
}

export function readDocs(dist = 'dist'): SearchDoc[] {
  const parser = unified().use(rehypeParse);
  return htmlFiles(dist).flatMap((file) => {
    const doc = extractSearchDoc(parser.parse(readFileSync(join(dist, file), 'utf8')), `/${file.replace(/index\.html$/, '')}`);
    return doc ? [doc] : [];
  });
}

interface Candidate {
  name: string;
  rawBytes: number;
  gzipBytes: number;
  top: (query: string) => string | undefined;
}

function miniSearch(docs: SearchDoc[]): Candidate {
  const payload = buildOfflinePayload(docs, (url) => url);
  const text = JSON.stringify(payload);
  const engine = loadOfflineIndex(payload);
  return {
    name: 'MiniSearch 7', rawBytes: Buffer.byteLength(text), gzipBytes: gzipSync(text).byteLength,
    top: (q) => { const r = searchOffline(engine, payload, q, {}).results[0]; return r ? payload.pages[r.page]!.path : undefined; },
  };
}

export function compareOfflineLibraries(dist = 'dist') {
  const docs = readDocs(dist);
  return [miniSearch(docs)].map((c) => {
    const misses = QUALITY_SET.filter(([q, expected]) => !expected.includes(c.top(q) ?? '')).map(([q]) => `${q} → ${c.top(q) ?? 'nothing'}`);
    return { name: c.name, rawBytes: c.rawBytes, gzipBytes: c.gzipBytes, hits: QUALITY_SET.length - misses.length, of: QUALITY_SET.length, misses };
  });
}
