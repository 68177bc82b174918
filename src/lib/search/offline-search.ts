/**
 * The offline edition's search, on MiniSearch. Shared by the build (Node), which indexes the pages' search documents
 * (from the page manifest) and writes the index as classic scripts, and by the offline search page (browser), which
 * loads them: file:// pages cannot fetch or import modules, but a <script src> appended at run time works.
 *
 * What ships (at 10,000 generated entries: 1.7 MB, then 2.1 MB of terms in 9 shards and 4.2 MB of excerpts in 17):
 *   search-index.js             window.BRIEFING_SEARCH = { pages, firstSection, fieldLength, terms, termShards, … }
 *   search-index/terms-N.js     the postings of a run of consecutive terms (sorted), for MiniSearch's BM25
 *   search-index/excerpts-N.js  what results show for a run of consecutive pages: per section its heading, anchor and
 *                               first EXCERPT_WORDS words (the full text is only in the postings)
 * A search first asks a term-only copy of the index which terms the query matches (MiniSearch's own prefix and fuzzy
 * expansion), loads only the shards that hold them, and then searches an index made of the loaded postings: the
 * same scores as one built from everything, because a term's postings are never split and the document statistics
 * ship whole. When everything together is small (the real site), the shards are inline in search-index.js.
 */
import MiniSearch, { type AsPlainObject, type Options, type SearchResult } from 'minisearch';
import type { SearchDoc } from './search-docs.ts';
import type { SearchVocabulary } from './search-vocabulary.ts';

export interface OfflinePage {
  /** Path from the edition's root, e.g. "actors/iran/index.html". */
  path: string;
  title: string;
  type: string;
  actors: string[];
  issues: string[];
  /** One line about the page (a position's headline), and a position's stance. */
  summary: string;
  stance?: string;
  /** Names, aliases and other recall aids: ranked with, never shown. */
  keywords: string;
}

/** What a result shows for one section. */
export interface OfflineSection {
  /** Id and text of the heading that opens the section; none for the text before the first such heading. */
  anchor?: string;
  heading?: string;
  /** The section's first words (at most the excerpt bound), followed by " …" when the text goes on. */
  excerpt: string;
}

/** The first script, search-index.js. */
export interface OfflineIndex {
  /** Format of this object and its shards; search.js and the index are written by the same build. */
  version: typeof FORMAT;
  pages: OfflinePage[];
  /** For each page, the id of its first section, and one more entry: the number of sections (a page's are consecutive). */
  firstSection: number[];
  /** MiniSearch's document statistics (its serialised index without documentIds, fieldLength and postings). */
  stats: Pick<AsPlainObject, 'documentCount' | 'nextId' | 'fieldIds' | 'averageFieldLength' | 'dirtCount' | 'serializationVersion'>;
  /** MiniSearch's field lengths, flat: section id × number of fields. */
  fieldLength: number[];
  /** Every indexed term, sorted. */
  terms: string[];
  /** Index into `terms` of the first term of each terms shard. */
  termShards: number[];
  /** Index into `pages` of the first page of each excerpts shard. */
  excerptShards: number[];
  /** Names and positions the search page plans queries with (src/lib/search/search-vocabulary.ts). */
  vocabulary: SearchVocabulary;
  /** The shards, by name, when they ship inside this script; otherwise they are loaded from search-index/NAME.js. */
  inline?: Record<string, TermsShard | ExcerptsShard>;
}

/**
 * One entry per term of the shard: its postings, per field `fieldId, n, …n section-id gaps, …n frequencies`, or
 * `fieldId, -n, …n gaps` when every frequency is 1 (most are). Gaps: the first id, then differences.
 */
export type TermsShard = number[][];
/** One entry per section of the shard's pages, in order: the excerpt, or [excerpt, anchor, heading] under a heading. */
export type ExcerptsShard = (string | [string, string, string])[];

const FORMAT = 3;
/** What each matching section after a page's best adds to its score, as a share of that section's score. */
const OTHER_SECTIONS = 0.3;

