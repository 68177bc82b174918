/**
 * What the search page needs from a search engine. Two engines implement it: Pagefind (hosted edition) and
 * MiniSearch over a prebuilt index (offline edition, where Pagefind cannot run). An engine only finds candidate pages;
 * the search page ranks them and writes their results with one shared module (src/lib/search/search-rank.ts) over the same
 * search documents and the same query plan (src/lib/search/search-vocabulary.ts), so both editions answer alike.
 */
import { answerSnippet, type RankDoc } from '../lib/search/search-rank.ts';
import type { SearchVocabulary } from '../lib/search/search-vocabulary.ts';

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
  /** HTML: a sentence of the page's own text with matched words in <mark>, or '' (the result shows the summary). */
  excerpt: string;
  subResults: { url: string; title: string; excerpt: string }[];
}

export interface SearchEngine {
  /** The search documents (every page) and the vocabulary, loaded once. */
  load(): Promise<{ docs: RankDoc[]; vocabulary: SearchVocabulary }>;
  /** Paths of the pages that have any of the words, by the engine's own matching. */
  candidates(words: readonly string[]): Promise<string[]>;
  /** Where a result links: the page (and section), with the reader's words to highlight where the edition can. */
  url(path: string, anchor: string | undefined, highlight: readonly string[]): string;
  /** Optional warm-up while the reader types. */
  preload?(term: string): void;
}

/** Whether a page passes the filters: any value within a facet, every facet (but `skip`). */
export function passes(hit: Pick<RankDoc, 'type' | 'actors' | 'issues'>, filters: Filters, skip?: string): boolean {
  const values: Record<string, readonly string[]> = { type: hit.type ? [hit.type] : [], actor: hit.actors, issue: hit.issues };
  return Object.entries(filters).every(([facet, { any }]) => facet === skip || any.length === 0 || (values[facet] ?? []).some((v) => any.includes(v)));
}

/** Sub-results shown under a result, at most: sections other than the one its excerpt comes from. */
const MAX_SUB_RESULTS = 2;

/** A result as both editions show it: the page's title, and the sentence of its own text that answers. */
export function hitOf(doc: RankDoc, stems: readonly string[], url: SearchEngine['url'], highlight: readonly string[]): SearchHit {
  const main = answerSnippet(doc, stems);
  const subs = doc.sections
    .filter((s) => s.anchor && s.anchor !== main?.anchor)
    .flatMap((s) => {
      const snippet = answerSnippet({ sections: [s] }, stems);
      return snippet ? [{ url: url(doc.path, s.anchor, highlight), title: s.heading ?? '', excerpt: snippet.html }] : [];
    })
    .slice(0, MAX_SUB_RESULTS);
  return {
    path: doc.path, url: url(doc.path, undefined, highlight), title: doc.title, type: doc.type, actors: doc.actors, issues: doc.issues,
    summary: doc.summary, stance: doc.stance, excerpt: main?.html ?? '', subResults: subs,
  };
}
