/**
 * The search page's state and its URL form, pure so it can be tested without a browser.
 *
 *   ?q=enrichment&actor=iran&actor=nowhere   (known actors: iran, united-states)
 *   → { q: 'enrichment', filters: { type: [], actor: ['iran'], issue: [] } }   (unknown values are dropped)
 */
export const FACETS = ['type', 'actor', 'issue'] as const;
export type Facet = (typeof FACETS)[number];

export interface SearchState {
  q: string;
  filters: Record<Facet, string[]>;
}

/** Queries longer than this are searched by their first MAX_QUERY characters. */
export const MAX_QUERY = 200;

export type KnownValues = Record<Facet, ReadonlySet<string>>;

export function emptyState(): SearchState {
  return { q: '', filters: { type: [], actor: [], issue: [] } };
}

/** Reads state from URL parameters, keeping only filter values that exist (in the order of `known`). */
export function readState(params: URLSearchParams, known: KnownValues): SearchState {
  const state = emptyState();
  state.q = params.get('q') ?? '';
  for (const facet of FACETS) {
    const wanted = new Set(params.getAll(facet));
    state.filters[facet] = [...known[facet]].filter((v) => wanted.has(v));
  }
  return state;
}

/**
 * The query string for a state ('' when empty): q first (capped at MAX_QUERY characters, so a pasted essay cannot make
 * a URL that servers refuse), then each facet's values in order.
 */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  const q = state.q.slice(0, MAX_QUERY);
  if (q.trim()) params.set('q', q);
  for (const facet of FACETS) for (const v of state.filters[facet]) params.append(facet, v);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The term to give Pagefind: trimmed and capped; null (filters only) when empty. */
export function searchTerm(q: string): string | null {
  const term = q.trim().slice(0, MAX_QUERY).trim();
  return term ? term : null;
}

/** Pagefind's filter object: within a facet any value may match; across facets all must. */
export function pagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const facet of FACETS) if (state.filters[facet].length) out[facet] = { any: [...state.filters[facet]] };
  return out;
}

/** Whether the state asks for anything at all. */
export const isEmpty = (state: SearchState): boolean =>
  searchTerm(state.q) === null && FACETS.every((f) => state.filters[f].length === 0);
