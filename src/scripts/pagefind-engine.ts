/** The hosted edition's search engine: Pagefind's JS API, loaded from the site's /pagefind/ bundle on first use. */
import { VOCABULARY_FILE, type SearchVocabulary } from '../lib/search-vocabulary.ts';
import { passes, type FilterCounts, type Filters, type SearchEngine, type SearchHit } from './search-engine.ts';
import type { PagefindApi, PagefindResultData, PagefindSearch } from './pagefind-types.ts';

const MAX_SUB_RESULTS = 3;
/** How many of a lookup's results are opened to find the page looked for. */
const LOOKUP_DEPTH = 8;

const EXCERPT_WORDS = 24;
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * About EXCERPT_WORDS words around the first match in the page's text, matched words in <mark>. Pagefind's own
 * excerpt goes where weighted matches cluster, which is the title and keywords (weights 7 and 10) for a name, so it
 * would show a run of names; text is weight 1. Empty when the words match only in the title or keywords.
 */
export function bodyExcerpt(data: Pick<PagefindResultData, 'content' | 'locations' | 'weighted_locations'>): string {
  const inText = data.weighted_locations.filter((l) => l.weight <= 1).map((l) => l.location).sort((a, b) => a - b);
  if (inText.length === 0) return '';
  const words = data.content.split(/\s+/).filter(Boolean);
  // Some words of lead-in, but none from the title or keywords before the match.
  const first = inText[0]!;
  const heavyBefore = data.weighted_locations.filter((l) => l.weight > 1 && l.location < first).map((l) => l.location);
  const start = Math.max(0, first - Math.floor(EXCERPT_WORDS / 3), heavyBefore.length ? Math.max(...heavyBefore) + 1 : 0);
  const marked = new Set(data.locations);
  const slice = words.slice(start, start + EXCERPT_WORDS).map((w, i) => (marked.has(start + i) ? `<mark>${escapeHtml(w)}</mark>` : escapeHtml(w)));
  return `${start > 0 ? '… ' : ''}${slice.join(' ')}${start + EXCERPT_WORDS < words.length ? ' …' : ''}`;
}

export function pagefindEngine(bundle: string, base: string): SearchEngine {
  // Result URLs carry the base path and the ?highlight= words; a page's path is without either.
  const pathOf = (url: string) => {
    const bare = url.replace(/[?#].*$/, '');
    return `/${bare.startsWith(base) ? bare.slice(base.length) : bare.replace(/^\//, '')}`;
  };
  const toHit = (data: PagefindResultData): SearchHit => ({
    path: pathOf(data.url),
    url: data.url,
    title: data.meta.title ?? data.url,
    type: data.meta.type,
    actors: data.filters.actor ?? [],
    issues: data.filters.issue ?? [],
    summary: data.meta.summary ?? '',
    stance: data.meta.stance,
    excerpt: bodyExcerpt(data),
    subResults: data.sub_results.filter((s) => s.anchor).slice(0, MAX_SUB_RESULTS).map((s) => ({ url: s.url, title: s.title, excerpt: s.excerpt })),
  });
  let api: Promise<PagefindApi> | undefined;
  const load = () =>
    (api ??= import(/* @vite-ignore */ `${bundle}pagefind.js`).then(async (pf: PagefindApi) => {
      // Less length normalisation than Pagefind's default (0.75): an actor's or term's own page is long (it gathers
      // positions, relations and events), and should not lose its name to a short page that only mentions it.
      await pf.options({ baseUrl: base, highlightParam: 'highlight', excerptLength: 24, ranking: { pageLength: 0.3 } });
      await pf.init();
      // Loads every filter index up front: without it, search() may answer before the counts can be computed.
      await pf.filters();
      return pf;
    }));
  let vocabulary: Promise<SearchVocabulary> | undefined;
  return {
    counts: async (): Promise<FilterCounts> => (await load()).filters(),
    vocabulary: () =>
      (vocabulary ??= fetch(`${base}${VOCABULARY_FILE}`).then((r) => {
        if (!r.ok) throw new Error(`${r.url}: ${r.status}`);
        return r.json() as Promise<SearchVocabulary>;
      }).catch(() => ({ entries: [], positions: [] }))), // without it, search still works, unplanned
    async search(term, filters, options = {}) {
      const pf = await load();
      const words = term?.split(/\s+/).filter(Boolean) ?? [];
      if (!options.anyWord || words.length < 2) {
        const found = await pf.search(term, { filters });
        return { total: found.results.length, counts: found.filters, hits: found.results.map((r) => async () => toHit(await r.data())) };
      }
      // Any word: one search per word, pages ranked by how many words they have, then by their summed scores.
      const each: PagefindSearch[] = await Promise.all(words.map((w) => pf.search(w, { filters })));
      const merged = new Map<string, { result: PagefindSearch['results'][number]; words: number; score: number }>();
      for (const found of each)
        for (const r of found.results) {
          const seen = merged.get(r.id);
          if (seen) Object.assign(seen, { words: seen.words + 1, score: seen.score + r.score });
          else merged.set(r.id, { result: r, words: 1, score: r.score });
        }
      const ranked = [...merged.values()].sort((a, b) => b.words - a.words || b.score - a.score);
      // Counts of a union are at least the largest of its parts: Pagefind reports them per search only.
      const counts: FilterCounts = {};
      for (const found of each)
        for (const [facet, values] of Object.entries(found.filters))
          for (const [value, n] of Object.entries(values)) (counts[facet] ??= {})[value] = Math.max(counts[facet]?.[value] ?? 0, n);
      return { total: ranked.length, counts, hits: ranked.map(({ result }) => async () => toHit(await result.data())) };
    },
    async lookup(best, filters, term) {
      const pf = await load();
      // The page's own type, and its actor or issue: a name search within them finds the page among a few.
      const own: Filters = { type: { any: [best.type] } };
      if (best.actor) own.actor = { any: [best.actor] };
      if (best.issue) own.issue = { any: [best.issue] };
      const found = await pf.search(best.name, { filters: own });
      for (const r of found.results.slice(0, LOOKUP_DEPTH)) {
        const hit = toHit(await r.data());
        if (hit.path !== best.path) continue;
        if (!passes(hit, filters)) return null;
        // The link highlights the reader's words, not the name it was looked up by.
        const highlight = term?.split(/\s+/).filter(Boolean).map((w) => `highlight=${encodeURIComponent(w)}`).join('&');
        return { ...hit, url: `${hit.url.replace(/[?#].*$/, '')}${highlight ? `?${highlight}` : ''}` };
      }
      return null;
    },
    preload(term) {
      void load().then((pf) => pf.preload(term));
    },
  };
}
