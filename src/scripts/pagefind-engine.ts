/**
 * The hosted edition's search engine: Pagefind's JS API, loaded from the site's /pagefind/ bundle on first use, finds
 * candidate pages; the search documents it ranks them with (search-docs.json, written by the build with Pagefind's
 * page ids) and the vocabulary are fetched once. No fragment is loaded per result: results are written from the
 * search documents, as in the offline edition.
 */
import { RANK_FILE, type RankFile } from '../lib/search/search-docs.ts';
import { VOCABULARY_FILE, type SearchVocabulary } from '../lib/search/search-vocabulary.ts';
import type { SearchEngine } from './search-engine.ts';
import type { PagefindApi } from './pagefind-types.ts';

const json = <T>(url: string): Promise<T> =>
  fetch(url).then((r) => {
    if (!r.ok) throw new Error(`${r.url}: ${r.status}`);
    return r.json() as Promise<T>;
  });

export function pagefindEngine(bundle: string, base: string): SearchEngine {
  let api: Promise<PagefindApi> | undefined;
  const pagefind = () =>
    (api ??= import(/* @vite-ignore */ `${bundle}pagefind.js`).then(async (pf: PagefindApi) => {
      await pf.options({ baseUrl: base, highlightParam: 'highlight' });
      await pf.init();
      return pf;
    }));
  let data: Promise<[RankFile, SearchVocabulary]> | undefined;
  const load = () =>
    (data ??= Promise.all([
      json<RankFile>(`${base}${RANK_FILE}`),
      // Without the vocabulary, search still works, unplanned.
      json<SearchVocabulary>(`${base}${VOCABULARY_FILE}`).catch(() => ({ entries: [], positions: [] })),
    ]));
  return {
    async load() {
      const [file, vocabulary] = await load();
      return { docs: file.docs, vocabulary };
    },
    async candidates(words) {
      const [pf, [file]] = await Promise.all([pagefind(), load()]);
      // Any word: one search per word; Pagefind's own stemming and prefixes widen what the ranking sees.
      const found = await Promise.all(words.map((w) => pf.search(w)));
      return [...new Set(found.flatMap((f) => f.results.map((r) => file.pagefind[r.id]).filter((p): p is string => !!p)))];
    },
    url(path, anchor, highlight) {
      const query = highlight.map((w) => `highlight=${encodeURIComponent(w)}`).join('&');
      return `${base}${path.slice(1)}${query ? `?${query}` : ''}${anchor ? `#${anchor}` : ''}`;
    },
    preload(term) {
      void pagefind().then((pf) => pf.preload(term));
      void load();
    },
  };
}
