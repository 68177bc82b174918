/**
 * What the search page needs from a search engine. Two engines implement it: Pagefind (hosted edition) and
 * MiniSearch over a prebuilt index (offline edition, where Pagefind cannot run), so both editions share one UI and
 * one query plan (src/lib/search-vocabulary.ts).
 */
import type { BestMatch, SearchVocabulary } from '../lib/search-vocabulary.ts';

export type FilterCounts = Record<string, Record<string, number>>;
export type Filters = Record<string, { any: string[] }>;

export interface SearchHit {
  /** Site-relative path of the page ("/actors/iran/"), the same in both editions. */
  path: string;
  /** Where the result links (with the base path, or relative on file://). */
  url: string;
  title: string;
  type: string | undefined;
  actors: string[];
  issues: string[];
  /** One line about the page (a position's headline). */
  summary: string;
  /** A position's stance key. */
  stance: string | undefined;
  /** HTML: text with matched words in <mark>; the UI keeps only text and <mark>. */
  excerpt: string;
  subResults: { url: string; title: string; excerpt: string }[];
}

export interface SearchOutcome {
  total: number;
  /** For each filter value, how many results there would be with it selected. */
  counts: FilterCounts;
  /** Results in rank order, each loaded on demand. */
  hits: (() => Promise<SearchHit>)[];
}

export interface SearchEngine {
  /** Counts of every filter value over the whole site. */
  counts(): Promise<FilterCounts>;
  /** Pages with every word of the term; with `anyWord`, pages with any of them, those with more words first. */
  search(term: string | null, filters: Filters, options?: { anyWord?: boolean }): Promise<SearchOutcome>;
  /** The names and positions queries are planned with. */
  vocabulary(): Promise<SearchVocabulary>;
  /** A best match's result, or null when the filters leave it out (or the index lacks it); `term` is highlighted. */
  lookup(best: BestMatch, filters: Filters, term: string | null): Promise<SearchHit | null>;
  /** Optional warm-up while the reader types. */
  preload?(term: string): void;
}

/** Whether a hit passes the filters: any value within a facet, every facet. */
export function passes(hit: Pick<SearchHit, 'type' | 'actors' | 'issues'>, filters: Filters): boolean {
  const values: Record<string, readonly string[]> = { type: hit.type ? [hit.type] : [], actor: hit.actors, issue: hit.issues };
  return Object.entries(filters).every(([facet, { any }]) => any.length === 0 || (values[facet] ?? []).some((v) => any.includes(v)));
}
