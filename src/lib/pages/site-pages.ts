/**
 * Every page of the site, once: its path, title, description, how search files it, and the text search indexes.
 * Routes render the page whose spec they are given (BaseLayout takes title, description and search tags from it);
 * the page manifest (page-manifest.ts) is these specs as records, so the post-build steps (offline search, preview
 * images) read what the build knew instead of scraping it back out of HTML.
 *
 *   sitePages(graph, bodyText) → [{ path: '/actors/iran/', title: 'Iran', search: { type: 'actor', … },
 *                                  keywords: ['Iran', 'Tehran'], sections: [{ heading: 'Iran', text: '…' }, …] }, …]
 *
 * Search text is bounded per page by what the page is about: a position page does not carry the other stances on
 * its issue, and list pages carry names and one-line summaries, not their entries' full text.
 */
import type { CollectionName } from '../../schemas/common.ts';
import { ACTOR_KIND_LABELS, ACTOR_KINDS } from '../../schemas/actor.ts';
import { STANCES, type Stance } from '../../schemas/stance.ts';
import { undatedEvent, type BriefingGraph } from '../content/briefing-graph.ts';
import { formatDay, formatPartialDate, isoDay } from '../../schemas/dates.ts';
import { entryPath, paragraphAnchor } from './links.ts';
import { dataPageOutline } from '../record/open-data.ts';
import { changedOn, changeLog, replacedBy } from '../record/changes.ts';
import { lowerFirst } from '../content/text.ts';
import type { PageType } from '../../schemas/page-types.ts';
import type { SearchSection } from '../search/search-docs.ts';
import type { TextSection } from '../../plugins/remark-search-text.ts';
import { relationSentence } from '../content/relations.ts';
import { ogImagesOf } from '../images/og-image.ts';

/** How search files a page: its filters and what its result shows (the manifest carries it to both editions). */
export interface SearchTags {
  type: PageType;
  actors?: readonly string[];
  issues?: readonly string[];
  summary?: string | undefined;
  /** A position's stance, shown beside its result. */
  stance?: Stance;
  /** ISO date (or YYYY-MM / YYYY) the page is about, if any. */
  date?: string | undefined;
}

/** The timeline page's heading over the events the report does not date, and what it says of them. */
export const UNDATED_HEADING = 'Undated events';
export const UNDATED_NOTE = 'The report gives no date for these, so they are listed by title, not in time order.';

export interface PageSpec {
  /** Site-relative path as Astro routes it, without the base path: '/', '/actors/iran/', '/404/'. */
  path: string;
  title: string;
  description: string;
  /** How search files the page; none for pages search leaves out (search, 404). */
  search?: SearchTags;
  /** What search weights highest: the page's name and aliases. */
  keywords: readonly string[];
  /** The text search indexes, in sections at the page's headings. */
  sections: readonly SearchSection[];
  /**
   * The page's h2 headings with ids, in order: its "On this page" list (OnThisPage.astro shows it past three).
   * Filled in by sitePages from the sections' anchors and the headings routes add; none: the page lists none.
   */
  outline?: readonly OutlineEntry[];
  /**
   * The page's "as of": the date of the latest source it cites (an entry's own citations), or the latest source
   * overall for pages that gather many entries or cite nothing. Filled in by sitePages.
   */
  asOf?: Date;
  /** The page's preview image in the built site ('og/actors/iran.png', or its type's shared one): filled in by sitePages. */
  ogImage?: string;
}

/** One h2 of a page: its id and its text. */
export interface OutlineEntry {
  anchor: string;
  heading: string;
}

/** "On this page" is shown on pages with more than this many h2 headings. */
export const OUTLINE_MIN = 4;

/** The "Mentioned in" heading of actor and term pages (MentionList.astro). */
export const MENTIONED_IN = { anchor: 'mentioned-in', heading: 'Mentioned in' } as const;

/** An MDX body's text by section, and its headings as rendered (with the ids Astro gave them). */
export interface BodyText {
  sections: readonly TextSection[];
  headings: readonly { depth: number; slug: string; text: string }[];
}

