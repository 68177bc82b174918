/**
 * The content graph: one pure function from parsed entries to everything the site needs to know about them —
 * sorted lists, lookups, titles, link targets, who cites each paragraph, who mentions whom, and every problem.
 *
 * It runs twice per build on the same files, with the same messages: the validator calls it on the files it read
 * (src/lib/content/validate-content.ts, before Astro runs, so a bad edit fails in a second), and site-data calls it on Astro's
 * collections (src/lib/content/site-data.ts, for the pages). Nothing here reads files or knows about Astro.
 *
 *   buildBriefing({ briefing, actors, issues, positions, events, glossary, sources }, { base: '/', bodies })
 *   → { actors (sorted), positionsOnIssue('sanctions-relief'), citers.get('muscat-2026-02-06#3'), problems, … }
 */
import type { ActorData } from '../../schemas/actor.ts';
import type { BriefingData } from '../../schemas/briefing.ts';
import type { CollectionName } from '../../schemas/common.ts';
import { COLLECTION_TABLE, type LinkSpec } from '../../schemas/collections.ts';
import type { EventData } from '../../schemas/event.ts';
import type { GlossaryData } from '../../schemas/glossary.ts';
import type { IssueData } from '../../schemas/issue.ts';
import type { PositionData } from '../../schemas/position.ts';
import type { Source } from '../../schemas/source.ts';
import { ACTOR_KINDS } from '../../schemas/actor.ts';
import { plainCitation, type Citation, type CitationData, type CitationRecord } from '../../schemas/citations.ts';
import { aliasClashes, createMatcher, linkEntities, type LinkTarget, type Matcher } from '../../plugins/entity-linker.ts';
import { checkIntegrity, uncitedParagraphs, type EntryRecord, type ReferenceRecord } from './integrity.ts';
import { entryPath, withBase } from '../pages/links.ts';
import { listRelations, type Relation } from './relations.ts';
import { lowerFirst } from './text.ts';
import { formatDay } from '../../schemas/dates.ts';
import { timeline } from './updates.ts';

/** An entry as both Astro's collections and the validator's reader give it. */
export interface GraphEntry<D> {
  id: string;
  collection: string;
  filePath?: string | undefined;
  data: D;
}

export interface BriefingEntries {
  briefing: readonly GraphEntry<BriefingData>[];
  actors: readonly GraphEntry<ActorData>[];
  issues: readonly GraphEntry<IssueData>[];
  positions: readonly GraphEntry<PositionData>[];
  events: readonly GraphEntry<EventData>[];
  glossary: readonly GraphEntry<GlossaryData>[];
  sources: readonly GraphEntry<Source>[];
}

/** What an MDX body holds besides its text: its <Cite> citations and the entries it mentions. */
export interface BodyFacts {
  citations: readonly Citation[];
  mentions: readonly string[];
}

export interface GraphOptions {
  /** The base path links are built under ('/' or '/x/y/'). */
  base: string;
  /** Facts of each MDX body, by "collection/id" (from remark-citations and remark-entity-links). */
  bodies?: ReadonlyMap<string, BodyFacts>;
  /** Ids that exist per collection beyond the valid entries (broken files), so one bad file gives one message. */
  known?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Paragraph counts of sources beyond the valid ones (a source that failed its schema), for the same reason. */
  paragraphCounts?: Readonly<Record<string, number>>;
}

/** A page that cites or mentions something, ready to link. */
export interface PageRef {
  collection: CollectionName;
  id: string;
  title: string;
  path: string;
}

type Item<E extends BriefingEntries, K extends keyof BriefingEntries> = E[K][number];

const keyOf = (e: { collection: string; id: string }) => `${e.collection}/${e.id}`;
const byOrder = <T extends { data: { order: number } }>(a: T, b: T) => a.data.order - b.data.order;

/** Groups items by a key once, so pages look lists up instead of scanning every record. */
function groupBy<T>(items: readonly T[], keys: (item: T) => Iterable<string>): (key: string) => T[] {
  const map = new Map<string, T[]>();
  for (const item of items)
    for (const key of new Set(keys(item))) {
      const list = map.get(key);
      if (list) list.push(item);
      else map.set(key, [item]);
    }
  return (key) => map.get(key) ?? [];
}

/** Every actor and glossary term as a link target, from the collection table's `link` rows. */
/**
 * An event the source does not date: listed apart from the dated ones, by title, in no implied order (where the
 * source's wording puts it after or before another event, its note says so and the timeline graphic draws the span).
 */
