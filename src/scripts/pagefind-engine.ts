/** The hosted edition's search engine: Pagefind's JS API, loaded from the site's /pagefind/ bundle on first use. */
import type { FilterCounts, SearchEngine, SearchHit } from './search-engine.ts';
import type { PagefindApi, PagefindResultData } from './pagefind-types.ts';

const MAX_SUB_RESULTS = 3;

function toHit(data: PagefindResultData): SearchHit {
  return {
    url: data.url,
    title: data.meta.title ?? data.url,
    type: data.meta.type,
    actors: data.filters.actor ?? [],
    issues: data.filters.issue ?? [],
    excerpt: data.excerpt,
    subResults: data.sub_results.filter((s) => s.anchor).slice(0, MAX_SUB_RESULTS).map((s) => ({ url: s.url, title: s.title, excerpt: s.excerpt })),
  };
}

export function pagefindEngine(bundle: string, base: string): SearchEngine {
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
  return {
    counts: async (): Promise<FilterCounts> => (await load()).filters(),
    async search(term, filters) {
      const pf = await load();
      const found = await pf.search(term, { filters });
      return { total: found.results.length, counts: found.filters, hits: found.results.map((r) => async () => toHit(await r.data())) };
    },
    preload(term) {
      void load().then((pf) => pf.preload(term));
    },
  };
}
