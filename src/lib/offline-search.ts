/**
 * The offline edition's search, on MiniSearch: the index is built at build time from the same documents Pagefind
 * indexes (see search-docs.ts) and shipped as a classic script, since file:// pages cannot fetch or import modules.
 * Shared by the build (Node) and the offline search page (browser), so both use one set of options.
 */
import MiniSearch, { type AsPlainObject, type Options, type SearchResult } from 'minisearch';
import type { SearchDoc } from './search-docs.ts';

export interface OfflinePage {
  /** Path from the edition's root, e.g. "actors/iran/index.html". */
  path: string;
  title: string;
  type: string;
  actors: string[];
  issues: string[];
}

export interface OfflineSection {
  /** Index into `pages`. */
  page: number;
  anchor?: string;
  heading: string;
  text: string;
}

export interface OfflinePayload {
  pages: OfflinePage[];
  sections: OfflineSection[];
  index: AsPlainObject;
}

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
  searchOptions: { boost: { keywords: 8, title: 4, heading: 2 }, prefix: (term) => term.length > 2, fuzzy: (term) => (term.length > 5 ? 0.15 : false), combineWith: 'AND' },
};

/** Builds the payload from extracted documents; `pathOf` maps a site URL ("/actors/iran/") to an edition path. */
export function buildOfflinePayload(docs: readonly SearchDoc[], pathOf: (url: string) => string): OfflinePayload {
  const pages: OfflinePage[] = [];
  const sections: OfflineSection[] = [];
  const indexed: IndexedSection[] = [];
  for (const doc of docs) {
    const page = pages.push({ path: pathOf(doc.url), title: doc.title, type: doc.type, actors: doc.actors, issues: doc.issues }) - 1;
    doc.sections.forEach((s, i) => {
      const id = sections.push({ page, heading: s.heading, text: s.text, ...(s.anchor ? { anchor: s.anchor } : {}) }) - 1;
      // The page's own keywords and title count for its first section, so a name finds the page, not a part of it.
      indexed.push({ id, keywords: i === 0 ? doc.keywords : '', title: i === 0 ? doc.title : '', heading: s.anchor ? s.heading : '', text: s.text });
    });
  }
  const search = new MiniSearch<IndexedSection>(MINISEARCH_OPTIONS);
  search.addAll(indexed);
  return { pages, sections, index: search.toJSON() };
}

export function loadOfflineIndex(payload: OfflinePayload): MiniSearch<IndexedSection> {
  return MiniSearch.loadJS<IndexedSection>(payload.index, MINISEARCH_OPTIONS);
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

/**
 * Ranks pages for a term (or all pages when the term is null) and applies the filters: any value within a facet,
 * all facets together. Counts say, for each facet value, how many results it would give with the other facets'
 * selections kept.
 */
export function searchOffline(
  engine: MiniSearch<IndexedSection>,
  payload: OfflinePayload,
  term: string | null,
  filters: Partial<Facets>,
): { results: OfflineResult[]; counts: Record<string, Record<string, number>> } {
  let ranked: OfflineResult[];
  if (term === null) {
    ranked = payload.pages.map((_, page) => ({ page, score: 0, sections: [] }));
  } else {
    const byPage = new Map<number, OfflineResult>();
    for (const hit of engine.search(term)) {
      const page = payload.sections[hit.id as number]!.page;
      const entry = byPage.get(page) ?? { page, score: 0, sections: [] };
      entry.score += hit.score;
      entry.sections.push(hit);
      byPage.set(page, entry);
    }
    ranked = [...byPage.values()].sort((a, b) => b.score - a.score || a.page - b.page);
  }
  const facets = ['type', 'actor', 'issue'] as const;
  const passes = (r: OfflineResult, skip?: keyof Facets) =>
    facets.every((f) => f === skip || !filters[f]?.length || valuesOf(payload.pages[r.page]!, f).some((v) => filters[f]!.includes(v)));
  const counts: Record<string, Record<string, number>> = { type: {}, actor: {}, issue: {} };
  for (const f of facets)
    for (const r of ranked)
      if (passes(r, f)) for (const v of valuesOf(payload.pages[r.page]!, f)) counts[f]![v] = (counts[f]![v] ?? 0) + 1;
  return { results: ranked.filter((r) => passes(r)), counts };
}
