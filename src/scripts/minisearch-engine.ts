/** The offline edition's search engine: MiniSearch over the payload that search-index.js puts on window. */
import { excerptHtml, loadOfflineIndex, searchOffline, type OfflinePayload } from '../lib/offline-search.ts';
import type { SearchEngine } from './search-engine.ts';

const MAX_SUB_RESULTS = 3;

/** `root` is the relative path from the current page to the edition's root (e.g. "../"). */
export function miniSearchEngine(payload: OfflinePayload, root: string): SearchEngine {
  const engine = loadOfflineIndex(payload);
  const run = (term: string | null, filters: Record<string, { any: string[] }>) =>
    searchOffline(engine, payload, term, { type: filters.type?.any, actor: filters.actor?.any, issue: filters.issue?.any } as never);
  return {
    counts: async () => run(null, {}).counts,
    async search(term, filters) {
      const { results, counts } = run(term, filters);
      return {
        total: results.length,
        counts,
        hits: results.map((r) => async () => {
          const page = payload.pages[r.page]!;
          const url = `${root}${page.path}`;
          const best = r.sections[0];
          const first = payload.sections.find((s) => s.page === r.page)!;
          const terms = best?.terms ?? [];
          const subs = r.sections
            .map((hit) => ({ hit, section: payload.sections[hit.id as number]! }))
            .filter(({ section }) => section.anchor)
            .slice(0, MAX_SUB_RESULTS);
          return {
            url,
            title: page.title,
            type: page.type,
            actors: page.actors,
            issues: page.issues,
            excerpt: excerptHtml(best ? payload.sections[best.id as number]!.text : first.text, terms),
            subResults: subs.map(({ hit, section }) => ({ url: `${url}#${section.anchor}`, title: section.heading, excerpt: excerptHtml(section.text, hit.terms) })),
          };
        }),
      };
    },
  };
}
