/** The parts of Pagefind's browser API (dist/pagefind/pagefind.js) this site uses. */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { element: string; id: string };
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  /** The indexed text, and where the query's words are in it (word positions), with the weight of each. */
  content: string;
  locations: number[];
  weighted_locations: { weight: number; location: number }[];
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
}

export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindSearch {
  results: { id: string; score: number; data(): Promise<PagefindResultData> }[];
  filters: FilterCounts;
  totalFilters: FilterCounts;
  unfilteredResultCount: number;
}

export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, unknown> }): Promise<PagefindSearch>;
  filters(): Promise<FilterCounts>;
  preload(term: string, options?: { filters?: Record<string, unknown> }): Promise<void>;
}