/** Global under which shard scripts leave their data: `(self.BRIEFING_SEARCH_SHARDS ??= {})["terms-3"] = […]`. */
export const SHARD_GLOBAL = 'BRIEFING_SEARCH_SHARDS';
export const INDEX_FILE = 'search-index.js';
export const SHARD_DIR = 'search-index';
export const shardFile = (name: string) => `${SHARD_DIR}/${name}.js`;

export interface PayloadOptions {
  /** Words of each section's text kept for display. */
  excerptWords?: number;
  /** Bytes past which the shards are written as files instead of inline in search-index.js. */
  inlineBytes?: number;
  /** Target bytes of one shard file (a shard holds at least one term or one page, so it can be larger). */
  shardBytes?: number;
  /** The search vocabulary to ship with the index (none: an empty one). */
  vocabulary?: SearchVocabulary;
}

/**
 * 128 words, by measurement on the real site (its page manifest; the golden queries of bench/offline-choice.ts and
 * every word of every page title as queries): the first match lies within a section's first 128 words in 97.5% of
 * the sections results show (96 words: 94%; 64: 88%; 40: 72%). The real site's sections are short (median 46
 * words), so this keeps 93% of its text; what the bound stops is a long listing section shipping whole (the longest
 * generated one has 1,650 words): no stored excerpt exceeds about 1 KB.
 */
export const EXCERPT_WORDS = 128;
const DEFAULTS: Required<PayloadOptions> = { excerptWords: EXCERPT_WORDS, inlineBytes: 2_000_000, shardBytes: 256_000, vocabulary: { entries: [], positions: [] } };

interface IndexedSection {
  id: number;
  keywords: string;
  title: string;
  heading: string;
  text: string;
}

export const MINISEARCH_OPTIONS: Options<IndexedSection> = {
  idField: 'id',
  fields: ['keywords', 'title', 'heading', 'text'],
  // No fuzzy matching of its own: misspelt names are read by the query plan (search-vocabulary.ts), as in the hosted
  // edition, whose Pagefind has none, so both editions answer a query alike.
  searchOptions: { boost: { keywords: 8, title: 4, heading: 2 }, prefix: (term) => term.length > 2, combineWith: 'AND' },
};

/** The first `words` words of a text, and " …" when there are more. */
export function boundedExcerpt(text: string, words: number): string {
  const tokens = text.split(/\s+/);
  return tokens.length <= words ? text : `${tokens.slice(0, words).join(' ')} …`;
}

function encodePostings(fields: Record<string, Record<string, number>>): number[] {
  const out: number[] = [];
  for (const [fieldId, freqs] of Object.entries(fields)) {
    const ids = Object.keys(freqs).map(Number); // integer keys enumerate in ascending order
    const counts = ids.map((id) => freqs[id]!);
    const ones = counts.every((c) => c === 1);
    out.push(Number(fieldId), ones ? -ids.length : ids.length);
    ids.forEach((id, i) => out.push(i === 0 ? id : id - ids[i - 1]!));
    if (!ones) out.push(...counts);
  }
  return out;
}

function decodePostings(encoded: readonly number[]): Record<string, Record<string, number>> {
  const fields: Record<string, Record<string, number>> = {};
  for (let at = 0; at < encoded.length;) {
    const fieldId = encoded[at++]!;
    const n = Math.abs(encoded[at]!);
    const ones = encoded[at++]! < 0;
    const freqs: Record<string, number> = {};
    for (let i = 0, id = 0; i < n; i++) {
      id += encoded[at + i]!;
      freqs[id] = ones ? 1 : encoded[at + n + i]!;
    }
    at += ones ? n : 2 * n;
    fields[fieldId] = freqs;
  }
  return fields;
}

/** Cuts `sizes` into consecutive runs of about `target` bytes; returns the index where each run starts. */
function runs(sizes: readonly number[], target: number): number[] {
  const starts = [0];
  let bytes = 0;
  sizes.forEach((size, i) => {
    if (bytes > 0 && bytes + size > target) {
      starts.push(i);
      bytes = 0;
    }
    bytes += size;
  });
  return sizes.length ? starts : [];
}