export const undatedEvent = (e: Pick<EventData, 'date'>): boolean => e.date === null;

export function linkTargetsOf(entries: Pick<BriefingEntries, 'actors' | 'glossary'>, base: string): LinkTarget[] {
  const target = (collection: 'actors' | 'glossary', link: LinkSpec, e: GraphEntry<Record<string, unknown>>): LinkTarget => {
    const name = String(e.data[link.nameField] ?? e.id);
    // Aliases (the sources' names) and other names (ours, for readers who type them) both link.
    const aliases = [e.data.aliases, e.data.otherNames].flatMap((list) => (Array.isArray(list) ? list : [])).filter((a): a is string => typeof a === 'string');
    return {
      key: `${collection}/${e.id}`, kind: link.kind, url: withBase(base, entryPath(collection, e.id)), file: e.filePath ?? `${collection}/${e.id}`,
      names: [name, ...aliases], preview: `${name}${link.previewLabel ? ` (${link.previewLabel})` : ''}: ${String(e.data[link.previewField] ?? '')}`,
    };
  };
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return [
    ...[...entries.glossary].sort(byId).map((e) => target('glossary', COLLECTION_TABLE.glossary.link, e as GraphEntry<Record<string, unknown>>)),
    ...[...entries.actors].sort(byId).map((e) => target('actors', COLLECTION_TABLE.actors.link, e as GraphEntry<Record<string, unknown>>)),
  ];
}

/**
 * A position's file is named after what it is (`<actor>--<issue>.yaml`, or `<actor>--<issue>--<anything>.yaml` for a
 * second stance), so its URL says what the page shows: a file whose fields say otherwise is refused.
 */
export function positionNameProblems(positions: readonly GraphEntry<PositionData>[], exists: (collection: CollectionName, id: string) => boolean): string[] {
  return positions.flatMap((p) => {
    const expected = `${p.data.actor.id}--${p.data.issue.id}`;
    if (p.id === expected || p.id.startsWith(`${expected}--`)) return [];
    // A reference to nothing has its own message; the file name is only compared with references that resolve.
    if (!exists('actors', p.data.actor.id) || !exists('issues', p.data.issue.id)) return [];
    return [
      `${p.filePath ?? `positions/${p.id}`}: the file name says "${p.id}", but its fields say actor "${p.data.actor.id}" on issue "${p.data.issue.id}". ` +
        `Fix: rename the file to ${expected}.yaml (or ${expected}--2.yaml beside another), or correct the fields.`,
    ];
  });
}

/** The longest title a position's aspect may make. */
export const MAX_TITLE = 72;

/**
 * An actor's positions on one issue must say how they differ: each needs an `aspect` (it ends the title) and
 * siblings need different aspects and headlines, or pages, search results and previews would look duplicated.
 */
