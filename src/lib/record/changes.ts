/**
 * "What changed", as readers see it: the content graph's updates (src/lib/content/updates.ts, one per source date) with titles,
 * paths and sentences, newest first. The /changes/ page, the home page's latest-update line, the Atom feed and the
 * search documents all read this, so they always say the same thing.
 *
 *   changeLog(graph) → [{ date: 2026-02-20, anchor: 'update-2026-02-20', first: false,
 *                          sources: [{ title: 'Fictional test report…', path: '/sources/fictional-round-two/' }],
 *                          changed: [{ actor: 'Iran', issue: 'Uranium enrichment', from: 'conditional', to: 'demands', … }],
 *                          added: [{ collection: 'events', label: 'events', items: [{ title, path }] }], revised: [],
 *                          summary: '1 stance changed; 1 event added.' },
 *                        { date: 2026-02-06, first: true, summary: 'First edition: 18 actors, 10 issues, …' }]
 *
 * The first update is the briefing's first edition: it is summarised by counts, not listed entry by entry.
 */
import type { CollectionName } from '../../schemas/common.ts';
import type { Stance } from '../../schemas/stance.ts';
import type { BriefingGraph } from '../content/briefing-graph.ts';
import { perGraph } from '../content/per-graph.ts';
import { isoDay } from '../../schemas/dates.ts';
import { entryPath } from '../pages/links.ts';

/** An entry the update names, ready to link. */
export interface ChangeLink {
  title: string;
  /** Site-relative path, without the base path. */
  path: string;
}

/** One stance that changed: the actor's position on the issue went from one stance to another. */
export interface ChangedStance {
  /** The new position, and its page. */
  position: string;
  path: string;
  /** The replaced position, and its page. */
  previous: string;
  previousPath: string;
  actor: string;
  issue: string;
  from: Stance;
  to: Stance;
}

/** Entries of one kind that an update added. */
export interface AddedGroup {
  collection: CollectionName;
  /** Plural, lower case: "events", "glossary terms". */
  label: string;
  items: ChangeLink[];
}

export interface ChangeEntry {
  date: Date;
  /** The update's id on /changes/ ("update-2026-02-20"), and the feed entry's fragment. */
  anchor: string;
  /** The briefing's first edition. */
  first: boolean;
  sources: ChangeLink[];
  /** The ids of the update's sources. */
  sourceIds: string[];
  changed: ChangedStance[];
  added: AddedGroup[];
  revised: ChangeLink[];
  /** One sentence that says what the update did. */
  summary: string;
  /** What it added, counted by kind: "5 briefing pages, 18 actors … and 13 glossary terms". */
  counts: string;
}

/** Kinds of entries in the order an update lists them, with their singular and plural names. */
export const ADDED_KINDS: readonly { collection: CollectionName; one: string; many: string }[] = [
  { collection: 'briefing', one: 'briefing page', many: 'briefing pages' },
  { collection: 'actors', one: 'actor', many: 'actors' },
  { collection: 'issues', one: 'issue', many: 'issues' },
  { collection: 'positions', one: 'position', many: 'positions' },
  { collection: 'events', one: 'event', many: 'events' },
  { collection: 'glossary', one: 'glossary term', many: 'glossary terms' },
];

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "a, b and c". */
export const listJoin = (items: readonly string[]): string =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** Every update of the briefing, newest first. */
export function changeLog(g: BriefingGraph): ChangeEntry[] {
  const positionById = positionsById(g);
  const sourceById = new Map(g.sources.map((s) => [s.id, s]));
  const link = (key: string): ChangeLink | undefined => {
    const page = g.pageByKey.get(key);
    return page ? { title: page.title, path: page.path } : undefined;
  };
  const entries = g.time.updates.map((u, index): ChangeEntry => {
    const first = index === 0;
    const changed = u.changed.flatMap((c): ChangedStance[] => {
      const p = positionById.get(c.position);
      if (!p) return [];
      return [{
        position: c.position, path: entryPath('positions', c.position), previous: c.previous, previousPath: entryPath('positions', c.previous),
        actor: g.actorName(p.data.actor.id), issue: g.issueTitle(p.data.issue.id), from: c.from as Stance, to: c.to as Stance,
      }];
    });
    const added = ADDED_KINDS.flatMap(({ collection, one, many }): AddedGroup[] => {
      const items = u.added.filter((k) => k.startsWith(`${collection}/`)).flatMap((k) => link(k) ?? []);
      return items.length ? [{ collection, label: items.length === 1 ? one : many, items }] : [];
    });
    const revised = u.revised.flatMap((k) => link(k) ?? []);
    const sources = u.sources.map((id) => ({ title: sourceById.get(id)?.data.title ?? id, path: entryPath('sources', id) }));
    const addedCounts = added.map((a) => `${a.items.length} ${a.label}`);
    const counts = listJoin(addedCounts);
    const summary = first
      ? `First edition: ${counts}, from ${sources.length === 1 ? 'one source' : `${sources.length} sources`}.`
      : `${[
        changed.length > 0 && `${count(changed.length, 'stance', 'stances')} changed`,
        ...addedCounts.map((a) => `${a} added`),
        revised.length > 0 && `${count(revised.length, 'entry', 'entries')} revised`,
      ].filter(Boolean).join('; ') || 'A new source, cited by nothing yet'}.`;
    return { date: u.date, anchor: `update-${isoDay(u.date)}`, first, sources, sourceIds: [...u.sources], changed, added, revised, summary, counts };
  });
  return entries.reverse();
}

/** The positions by id, once per graph (pages ask for every position, so no list is scanned per call). */
const positionsById = perGraph((g: BriefingGraph) => new Map(g.positions.map((p) => [p.id, p])));

/** The date a position changed its actor's stance (it replaces an older one); undefined for a first stance. */
export function changedOn(g: BriefingGraph, positionId: string): Date | undefined {
  const byId = positionsById(g);
  const previous = byId.get(positionId)?.data.supersedes?.id;
  if (!previous || !byId.has(previous)) return undefined;
  return g.time.asOfEntry(`positions/${positionId}`);
}

/** What replaced a position, and when; undefined for a current one. */
export function replacedBy(g: BriefingGraph, positionId: string): { id: string; date: Date } | undefined {
  const id = g.time.supersededBy(positionId);
  const date = id ? g.time.asOfEntry(`positions/${id}`) : undefined;
  return id && date ? { id, date } : undefined;
}
