/**
 * How much of each list the one-document brief holds, and so the PDF and the EPUB made from it. A list of up to
 * BRIEF_LIMIT entries is there whole: the real briefing's longest list is its 27 positions, so its documents hold
 * everything. Past the limit the brief holds the first BRIEF_LIMIT in the briefing's own order (the order its pages
 * list them in) and says how many more the site has, and where. A reader of a 1,000- or 10,000-entry briefing wants
 * its narrative, the grid of who wants what on the issues shown, the main actors and the terms, with the rest one
 * link away, not 2,000 printed pages; and printing then costs what the document holds, not what the graph holds.
 *
 *   briefScope(graph).actors → { shown: [the first 40 actors], more: 180, total: 220 }
 */
import type { BriefingGraph } from '../content/briefing-graph.ts';

/** The most entries of one list (narrative parts, actors, issues, events, terms) the brief holds. */
export const BRIEF_LIMIT = 40;

export interface Scoped<T> {
  shown: T[];
  /** How many the list has beyond those shown (0: the list is whole). */
  more: number;
  total: number;
}

export function scoped<T>(items: readonly T[], limit = BRIEF_LIMIT): Scoped<T> {
  return { shown: items.slice(0, limit), more: Math.max(0, items.length - limit), total: items.length };
}

type Graph = Pick<BriefingGraph, 'briefing' | 'actors' | 'issues' | 'events' | 'glossary'>;

export interface BriefScope<G extends Graph = Graph> {
  parts: Scoped<G['briefing'][number]>;
  actors: Scoped<G['actors'][number]>;
  issues: Scoped<G['issues'][number]>;
  events: Scoped<G['events'][number]>;
  glossary: Scoped<G['glossary'][number]>;
  /** The ids of the actors, issues and events shown, for the drawings and the grid the brief holds. */
  ids: { actors: ReadonlySet<string>; issues: ReadonlySet<string>; events: ReadonlySet<string> };
  /** Whether every list is whole. */
  whole: boolean;
}

/** What the brief holds of the graph (its entries keep their own types: the brief renders them). */
export function briefScope<G extends Graph>(graph: G, limit = BRIEF_LIMIT): BriefScope<G> {
  const parts = scoped<G['briefing'][number]>(graph.briefing, limit);
  const actors = scoped<G['actors'][number]>(graph.actors, limit);
  const issues = scoped<G['issues'][number]>(graph.issues, limit);
  const events = scoped<G['events'][number]>(graph.events, limit);
  const glossary = scoped<G['glossary'][number]>(graph.glossary, limit);
  const ids = (list: Scoped<{ id: string }>) => new Set(list.shown.map((e) => e.id));
  return {
    parts, actors, issues, events, glossary,
    ids: { actors: ids(actors), issues: ids(issues), events: ids(events) },
    whole: [parts, actors, issues, events, glossary].every((l) => l.more === 0),
  };
}