const sliceRuns = <T>(items: readonly T[], starts: readonly number[]) => starts.map((s, i) => items.slice(s, starts[i + 1] ?? items.length));

export interface OfflinePayload {
  index: OfflineIndex;
  /** Shards to write as search-index/NAME.js (none when they are inline). */
  shards: Record<string, TermsShard | ExcerptsShard>;
}

/** Indexes each page's search document (in the order given: ties rank the earlier page first). */
export function buildOfflinePayload(entries: readonly { path: string; doc: SearchDoc }[], options: PayloadOptions = {}): OfflinePayload {
  const { excerptWords, inlineBytes, shardBytes, vocabulary } = { ...DEFAULTS, ...options };
  const pages: OfflinePage[] = [];
  const firstSection: number[] = [];
  const excerpts: ExcerptsShard[] = [];
  const indexed: IndexedSection[] = [];
  for (const { path, doc } of entries) {
    pages.push({ path, title: doc.title, type: doc.type, actors: doc.actors, issues: doc.issues, summary: doc.summary, ...(doc.stance ? { stance: doc.stance } : {}), keywords: doc.keywords });
    firstSection.push(indexed.length);
    excerpts.push(doc.sections.map((s) => {
      const excerpt = boundedExcerpt(s.text, excerptWords);
      return s.anchor ? [excerpt, s.anchor, s.heading] : excerpt;
    }));
    doc.sections.forEach((s, i) => {
      // The page's own keywords and title count for its first section, so a name finds the page, not a part of it.
      indexed.push({ id: indexed.length, keywords: i === 0 ? doc.keywords : '', title: i === 0 ? doc.title : '', heading: s.anchor ? s.heading : '', text: s.text });
    });
  }
  firstSection.push(indexed.length);
  const search = new MiniSearch<IndexedSection>(MINISEARCH_OPTIONS);
  search.addAll(indexed);
  const js = search.toJSON();
  const stats = { documentCount: js.documentCount, nextId: js.nextId, fieldIds: js.fieldIds, averageFieldLength: js.averageFieldLength, dirtCount: js.dirtCount ?? 0, serializationVersion: js.serializationVersion };
  const postings = js.index;
  postings.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const terms = postings.map(([term]) => term);
  const encoded = postings.map(([, fields]) => encodePostings(fields));
  const fieldCount = Object.keys(js.fieldIds).length;
  const flatLengths = Object.values(js.fieldLength).flatMap((lengths) => Array.from({ length: fieldCount }, (_, f) => lengths[f] ?? 0));

  const sizeOf = (x: unknown) => JSON.stringify(x).length + 1;
  const termShards = runs(encoded.map(sizeOf), shardBytes);
  const excerptShards = runs(excerpts.map(sizeOf), shardBytes);
  const shards: Record<string, TermsShard | ExcerptsShard> = {};
  sliceRuns(encoded, termShards).forEach((s, i) => (shards[`terms-${i}`] = s));
  sliceRuns(excerpts, excerptShards).forEach((s, i) => (shards[`excerpts-${i}`] = s.flat()));
  const index: OfflineIndex = { version: FORMAT, pages, firstSection, stats, fieldLength: flatLengths, terms, termShards, excerptShards, vocabulary };
  const total = sizeOf(index) + Object.values(shards).reduce((sum, s) => sum + sizeOf(s), 0);
  return total <= inlineBytes ? { index: { ...index, inline: shards }, shards: {} } : { index, shards };
}

