/**
 * Which client-side search library the offline edition uses, decided by measurement on our own content: index size
 * (raw and gzipped, as shipped in search-index.js) and result quality (is the expected page first?) for MiniSearch
 * and FlexSearch over the same documents the offline edition indexes.
 */
import { Document } from 'flexsearch';
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

function flexSearch(docs: SearchDoc[]): Candidate {
  const index = new Document({ tokenize: 'forward', document: { id: 'id', index: ['keywords', 'title', 'heading', 'text'], store: false } });
  // Section ids encode their page: page * 1000 + section number.
  const rows = docs.flatMap((d, page) => d.sections.map((s, i) => ({ id: page * 1000 + i, keywords: i === 0 ? d.keywords : '', title: i === 0 ? d.title : '', heading: s.heading, text: s.text })));
  for (const r of rows) index.add(r);
  const parts: Record<string, string> = {};
  index.export((key: string, data: unknown) => { parts[key] = typeof data === 'string' ? data : JSON.stringify(data); });
  // Ship the section texts too, as MiniSearch's payload does, for excerpts and sub-results.
  const text = JSON.stringify({ parts, pages: docs.map((d) => ({ url: d.url, title: d.title, type: d.type, actors: d.actors, issues: d.issues })), sections: rows.map((r) => r.text) });
  return {
    name: 'FlexSearch 0.8', rawBytes: Buffer.byteLength(text), gzipBytes: gzipSync(text).byteLength,
    top: (q) => {
      // Fields in order of weight; the first field with a hit decides, as FlexSearch has no cross-field scores.
      const results = index.search(q, { limit: 20 }) as { field: string; result: number[] }[];
      for (const field of ['keywords', 'title', 'heading', 'text']) {
        const hit = results.find((r) => r.field === field)?.result[0];
        if (hit !== undefined) return docs[Math.floor(Number(hit) / 1000)]!.url;
      }
      return undefined;
    },
  };
}

export function compareOfflineLibraries(dist = 'dist') {
  const docs = readDocs(dist);
  return [miniSearch(docs), flexSearch(docs)].map((c) => {
    const misses = QUALITY_SET.filter(([q, expected]) => !expected.includes(c.top(q) ?? '')).map(([q]) => `${q} → ${c.top(q) ?? 'nothing'}`);
    return { name: c.name, rawBytes: c.rawBytes, gzipBytes: c.gzipBytes, hits: QUALITY_SET.length - misses.length, of: QUALITY_SET.length, misses };
  });
}
