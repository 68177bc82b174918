/**
 * The briefing as pages need it: every collection loaded and sorted, cross-checked, and indexed (who cites which
 * paragraph, who mentions whom). Loaded once per build; any content problem fails the build with all messages.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { checkIntegrity, uncitedParagraphs, type EntryRecord } from './integrity.ts';
import { entryPath, type Linkable } from './links.ts';
import { contentDir } from './content-dir.ts';
import { createMatcher, linkEntities, type LinkOptions } from './entity-linker.ts';
import { linkedHtml } from './linked-text.ts';
import { readLinkTargets } from './link-targets.ts';
import { listRelations } from './relations.ts';
import { lowerFirst } from './text.ts';
import type { Citation } from '../plugins/remark-citations.ts';
import { ACTOR_KINDS } from '../schemas/actor.ts';

type Ref = { id: string; collection: string };
type Cited = { source: Ref; paragraphs: number[] };

/** A page that cites or mentions something, ready to link. */
export interface PageRef {
  collection: Linkable;
  id: string;
  title: string;
  path: string;
}

const byOrder = <T extends { data: { order: number } }>(a: T, b: T) => a.data.order - b.data.order;
const plainCitations = (cs: readonly Cited[]): Citation[] =>
  cs.map((c) => ({ source: c.source.id, paragraphs: c.paragraphs }));

