/**
 * What the search page needs from a search engine. Two engines implement it: Pagefind (hosted edition) and
 * MiniSearch over a prebuilt index (offline edition, where Pagefind cannot run), so both editions share one UI.
 */
export type FilterCounts = Record<string, Record<string, number>>;
export type Filters = Record<string, { any: string[] }>;

export interface SearchHit {
  url: string;
  title: string;
  type: string | undefined;
  actors: string[];
  issues: string[];
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
  search(term: string | null, filters: Filters): Promise<SearchOutcome>;
  /** Optional warm-up while the reader types. */
  preload?(term: string): void;
}