/** Description lines of the pages that are not entries. */
export const INDEX_PAGES = {
  actors: { title: 'Actors', description: 'Every state, group of states, person and organisation in the Muscat talks story, with their role and positions.', summary: 'Every actor in the story, by kind.' },
  issues: { title: 'Issues', description: "The questions on the table in the Muscat talks, each with every side's stance.", summary: 'Every issue on the table, with each side’s stance.' },
  glossary: { title: 'Glossary', description: 'Short, accurate definitions of the terms a reader of the Muscat talks story meets, from enrichment to the Axis of Resistance.', summary: 'Every term, A to Z, with a short definition.' },
  sources: { title: 'Sources', description: 'The documents this briefing is built from, paragraph by paragraph, with every page that cites each paragraph.', summary: 'The documents behind the briefing.' },
  timeline: { title: 'Timeline', description: "From the 2015 nuclear agreement to the Muscat talks: dated events, with dates worked out from the report's relative wording marked as derived.", summary: 'Dated and undated events from 2015 to the talks.' },
  data: { title: 'Open data', description: 'The briefing as data: actors, issues, positions with their history, events, relations, glossary terms and source paragraphs, as JSON, CSV and JSON Schema, every field explained.' },
  changes: { title: 'What changed', description: 'Each update of the Muscat talks briefing, newest first: its sources, the stances that changed, and the entries it added or revised.', summary: 'Every update of the briefing, newest first.' },
  brief: { title: 'The whole briefing', description: 'The whole Muscat talks briefing as one document to read through or print: bottom line, briefing pages, every stance, actors, issues, timeline, glossary and source notes.' },
  search: { title: 'Search', description: 'Search every actor, issue, position, event, term and briefing page.' },
  notFound: { title: 'Page not found', description: 'This page does not exist in the Muscat talks briefing.' },
} as const;

/** The label of an actor kind for one actor ("State", "Person", "Group of states"). */
export const actorKindLabel = (kind: keyof typeof ACTOR_KIND_LABELS): string =>
  ACTOR_KIND_LABELS[kind].replace(/s$/, '').replace(/^People$/, 'Person').replace(/^Groups of state$/, 'Group of states');

const join = (parts: readonly (string | undefined | false)[], sep = ' ') => parts.filter(Boolean).join(sep);
const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

/** A body's sections with the anchors Astro gave its headings; the text before the first heading joins `lead`. */
function bodySections(title: string, lead: string, body: BodyText | undefined, tail: SearchSection[] = []): SearchSection[] {
  const sections: SearchSection[] = [{ heading: title, text: lead }];
  let h = 0;
  for (const s of body?.sections ?? []) {
    if (s.heading === undefined) {
      sections[0] = { heading: title, text: join([sections[0]!.text, s.text]) };
      continue;
    }
    const rendered = body!.headings[h++];
    sections.push(rendered ? { anchor: rendered.slug, heading: rendered.text, text: s.text } : { heading: s.heading, text: s.text });
  }
  return [...sections, ...tail];
}

