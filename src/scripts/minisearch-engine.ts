/** The offline edition's search engine: MiniSearch over search-index.js and the shards it loads on demand. */
import { excerptHtml, openOfflineSearch, SHARD_GLOBAL, shardFile, type OfflineIndex, type OfflinePage, type OfflineResult, type ShardLoader } from '../lib/offline-search.ts';
import { passes, type Filters, type SearchEngine, type SearchHit } from './search-engine.ts';

const MAX_SUB_RESULTS = 3;

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
  const facetsOf = (filters: Filters) => ({ type: filters.type?.any ?? [], actor: filters.actor?.any ?? [], issue: filters.issue?.any ?? [] });
  const pathOf = (page: OfflinePage) => `/${page.path.replace(/index\.html$/, '')}`;
  const byPath = new Map(index.pages.map((page, i) => [pathOf(page), i]));
  const hitOf = async (i: number, matched: OfflineResult['sections'] = []): Promise<SearchHit> => {
    const page = index.pages[i]!;
    const url = `${root}${page.path}`;
    const sections = await offline.sections(i);
    const sectionOf = (id: unknown) => sections[(id as number) - index.firstSection[i]!]!;
    const best = matched[0];
    const subs = matched
      .map((hit) => ({ hit, section: sectionOf(hit.id) }))
      .filter(({ section }) => section.anchor)
      .slice(0, MAX_SUB_RESULTS);
    return {
      path: pathOf(page),
      url,
      title: page.title,
      type: page.type,
      actors: page.actors,
      issues: page.issues,
      summary: page.summary,
      stance: page.stance,
      excerpt: excerptHtml(best ? sectionOf(best.id).excerpt : (sections[0]?.excerpt ?? ''), best?.terms ?? []),
      subResults: subs.map(({ hit, section }) => ({ url: `${url}#${section.anchor}`, title: section.heading ?? '', excerpt: excerptHtml(section.excerpt, hit.terms) })),
    };
  };
  return {
    counts: async () => (await offline.search(null, {})).counts,
    preload: (term) => offline.preload(term),
    vocabulary: async () => index.vocabulary,
    async search(term, filters, options = {}) {
      const { results, counts } = await offline.search(term, facetsOf(filters), options);
      return { total: results.length, counts, hits: results.map((r) => () => hitOf(r.page, r.sections)) };
    },
    async lookup(best, filters) {
      const i = byPath.get(best.path);
      if (i === undefined) return null;
      const hit = await hitOf(i);
      return passes(hit, filters) ? hit : null;
    },
  };
}
