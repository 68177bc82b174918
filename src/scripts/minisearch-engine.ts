/** The offline edition's search engine: MiniSearch over search-index.js and the shards it loads on demand. */
import { openOfflineSearch, SHARD_GLOBAL, shardFile, type OfflineIndex, type OfflinePage, type ShardLoader } from '../lib/search/offline-search.ts';
import type { RankDoc } from '../lib/search/search-rank.ts';
import type { SearchEngine } from './search-engine.ts';

type ShardStore = Record<string, unknown>;

/**
 * Loads search-index/NAME.js the one way file:// allows, as a classic <script> appended to the page, and takes the
 * data it left in self.BRIEFING_SEARCH_SHARDS. `root` is the relative path from the page to the edition's root.
 */
export function scriptLoader(root: string, doc: Document = document, scope: Record<string, unknown> = globalThis as never): ShardLoader {
  return (name) =>
    new Promise((resolve, reject) => {
      const script = doc.createElement('script');
      script.src = `${root}${shardFile(name)}`;
      script.onload = () => {
        script.remove();
        const store = scope[SHARD_GLOBAL] as ShardStore | undefined;
        const data = store?.[name];
        if (store) delete store[name];
        if (data === undefined) reject(new Error(`${script.src} loaded but left no "${name}" in ${SHARD_GLOBAL}: rebuild the offline edition.`));
        else resolve(data);
      };
      script.onerror = () => {
        script.remove();
        reject(new Error(`Could not load ${script.src}: the offline edition is incomplete; unpack the zip again.`));
      };
      doc.head.append(script);
    });
}

export function miniSearchEngine(index: OfflineIndex, root: string, load: ShardLoader = scriptLoader(root)): SearchEngine {
  const offline = openOfflineSearch(index, load);
  const pathOf = (page: OfflinePage) => `/${page.path.replace(/index\.html$/, '')}`;
  const fileOf = new Map(index.pages.map((page) => [pathOf(page), page.path]));
  let docs: Promise<RankDoc[]> | undefined;
  return {
    // The search documents, as the hosted edition's search-docs.json has them: each page's record and its sections.
    load: async () => ({
      docs: await (docs ??= Promise.all(index.pages.map(async (page, i): Promise<RankDoc> => ({
        path: pathOf(page), title: page.title, type: page.type, actors: page.actors, issues: page.issues, summary: page.summary,
        ...(page.stance ? { stance: page.stance } : {}), keywords: page.keywords,
        sections: (await offline.sections(i)).map((s) => ({ ...(s.anchor ? { anchor: s.anchor, heading: s.heading ?? '' } : {}), text: s.excerpt })),
      })))),
      vocabulary: index.vocabulary,
    }),
    async candidates(words) {
      if (words.length === 0) return [];
      const { results } = await offline.search(words.join(' '), {}, { anyWord: true });
      return results.map((r) => pathOf(index.pages[r.page]!));
    },
    // file:// pages have no highlighter: the link opens the page (and section).
    url: (path, anchor) => `${root}${fileOf.get(path) ?? path.slice(1)}${anchor ? `#${anchor}` : ''}`,
    preload: (term) => offline.preload(term),
  };
}