export function sitePages(graph: BriefingGraph, bodyText: ReadonlyMap<string, BodyText>): PageSpec[] {
  const g = graph;
  const body = (collection: CollectionName, id: string) => bodyText.get(`${collection}/${id}`);
  const pages: PageSpec[] = [];
  const stanceLine = (stance: keyof typeof STANCES) => STANCES[stance].label;
  const positionById = new Map(g.positions.map((p) => [p.id, p]));
  /** " (changed on 20 February 2026)" after a stance that replaced an older one, for the lists on issue and actor pages. */
  const changedNote = (id: string) => {
    const on = changedOn(g, id);
    return on ? ` Changed on ${formatDay(on)}.` : '';
  };

  for (const b of g.briefing) {
    pages.push({
      path: entryPath('briefing', b.id), title: b.data.title, description: b.data.description,
      search: { type: 'briefing', actors: g.actorsNamedIn('briefing', b.id), summary: b.data.description },
      keywords: [], sections: bodySections(b.data.title, b.data.description, body('briefing', b.id)),
    });
  }

  pages.push({
    path: '/actors/', title: INDEX_PAGES.actors.title, description: INDEX_PAGES.actors.description,
    search: { type: 'actor', summary: INDEX_PAGES.actors.summary }, keywords: [],
    sections: [
      { heading: INDEX_PAGES.actors.title, text: INDEX_PAGES.actors.description },
      ...ACTOR_KINDS.flatMap((kind) => {
        const list = g.actors.filter((a) => a.data.kind === kind);
        return list.length ? [{ anchor: `kind-${kind}`, heading: ACTOR_KIND_LABELS[kind], text: list.map((a) => `${a.data.name}: ${a.data.role}.`).join(' ') }] : [];
      }),
    ],
  });
  for (const a of g.actors) {
    const { name, role, aliases, otherNames, affiliation, summary } = a.data;
    const own = g.positionsOfActor(a.id);
    const relations = g.relationsOf(a.id).map((r) => relationSentence(r, g.actorName(r.from), g.actorName(r.to), g.actors.find((x) => x.id === r.from)?.data.kind === 'bloc'));
    const members = g.membersOf(a.id).map((m) => m.data.name);
    const events = g.eventsOfActor(a.id);
    pages.push({
      path: entryPath('actors', a.id), title: name, description: `${name}: ${role}. ${summary}`,
      search: { type: 'actor', actors: [a.id], issues: own.map((p) => p.data.issue.id), summary: role },
      keywords: [name, ...aliases, ...otherNames],
      sections: bodySections(
        name,
        // Aliases and other names are recall aids: in the keywords, which rank but are never shown as an excerpt.
        join([summary, sentence(role),
          affiliation && `Affiliation: ${g.actorName(affiliation.id)}.`, relations.length > 0 && relations.join(' '),
          members.length > 0 && `Linked actors: ${members.join(', ')}.`]),
        body('actors', a.id),
        [
          { anchor: 'positions', heading: 'Positions', text: own.map((p) => `${g.issueTitle(p.data.issue.id)}: ${stanceLine(p.data.stance)}. ${sentence(p.data.headline)}${changedNote(p.id)}`).join(' ') },
          ...(events.length ? [{ anchor: 'events', heading: 'On the timeline', text: events.map((e) => sentence(e.data.title)).join(' ') }] : []),
        ],
      ),
    });
  }

  pages.push({
    path: '/issues/', title: INDEX_PAGES.issues.title, description: INDEX_PAGES.issues.description,
    search: { type: 'issue', summary: INDEX_PAGES.issues.summary }, keywords: [],
    sections: [{ heading: INDEX_PAGES.issues.title, text: join([INDEX_PAGES.issues.description, ...g.issues.map((i) => `${i.data.title}: ${i.data.summary}`)]) }],
  });
  for (const i of g.issues) {
    const here = g.positionsOnIssue(i.id);
    const events = g.eventsOnIssue(i.id);
    pages.push({
      path: entryPath('issues', i.id), title: i.data.title, description: i.data.summary,
      search: { type: 'issue', issues: [i.id], actors: here.map((p) => p.data.actor.id), summary: i.data.summary },
      keywords: [...new Set([i.data.title, i.data.shortTitle, ...i.data.aliases])],
      sections: bodySections(i.data.title, i.data.summary, body('issues', i.id), [
        { anchor: 'stances', heading: 'Where each side stands', text: here.map((p) => `${g.actorName(p.data.actor.id)}: ${stanceLine(p.data.stance)}. ${sentence(p.data.headline)}${changedNote(p.id)}`).join(' ') },
        ...(events.length ? [{ anchor: 'events', heading: 'On the timeline', text: events.map((e) => sentence(e.data.title)).join(' ') }] : []),
      ]),
    });
  }

  for (const p of g.positions) {
    const { actor, issue, stance, headline, summary, voicedBy } = p.data;
    const title = g.positionTitle(p);
    // Time, in sentences: what this stance replaced, or what replaced it (the page says the same at its top).
    const name = g.actorName(actor.id);
    const before = p.data.supersedes && positionById.get(p.data.supersedes.id);
    const after = replacedBy(g, p.id);
    const successor = after && positionById.get(after.id);
    const time = join([
      successor && `This stance was replaced on ${formatDay(after.date)} by a newer one. ${name}'s stance is now ${stanceLine(successor.data.stance)}: ${sentence(successor.data.headline)}`,
      before && `This stance replaced an earlier one on ${formatDay(changedOn(g, p.id) ?? g.asOf)}. ${name}'s stance had been ${stanceLine(before.data.stance)}: ${sentence(before.data.headline)}`,
    ]);
    pages.push({
      path: entryPath('positions', p.id), title, description: `${headline}. ${summary}`,
      // Actor and issue are in the title and the filters, the stance in the keywords (so "who rejects …" finds it) and
      // beside the result: the text is the stance itself, in sentences, so excerpts read as prose.
      search: { type: 'position', actors: [actor.id], issues: [issue.id], summary: headline, stance },
      keywords: [STANCES[stance].label],
      sections: [
        { heading: title, text: join([sentence(headline), summary, voicedBy && `Voiced by ${voicedBy}.`]) },
        ...(time ? [{ anchor: 'history', heading: 'History', text: time }] : []),
      ],
    });
  }

  pages.push({
    path: '/timeline/', title: INDEX_PAGES.timeline.title, description: INDEX_PAGES.timeline.description,
    search: {
      type: 'event', actors: g.events.flatMap((e) => e.data.actors.map((a) => a.id)), issues: g.events.flatMap((e) => e.data.issues.map((i) => i.id)),
      summary: INDEX_PAGES.timeline.summary,
    },
    keywords: [],
    sections: [
      { heading: INDEX_PAGES.timeline.title, text: INDEX_PAGES.timeline.description },
      ...g.events.flatMap((e, i) => [
        // The undated events follow the dated ones under a heading of their own (timeline.astro).
        ...(undatedEvent(e.data) && !g.events.slice(0, i).some((x) => undatedEvent(x.data))
          ? [{ anchor: 'undated', heading: UNDATED_HEADING, text: UNDATED_NOTE }] : []),
        {
          anchor: e.id, heading: e.data.title,
          text: join([e.data.date ? sentence(formatPartialDate(e.data.date.on)) : `Undated${e.data.when ? ` (${e.data.when})` : ''}.`, e.data.summary,
            e.data.actors.length > 0 && `Involves: ${e.data.actors.map((a) => g.actorName(a.id)).join(', ')}.`]),
        },
      ]),
    ],
  });

  pages.push({
    path: '/glossary/', title: INDEX_PAGES.glossary.title, description: INDEX_PAGES.glossary.description,
    search: { type: 'glossary', summary: INDEX_PAGES.glossary.summary }, keywords: [],
    sections: [
      { heading: INDEX_PAGES.glossary.title, text: INDEX_PAGES.glossary.description },
      ...[...new Set(g.glossary.map((t) => t.data.term.charAt(0).toUpperCase()))].map((l) => ({
        anchor: `letter-${l}`, heading: l,
        text: g.glossary.filter((t) => t.data.term.charAt(0).toUpperCase() === l).map((t) => `${t.data.term}: ${t.data.definition}`).join(' '),
      })),
    ],
  });
  for (const t of g.glossary) {
    const { term, aliases, definition, related } = t.data;
    pages.push({
      path: entryPath('glossary', t.id), title: term, description: definition,
      search: { type: 'glossary', summary: definition }, keywords: [term, ...aliases],
      sections: bodySections(term, definition, body('glossary', t.id),
        related.length ? [{ anchor: 'related', heading: 'Related terms', text: related.map((r) => g.termName(r.id)).join(', ') }] : []),
    });
  }

  pages.push({
    path: '/sources/', title: INDEX_PAGES.sources.title, description: INDEX_PAGES.sources.description,
    search: { type: 'source', summary: INDEX_PAGES.sources.summary }, keywords: [],
    sections: [{ heading: INDEX_PAGES.sources.title, text: join([INDEX_PAGES.sources.description, ...g.sources.map((s) => `${s.data.title}. ${s.data.provenanceNote}`)]) }],
  });
  for (const s of g.sources) {
    const d = s.data;
    pages.push({
      path: entryPath('sources', s.id), title: d.title,
      description: `${d.dateline}, ${formatDay(d.date)}: ${d.paragraphs.length} paragraphs, each summarised, with the pages that cite it.`,
      search: { type: 'source', summary: d.provenanceNote, date: isoDay(d.date) }, keywords: [],
      sections: [
        { heading: d.title, text: join(['Source', `${d.dateline}, ${formatDay(d.date)}.`, d.dateNote, d.outlet ?? undefined, d.headline ?? undefined, d.provenanceNote]) },
        ...d.paragraphs.map((p) => ({ anchor: paragraphAnchor(p.n), heading: join([`¶${p.n}`, p.section], ' · '), text: p.summary })),
      ],
    });
  }

  // The Data page documents files, not the briefing's facts: search leaves it out. Its sections are its h2 headings.
  pages.push({
    path: '/data/', title: INDEX_PAGES.data.title, description: INDEX_PAGES.data.description, keywords: [],
    sections: dataPageOutline().map((o) => ({ ...o, text: '' })),
  });
  const log = changeLog(g);
  pages.push({
    path: '/changes/', title: INDEX_PAGES.changes.title, description: INDEX_PAGES.changes.description,
    search: { type: 'source', summary: INDEX_PAGES.changes.summary }, keywords: ['updates', 'changes'],
    sections: [
      { heading: INDEX_PAGES.changes.title, text: INDEX_PAGES.changes.description },
      ...log.map((u) => ({
        anchor: u.anchor, heading: formatDay(u.date),
        text: join([u.summary, `Sources: ${u.sources.map((s) => s.title).join('; ')}.`,
          ...u.changed.map((c) => `${c.actor} on ${lowerFirst(c.issue)}: the stance changed from ${stanceLine(c.from)} to ${stanceLine(c.to)}.`)]),
      })),
    ],
  });

  // The whole briefing as one document repeats every other page's text, so search leaves it out (no tags, no text).
  pages.push({ path: '/brief/', title: INDEX_PAGES.brief.title, description: INDEX_PAGES.brief.description, keywords: [], sections: [] });
  pages.push({ path: '/search/', title: INDEX_PAGES.search.title, description: INDEX_PAGES.search.description, keywords: [], sections: [] });
  pages.push({ path: '/404/', title: INDEX_PAGES.notFound.title, description: INDEX_PAGES.notFound.description, keywords: [], sections: [] });
  // A page is as of the latest source among the citations it shows: its entry's own, and those of the stances it lists
  // (an issue or actor page, the positions page, a position's history) or the events (the timeline). A source page is
  // as of its own date; the home page, which says what the latest update changed, and pages that cite nothing, as of
  // the latest source overall.
  const keyAt = new Map(g.pages.map((p) => [p.path, `${p.collection}/${p.id}`]));
  const shown = new Map<string, string[]>([
    ['/timeline/', g.events.map((e) => `events/${e.id}`)],
    [entryPath('briefing', 'positions'), g.current.map((x) => `positions/${x.id}`)],
    ...g.issues.map((i): [string, string[]] => [entryPath('issues', i.id), g.positionsOnIssue(i.id).map((x) => `positions/${x.id}`)]),
    ...g.actors.map((a): [string, string[]] => [entryPath('actors', a.id), g.positionsOfActor(a.id).map((x) => `positions/${x.id}`)]),
    ...g.positions.map((x): [string, string[]] => [entryPath('positions', x.id), g.time.history(x.id).map((h) => `positions/${h}`)]),
  ]);
  const sourceDate = new Map(g.sources.map((s) => [entryPath('sources', s.id), s.data.date]));
  const asOf = (path: string): Date => {
    if (path === '/') return g.asOf;
    const own = sourceDate.get(path);
    if (own) return own;
    const key = keyAt.get(path);
    const dates = [key, ...(shown.get(path) ?? [])].flatMap((k) => (k ? g.time.asOfEntry(k) ?? [] : []));
    return dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : g.asOf;
  };
  const images = ogImagesOf(pages.map((p) => ({ path: p.path, type: p.search?.type })));
  return pages.map((p) => ({ ...p, outline: outlineOf(p), asOf: asOf(p.path), ogImage: images.get(p.path)! }));
}

/**
 * A page's h2 headings: its sections that open at a heading, and the headings its route adds that search does not
 * index (home's "Explore the briefing", "Mentioned in"). A source page's anchors are paragraphs, not headings.
 * The actor map's own heading on the actors index is left out: the list is the index's kinds.
 */
function outlineOf(p: PageSpec): OutlineEntry[] {
  if (p.search?.type === 'source' && p.path !== '/sources/') return [];
  const own = p.sections.flatMap((s) => (s.anchor ? [{ anchor: s.anchor, heading: s.heading }] : []));
  const entry = /^\/(actors|glossary)\/[^/]+\/$/.test(p.path);
  if (entry) return [...own, MENTIONED_IN];
  if (p.path === '/') return [...own, { anchor: 'explore', heading: 'Explore the briefing' }];
  return own;
}