async function load() {
  const [briefing, actors, issues, positions, events, glossary, sources] = await Promise.all([
    getCollection('briefing'),
    getCollection('actors'),
    getCollection('issues'),
    getCollection('positions'),
    getCollection('events'),
    getCollection('glossary'),
    getCollection('sources'),
  ]);
  briefing.sort(byOrder);
  issues.sort(byOrder);
  const kindRank = (kind: string) => (ACTOR_KINDS as readonly string[]).indexOf(kind);
  actors.sort(
    (a, b) => kindRank(a.data.kind) - kindRank(b.data.kind) || a.data.order - b.data.order || a.data.name.localeCompare(b.data.name),
  );
  glossary.sort((a, b) => a.data.term.localeCompare(b.data.term, 'en'));
  sources.sort((a, b) => a.data.date.getTime() - b.data.date.getTime());

  const actorById = new Map(actors.map((a) => [a.id, a]));
  const issueById = new Map(issues.map((i) => [i.id, i]));
  const actorIndex = new Map(actors.map((a, i) => [a.id, i]));
  const issueIndex = new Map(issues.map((x, i) => [x.id, i]));
  positions.sort(
    (a, b) =>
      (actorIndex.get(a.data.actor.id) ?? 0) - (actorIndex.get(b.data.actor.id) ?? 0) ||
      (issueIndex.get(a.data.issue.id) ?? 0) - (issueIndex.get(b.data.issue.id) ?? 0) ||
      a.id.localeCompare(b.id),
  );
  // Editors set `order` chronologically, which also places undated events among dated ones.
  events.sort((a, b) => a.data.order - b.data.order);

  // Positions grouped once by actor and by issue, so pages look them up instead of scanning every record.
  const group = (key: (p: CollectionEntry<'positions'>) => string) => {
    const map = new Map<string, CollectionEntry<'positions'>[]>();
    for (const p of positions) map.set(key(p), [...(map.get(key(p)) ?? []), p]);
    return (id: string) => map.get(id) ?? [];
  };
  const positionsOfActor = group((p) => p.data.actor.id);
  const positionsOnIssue = group((p) => p.data.issue.id);
  // Relations read once from actor frontmatter, and indexed by both actors for their pages.
  const relations = listRelations(actors);
  const relationsByActor = new Map<string, typeof relations>();
  for (const r of relations) for (const id of new Set([r.from, r.to])) relationsByActor.set(id, [...(relationsByActor.get(id) ?? []), r]);
  const relationsOf = (id: string) => relationsByActor.get(id) ?? [];

  const paragraphCounts = Object.fromEntries(sources.map((s) => [s.id, s.data.paragraphs.length]));

  // Citations and mentions in MDX bodies, recorded by remark-citations and remark-entity-links during render.
  const bodyCitations = new Map<string, Citation[]>();
  const bodyMentions = new Map<string, string[]>();
  for (const entry of [...briefing, ...actors, ...issues, ...glossary]) {
    const { remarkPluginFrontmatter } = await render(entry);
    bodyCitations.set(`${entry.collection}/${entry.id}`, (remarkPluginFrontmatter.bodyCitations as Citation[]) ?? []);
    bodyMentions.set(`${entry.collection}/${entry.id}`, (remarkPluginFrontmatter.mentions as string[]) ?? []);
  }

  const refs = (collection: string, field: string, list: readonly (Ref | undefined)[]) =>
    list.filter((r): r is Ref => !!r).map((r, i) => ({ collection, id: r.id, field: list.length > 1 ? `${field}[${i}]` : field }));
  const cites = (cs: readonly Cited[]) =>
    cs.map((c, i) => ({ source: c.source.id, paragraphs: c.paragraphs, field: `citations[${i}]` }));
  const body = (collection: string, id: string) =>
    (bodyCitations.get(`${collection}/${id}`) ?? []).map((c) => ({ ...c, field: 'body <Cite>' }));

  const records: EntryRecord[] = [
    ...briefing.map((e) => ({ collection: 'briefing', id: e.id, filePath: e.filePath, citations: body('briefing', e.id), references: [] })),
    ...actors.map((e) => ({
      collection: 'actors', id: e.id, filePath: e.filePath,
      citations: [
        ...cites(e.data.citations),
        ...body('actors', e.id),
        ...e.data.relations.flatMap((r, i) => cites(r.citations).map((c) => ({ ...c, field: `relations[${i}].${c.field}` }))),
      ],
      references: [
        ...refs('actors', 'affiliation', [e.data.affiliation]),
        ...e.data.relations.map((r, i) => ({ collection: 'actors', id: r.with.id, field: `relations[${i}].with` })),
      ],
    })),
    ...issues.map((e) => ({ collection: 'issues', id: e.id, filePath: e.filePath, citations: [...cites(e.data.citations), ...body('issues', e.id)], references: [] })),
    ...positions.map((e) => ({
      collection: 'positions', id: e.id, filePath: e.filePath, citations: cites(e.data.citations),
      references: [...refs('actors', 'actor', [e.data.actor]), ...refs('issues', 'issue', [e.data.issue])],
    })),
    ...events.map((e) => ({
      collection: 'events', id: e.id, filePath: e.filePath, citations: cites(e.data.citations),
      references: [...refs('actors', 'actors', e.data.actors), ...refs('issues', 'issues', e.data.issues)],
    })),
    ...glossary.map((e) => ({
      collection: 'glossary', id: e.id, filePath: e.filePath, citations: body('glossary', e.id),
      references: refs('glossary', 'related', e.data.related),
    })),
    ...sources.map((e) => ({ collection: 'sources', id: e.id, filePath: e.filePath, citations: [], references: [] })),
  ];
  const problems = checkIntegrity(paragraphCounts, records);
  if (problems.length) throw new Error(`The content has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);

  const uncited = uncitedParagraphs(paragraphCounts, records.flatMap((r) => r.citations));
  if (uncited.length) console.warn(`[briefing] paragraphs cited nowhere: ${uncited.join(', ')}`);

  const actorName = (id: string) => actorById.get(id)?.data.name ?? id;
  const issueTitle = (id: string) => issueById.get(id)?.data.title ?? id;
  const positionTitle = (p: CollectionEntry<'positions'>) => `${actorName(p.data.actor.id)} on ${lowerFirst(issueTitle(p.data.issue.id))}`;

  const pageRef = (collection: Linkable, id: string, title: string): PageRef => ({ collection, id, title, path: entryPath(collection, id) });
  const pages: PageRef[] = [
    ...briefing.map((e) => pageRef('briefing', e.id, e.data.title)),
    ...actors.map((e) => pageRef('actors', e.id, e.data.name)),
    ...issues.map((e) => pageRef('issues', e.id, e.data.title)),
    ...positions.map((e) => pageRef('positions', e.id, positionTitle(e))),
    ...events.map((e) => pageRef('events', e.id, e.data.title)),
    ...glossary.map((e) => pageRef('glossary', e.id, e.data.term)),
  ];
  const pageByKey = new Map(pages.map((p) => [`${p.collection}/${p.id}`, p]));

  // Who cites each paragraph: "source#n" → pages, in site order, each page once (a Set keeps it linear).
  const citing = new Map<string, Set<PageRef>>();
  for (const r of records) {
    const page = pageByKey.get(`${r.collection}/${r.id}`);
    if (!page) continue;
    for (const c of r.citations)
      for (const n of c.paragraphs) {
        const key = `${c.source}#${n}`;
        citing.set(key, (citing.get(key) ?? new Set()).add(page));
      }
  }
  const citers = new Map([...citing].map(([key, set]) => [key, [...set]]));

  // Who mentions each actor or term, found by the same linker that links them (MDX bodies through
  // remark-entity-links during render; summaries and definitions here).
  const linkTargets = readLinkTargets(contentDir(), import.meta.env.BASE_URL);
  const matcher = createMatcher(linkTargets);
  const textMentions = (text: string) => linkEntities(
    { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] }, matcher, { firstOnly: false },
  );
  const mentionedIn = new Map<string, PageRef[]>();
  // And the other way round: the actors and terms each page names ("briefing/overview" → ["actors/iran", …]).
  const mentionsOf = new Map<string, string[]>();
  const record = (page: PageRef | undefined, keys: readonly string[]) => {
    if (!page) return;
    const self = `${page.collection}/${page.id}`;
    const found = [...new Set(keys)].filter((k) => k !== self);
    mentionsOf.set(self, found);
    for (const key of found) {
      const list = mentionedIn.get(key) ?? [];
      list.push(page);
      mentionedIn.set(key, list);
    }
  };
  for (const entry of [...briefing, ...actors, ...issues, ...glossary]) {
    const key = `${entry.collection}/${entry.id}`;
    const summary = 'summary' in entry.data ? textMentions(entry.data.summary) : [];
    record(pageByKey.get(key), [...(bodyMentions.get(key) ?? []), ...summary]);
  }
  for (const p of positions) record(pageByKey.get(`positions/${p.id}`), textMentions(`${p.data.headline}. ${p.data.summary}`));
  for (const e of events) record(pageByKey.get(`events/${e.id}`), textMentions(`${e.data.title}. ${e.data.summary}`));
  const unmentioned = glossary.filter((g) => !mentionedIn.has(`glossary/${g.id}`)).map((g) => g.filePath ?? g.id);
  if (unmentioned.length) console.warn(`[briefing] glossary terms mentioned nowhere: ${unmentioned.join(', ')}`);

  /** Ids of the actors a page's text names, for search filters. */
  const actorsNamedIn = (collection: string, id: string) =>
    (mentionsOf.get(`${collection}/${id}`) ?? []).filter((k) => k.startsWith('actors/')).map((k) => k.slice('actors/'.length));

  const asOf = sources.reduce((latest, s) => (s.data.date > latest ? s.data.date : latest), new Date(0));

  return {
    briefing, actors, issues, positions, events, glossary, sources,
    actorById, issueById, actorName, issueTitle, positionTitle, positionsOfActor, positionsOnIssue, relations, relationsOf,
    citers, mentionedIn, mentionsOf, actorsNamedIn, asOf, paragraphCounts,
    /** A frontmatter string with its mentions linked, as HTML (see linked-text.ts). */
    linkText: (text: string, options: LinkOptions = {}) => linkedHtml(text, matcher, options).html,
    plainCitations,
  };
}

export type Briefing = Awaited<ReturnType<typeof load>>;

let cached: Promise<Briefing> | undefined;
/** The whole briefing, loaded and checked once per build (reloaded on each call in dev, so edits show). */
export function loadBriefing(): Promise<Briefing> {
  if (import.meta.env.DEV) return load();
  return (cached ??= load());
}