/** The payload as files of the edition: search-index.js and, when sharded, search-index/NAME.js. */
export function payloadFiles(payload: OfflinePayload): Map<string, string> {
  const files = new Map([[INDEX_FILE, `window.BRIEFING_SEARCH=${JSON.stringify(payload.index)};\n`]]);
  for (const [name, data] of Object.entries(payload.shards))
    files.set(shardFile(name), `(self.${SHARD_GLOBAL}??={})[${JSON.stringify(name)}]=${JSON.stringify(data)};\n`);
  return files;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A window of about `words` words around the first matched term, HTML-escaped, matches wrapped in <mark>. */
export function excerptHtml(text: string, terms: readonly string[], words = 24): string {
  const tokens = text.split(/\s+/).filter(Boolean);
  const wanted = terms.map((t) => t.toLowerCase()).filter(Boolean);
  const matches = (w: string) => wanted.some((t) => w.toLowerCase().replace(/^[^\p{L}\p{N}]+/u, '').startsWith(t));
  const first = Math.max(0, tokens.findIndex(matches));
  const start = Math.max(0, first - Math.floor(words / 3));
  const slice = tokens.slice(start, start + words).join(' ');
  const pattern = wanted.length ? new RegExp(`(?<![\\p{L}\\p{N}])(${wanted.map(escapeRe).join('|')})[\\p{L}\\p{N}]*`, 'giu') : null;
  let html = '';
  let last = 0;
  for (const m of pattern ? slice.matchAll(pattern) : []) {
    html += `${escapeHtml(slice.slice(last, m.index))}<mark>${escapeHtml(m[0])}</mark>`;
    last = m.index! + m[0].length;
  }
  html += escapeHtml(slice.slice(last));
  return `${start > 0 ? '… ' : ''}${html}${start + words < tokens.length ? ' …' : ''}`;
}

export interface OfflineResult {
  page: number;
  score: number;
  /** Sections that matched, best first. */
  sections: SearchResult[];
}

export type Facets = Record<'type' | 'actor' | 'issue', readonly string[]>;

const valuesOf = (page: OfflinePage, facet: keyof Facets) =>
  facet === 'type' ? [page.type] : facet === 'actor' ? page.actors : page.issues;

/** Loads a shard by name: from the inline copy, or (browser) by appending its script. */
export type ShardLoader = (name: string) => Promise<unknown>;

export interface OfflineSearch {
  /**
   * Ranks pages for a term (or all pages when the term is null) and applies the filters: any value within a facet,
   * all facets together. Counts say, for each facet value, how many results it would give with the other facets'
   * selections kept.
   */
  search(term: string | null, filters: Partial<Facets>, options?: { anyWord?: boolean }): Promise<{ results: OfflineResult[]; counts: Record<string, Record<string, number>> }>;
  /** What results show for a page's sections, in order (section id = firstSection[page] + position). */
  sections(page: number): Promise<OfflineSection[]>;
  /** Starts loading the shards a term needs (while the reader types). */
  preload(term: string): void;
}

function shardOf(starts: readonly number[], i: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Opens the index; `load` fetches shards that are not inline (see minisearch-engine.ts for the browser's). */
export function openOfflineSearch(index: OfflineIndex, load: ShardLoader): OfflineSearch {
  if (index.version !== FORMAT)
    throw new Error(`search-index.js has format ${String(index.version)}, this search.js reads ${FORMAT}: rebuild the offline edition so both come from one build.`);
  const requested = new Map<string, Promise<unknown>>(); // each shard is loaded once; a failed load may be retried
  const shard = <T>(name: string): Promise<T> => {
    if (index.inline?.[name] !== undefined) return Promise.resolve(index.inline[name] as T);
    if (!requested.has(name)) requested.set(name, load(name).catch((error: unknown) => { requested.delete(name); throw error; }));
    return requested.get(name) as Promise<T>;
  };
  const { stats, pages, firstSection } = index;
  const fieldCount = Object.keys(stats.fieldIds).length;
  const sectionCount = firstSection[pages.length]!;
  const pageOf = new Uint32Array(sectionCount);
  for (let p = 0; p < pages.length; p++) pageOf.fill(p, firstSection[p], firstSection[p + 1]);
  const documentIds: Record<string, number> = {};
  const fieldLength: Record<string, number[]> = {};
  for (let id = 0; id < sectionCount; id++) {
    documentIds[id] = id;
    fieldLength[id] = index.fieldLength.slice(id * fieldCount, (id + 1) * fieldCount);
  }
  const termIds = new Map(index.terms.map((t, i) => [t, i]));

  // Which terms does a query match? MiniSearch answers it itself, over every term posted to one stand-in document.
  const ones = Array.from({ length: fieldCount }, () => 1);
  const probe = MiniSearch.loadJS<IndexedSection>(
    { ...stats, documentCount: 1, nextId: 1, documentIds: { 0: 0 }, fieldLength: { 0: ones }, averageFieldLength: ones, storedFields: {}, index: index.terms.map((t) => [t, { 0: { 0: 1 } }]) },
    MINISEARCH_OPTIONS,
  );

  const loaded = new Map<number, AsPlainObject['index']>(); // terms shard → its decoded postings
  let engine: MiniSearch<IndexedSection> | undefined;
  let engineShards = -1;
  const loadTerms = async (s: number) => {
    const data = await shard<TermsShard>(`terms-${s}`);
    const from = index.termShards[s]!;
    if (!loaded.has(s)) loaded.set(s, data.map((encoded, i) => [index.terms[from + i]!, decodePostings(encoded)]));
  };
  const loadFor = (term: string) => {
    const matched = probe.search(term, { combineWith: 'OR' })[0]?.terms ?? [];
    return Promise.all([...new Set(matched.map((t) => shardOf(index.termShards, termIds.get(t)!)))].map(loadTerms));
  };
  const engineFor = async (term: string) => {
    await loadFor(term);
    if (!engine || engineShards !== loaded.size) {
      engineShards = loaded.size;
      engine = MiniSearch.loadJS<IndexedSection>({ ...stats, documentIds, fieldLength, storedFields: {}, index: [...loaded.values()].flat() }, MINISEARCH_OPTIONS);
    }
    return engine;
  };

  const facets = ['type', 'actor', 'issue'] as const;
  return {
    preload: (term) => void loadFor(term).catch(() => undefined), // a failure shows when the search runs
    async search(term, filters, options = {}) {
      let ranked: OfflineResult[];
      if (term === null) {
        ranked = pages.map((_, page) => ({ page, score: 0, sections: [] }));
      } else {
        const byPage = new Map<number, OfflineResult>();
        const combineWith = options.anyWord ? 'OR' : 'AND';
        for (const hit of (await engineFor(term)).search(term, { combineWith })) {
          const page = pageOf[hit.id as number]!;
          const entry = byPage.get(page) ?? { page, score: 0, sections: [] };
          // Results come best first: a page scores its best section, and a little for each further one, so a long
          // page of many sections (the timeline) does not outrank the page about the words, as in Pagefind.
          entry.score += entry.sections.length ? OTHER_SECTIONS * hit.score : hit.score;
          entry.sections.push(hit);
          byPage.set(page, entry);
        }
        ranked = [...byPage.values()].sort((a, b) => b.score - a.score || a.page - b.page);
      }
      const passes = (r: OfflineResult, skip?: keyof Facets) =>
        facets.every((f) => f === skip || !filters[f]?.length || valuesOf(pages[r.page]!, f).some((v) => filters[f]!.includes(v)));
      const counts: Record<string, Record<string, number>> = { type: {}, actor: {}, issue: {} };
      for (const f of facets)
        for (const r of ranked)
          if (passes(r, f)) for (const v of valuesOf(pages[r.page]!, f)) counts[f]![v] = (counts[f]![v] ?? 0) + 1;
      return { results: ranked.filter((r) => passes(r)), counts };
    },
    async sections(page) {
      const s = shardOf(index.excerptShards, page);
      const rows = await shard<ExcerptsShard>(`excerpts-${s}`);
      const offset = firstSection[page]! - firstSection[index.excerptShards[s]!]!;
      return rows.slice(offset, offset + firstSection[page + 1]! - firstSection[page]!).map((row) =>
        typeof row === 'string' ? { excerpt: row } : { excerpt: row[0], anchor: row[1], heading: row[2] });
    },
  };
}