export function siblingPositionProblems(positions: readonly GraphEntry<PositionData>[]): string[] {
  const groups = new Map<string, GraphEntry<PositionData>[]>();
  for (const p of positions) {
    const key = `${p.data.actor.id}--${p.data.issue.id}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const file = (p: GraphEntry<PositionData>) => p.filePath ?? `positions/${p.id}`;
  return [...groups.values()].filter((g) => g.length > 1).flatMap((group) => {
    const others = (p: GraphEntry<PositionData>) => group.filter((o) => o !== p).map((o) => o.id).join(', ');
    const problems: string[] = [];
    for (const p of group) {
      if (!p.data.aspect)
        problems.push(`${file(p)}: field "aspect" is missing; ${p.data.actor.id} has other positions on ${p.data.issue.id} (${others(p)}). ` +
          'Fix: add aspect: a few lowercase words saying what sets this one apart (e.g. "could consider limits").');
    }
    for (const field of ['aspect', 'headline'] as const) {
      const seen = new Map<string, GraphEntry<PositionData>>();
      for (const p of group) {
        const value = p.data[field]?.trim().toLowerCase();
        if (!value) continue;
        const first = seen.get(value);
        if (first) problems.push(`${file(p)}: field "${field}" is the same as in ${file(first)} ("${p.data[field]}"). Fix: say how this position differs from that one.`);
        else seen.set(value, p);
      }
    }
    return problems;
  });
}

/** Affiliations that loop back (Iran → Araqchi → Iran): each loop once, named from its first actor in id order. */
export function affiliationLoops(actors: readonly GraphEntry<ActorData>[]): string[] {
  const parent = new Map(actors.map((a) => [a.id, a.data.affiliation?.id]));
  const file = new Map(actors.map((a) => [a.id, a.filePath ?? `actors/${a.id}`]));
  const reported = new Set<string>();
  const problems: string[] = [];
  for (const start of [...parent.keys()].sort()) {
    const path: string[] = [];
    for (let at: string | undefined = start; at !== undefined && parent.has(at); at = parent.get(at)) {
      const seen = path.indexOf(at);
      if (seen >= 0) {
        const loop = path.slice(seen);
        const key = [...loop].sort().join(' ');
        if (!reported.has(key)) {
          reported.add(key);
          const first = [...loop].sort()[0]!;
          const from = loop.indexOf(first);
          const ordered = [...loop.slice(from), ...loop.slice(0, from), first];
          problems.push(`${file.get(first)}: field "affiliation" makes a loop: ${ordered.join(' → ')}. Fix: an actor belongs to one above it; remove the affiliation from one of them.`);
        }
        break;
      }
      path.push(at);
    }
  }
  return problems;
}

/** The text mentions of one string, found by the linker (nothing is linked: only the keys are returned). */
function textMentions(matcher: Matcher, text: string): string[] {
  return linkEntities({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] }, matcher, { firstOnly: false });
}

export function buildBriefing<E extends BriefingEntries>(input: E, options: GraphOptions) {
  const bodies = options.bodies ?? new Map<string, BodyFacts>();
  const body = (e: { collection: string; id: string }) => bodies.get(keyOf(e));

  // Sorted lists, in the order pages show them.
  const briefing = [...input.briefing].sort(byOrder) as Item<E, 'briefing'>[];
  const issues = [...input.issues].sort(byOrder) as Item<E, 'issues'>[];
  const kindRank = (kind: string) => (ACTOR_KINDS as readonly string[]).indexOf(kind);
  const actors = [...input.actors].sort(
    (a, b) => kindRank(a.data.kind) - kindRank(b.data.kind) || a.data.order - b.data.order || a.data.name.localeCompare(b.data.name),
  ) as Item<E, 'actors'>[];
  const glossary = [...input.glossary].sort((a, b) => a.data.term.localeCompare(b.data.term, 'en')) as Item<E, 'glossary'>[];
  const sources = [...input.sources].sort((a, b) => a.data.date.getTime() - b.data.date.getTime()) as Item<E, 'sources'>[];
  const actorIndex = new Map(actors.map((a, i) => [a.id, i]));
  const issueIndex = new Map(issues.map((x, i) => [x.id, i]));
  const positions = [...input.positions].sort(
    (a, b) =>
      (actorIndex.get(a.data.actor.id) ?? 0) - (actorIndex.get(b.data.actor.id) ?? 0) ||
      (issueIndex.get(a.data.issue.id) ?? 0) - (issueIndex.get(b.data.issue.id) ?? 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  ) as Item<E, 'positions'>[];
  // Dated events in `order`, which editors set chronologically; then the undated ones, by title, in no implied order.
  const events = [
    ...input.events.filter((e) => !undatedEvent(e.data)).sort(byOrder),
    ...input.events.filter((e) => undatedEvent(e.data)).sort((a, b) => a.data.title.localeCompare(b.data.title, 'en')),
  ] as Item<E, 'events'>[];

  // Lookups.
  const actorById = new Map(actors.map((a) => [a.id, a]));
  const issueById = new Map(issues.map((i) => [i.id, i]));
  // A position a later one replaces (`supersedes`) keeps its page, but the views show the current stance only.
  const replaced = new Set(positions.flatMap((p) => (p.data.supersedes ? [p.data.supersedes.id] : [])));
  const current = positions.filter((p) => !replaced.has(p.id));
  const positionsOfActor = groupBy(current, (p) => [p.data.actor.id]);
  const positionsOnIssue = groupBy(current, (p) => [p.data.issue.id]);
  const eventsOfActor = groupBy(events, (e) => e.data.actors.map((a) => a.id));
  const eventsOnIssue = groupBy(events, (e) => e.data.issues.map((i) => i.id));
  const membersOf = groupBy(actors.filter((a) => a.data.affiliation), (a) => [a.data.affiliation!.id]);
  const relations: Relation[] = listRelations(actors);
  const relationsOf = groupBy(relations, (r) => [r.from, r.to]);

  const glossaryById = new Map(glossary.map((t) => [t.id, t]));
  const actorName = (id: string) => actorById.get(id)?.data.name ?? id;
  const termName = (id: string) => glossaryById.get(id)?.data.term ?? id;
  const issueTitle = (id: string) => issueById.get(id)?.data.title ?? id;
  const siblings = groupBy(current, (p) => [`${p.data.actor.id}--${p.data.issue.id}`]);
  /**
   * "Iran on uranium enrichment", and ": could consider limits" when Iran has more than one current position on it;
   * a replaced position ends "(until 20 March 2026)", the date of the one that replaced it.
   */
  const positionTitle = (p: GraphEntry<PositionData>): string => {
    const base = `${actorName(p.data.actor.id)} on ${lowerFirst(issueTitle(p.data.issue.id))}`;
    const many = siblings(`${p.data.actor.id}--${p.data.issue.id}`).length > 1;
    const title = p.data.aspect && (many || replaced.has(p.id)) ? `${base}: ${p.data.aspect}` : base;
    const next = time.supersededBy(p.id);
    const until = next ? time.asOfEntry(`positions/${next}`) : undefined;
    return until ? `${title} (until ${formatDay(until)})` : title;
  };

  // Integrity: every reference and citation of every entry, with the field it was written in.
  const ref = (collection: CollectionName, field: string, r: { id: string } | undefined): ReferenceRecord[] =>
    r ? [{ collection, id: r.id, field }] : [];
  const refs = (collection: CollectionName, field: string, list: readonly { id: string }[]): ReferenceRecord[] =>
    list.map((r, i) => ({ collection, id: r.id, field: `${field}[${i}]` }));
  const cites = (cs: readonly CitationData[], prefix = ''): CitationRecord[] =>
    cs.map((c, i) => ({ ...plainCitation(c), field: `${prefix}citations[${i}]` }));
  const bodyCites = (e: { collection: string; id: string }): CitationRecord[] =>
    (body(e)?.citations ?? []).map((c) => ({ ...c, field: 'body <Cite>' }));
  const record = (e: GraphEntry<unknown>, citations: CitationRecord[], references: ReferenceRecord[]): EntryRecord => ({
    collection: e.collection, id: e.id, filePath: e.filePath, citations, references,
  });
  const records: EntryRecord[] = [
    ...briefing.map((e) => record(e, bodyCites(e), [])),
    ...actors.map((e) =>
      record(
        e,
        [...cites(e.data.citations), ...bodyCites(e), ...e.data.relations.flatMap((r, i) => cites(r.citations, `relations[${i}].`))],
        [...ref('actors', 'affiliation', e.data.affiliation), ...e.data.relations.map((r, i) => ({ collection: 'actors', id: r.with.id, field: `relations[${i}].with` }))],
      ),
    ),
    ...issues.map((e) => record(e, [...cites(e.data.citations), ...bodyCites(e)], [])),
    ...positions.map((e) => record(e, cites(e.data.citations), [
      ...ref('actors', 'actor', e.data.actor), ...ref('issues', 'issue', e.data.issue), ...ref('positions', 'supersedes', e.data.supersedes),
    ])),
    ...events.map((e) => record(e, cites(e.data.citations), [
      ...refs('actors', 'actors', e.data.actors), ...refs('issues', 'issues', e.data.issues),
      ...ref('events', 'after', e.data.after), ...ref('events', 'before', e.data.before),
    ])),
    ...glossary.map((e) => record(e, bodyCites(e), refs('glossary', 'related', e.data.related))),
    ...sources.map((e) => record(e, [], [])),
  ];
  const time = timeline(
    records,
    sources.map((s) => ({ id: s.id, date: s.data.date })),
    positions.map((p) => ({ id: p.id, filePath: p.filePath, actor: p.data.actor.id, issue: p.data.issue.id, stance: p.data.stance, supersedes: p.data.supersedes?.id })),
  );
  const paragraphCounts: Record<string, number> = { ...options.paragraphCounts, ...Object.fromEntries(sources.map((s) => [s.id, s.data.paragraphs.length])) };
  const linkTargets = linkTargetsOf({ actors, glossary }, options.base);
  const problems = [
    ...checkIntegrity(paragraphCounts, records, options.known),
    ...aliasClashes(linkTargets).map((m) => m.replace(/^The name/, 'The alias')),
    ...positionNameProblems(positions, (collection, id) =>
      (collection === 'actors' ? actorById.has(id) : issueById.has(id)) || !!options.known?.get(collection)?.has(id)),
    ...affiliationLoops(actors),
    ...siblingPositionProblems(current),
    ...time.problems,
    // A page title past this reads cut off in tabs and results (html-validate's limit is 80, with room for entities).
    ...current.filter((p) => p.data.aspect && positionTitle(p).length > MAX_TITLE).map((p) =>
      `${p.filePath ?? `positions/${p.id}`}: field "aspect" makes the title ${positionTitle(p).length} characters long ("${positionTitle(p)}"). Fix: shorten the aspect so the title is at most ${MAX_TITLE}.`),
  ];
  const warnings: string[] = [];
  const uncited = uncitedParagraphs(paragraphCounts, records.flatMap((r) => r.citations));
  if (uncited.length) warnings.push(`Source paragraphs cited nowhere: ${uncited.join(', ')}. Cite each paragraph the briefing relies on.`);

  // Pages, and who cites each paragraph: "source#n" → pages, in site order, each page once.
  const pageRef = (collection: CollectionName, id: string, title: string): PageRef => ({ collection, id, title, path: entryPath(collection, id) });
  const pages: PageRef[] = [
    ...briefing.map((e) => pageRef('briefing', e.id, e.data.title)),
    ...actors.map((e) => pageRef('actors', e.id, e.data.name)),
    ...issues.map((e) => pageRef('issues', e.id, e.data.title)),
    ...positions.map((e) => pageRef('positions', e.id, positionTitle(e))),
    ...events.map((e) => pageRef('events', e.id, e.data.title)),
    ...glossary.map((e) => pageRef('glossary', e.id, e.data.term)),
  ];
  const pageByKey = new Map(pages.map((p) => [`${p.collection}/${p.id}`, p]));
  const citing = new Map<string, Set<PageRef>>();
  for (const r of records) {
    const page = pageByKey.get(`${r.collection}/${r.id}`);
    if (!page) continue;
    for (const c of r.citations)
      for (const n of c.paragraphs) {
        const key = `${c.source}#${n}`;
        const set = citing.get(key);
        if (set) set.add(page);
        else citing.set(key, new Set([page]));
      }
  }
  const citers = new Map([...citing].map(([key, set]) => [key, [...set]]));

  // Who mentions each actor or term, found by the same linker that links them (MDX bodies through
  // remark-entity-links; summaries, statements and event descriptions here). And the other way round.
  const matcher = createMatcher(linkTargets);
  const mentionedIn = new Map<string, PageRef[]>();
  const mentionsOf = new Map<string, string[]>();
  const mention = (page: PageRef | undefined, keys: readonly string[]) => {
    if (!page) return;
    const self = `${page.collection}/${page.id}`;
    const found = [...new Set(keys)].filter((k) => k !== self);
    mentionsOf.set(self, found);
    for (const key of found) {
      const list = mentionedIn.get(key);
      if (list) list.push(page);
      else mentionedIn.set(key, [page]);
    }
  };
  for (const e of [...briefing, ...actors, ...issues, ...glossary]) {
    const summary = 'summary' in e.data ? textMentions(matcher, e.data.summary) : [];
    mention(pageByKey.get(keyOf(e)), [...(body(e)?.mentions ?? []), ...summary]);
  }
  for (const p of positions) mention(pageByKey.get(keyOf(p)), textMentions(matcher, `${p.data.headline}. ${p.data.summary}`));
  for (const e of events) mention(pageByKey.get(keyOf(e)), textMentions(matcher, `${e.data.title}. ${e.data.summary}`));
  const unmentioned = glossary.filter((g) => !mentionedIn.has(keyOf(g))).map((g) => g.filePath ?? keyOf(g));
  if (unmentioned.length) warnings.push(`Glossary terms mentioned nowhere: ${unmentioned.join(', ')}. Mention each term somewhere, or drop it.`);

  /** Ids of the actors a page's text names, for search filters. */
  const actorsNamedIn = (collection: CollectionName, id: string) =>
    (mentionsOf.get(`${collection}/${id}`) ?? []).filter((k) => k.startsWith('actors/')).map((k) => k.slice('actors/'.length));

  const asOf = sources.reduce((latest, s) => (s.data.date > latest ? s.data.date : latest), new Date(0));

  return {
    briefing, actors, issues, positions, events, glossary, sources,
    actorById, issueById, actorName, issueTitle, termName, positionTitle,
    positionsOfActor, positionsOnIssue, eventsOfActor, eventsOnIssue, membersOf, relations, relationsOf,
    pages, pageByKey, citers, mentionedIn, mentionsOf, actorsNamedIn, asOf, paragraphCounts,
    /** Time: the positions shown as current, each entry's latest source date, histories and the updates. */
    current, replaced, time,
    linkTargets, matcher, problems, warnings,
  };
}

export type BriefingGraph<E extends BriefingEntries = BriefingEntries> = ReturnType<typeof buildBriefing<E>>;
