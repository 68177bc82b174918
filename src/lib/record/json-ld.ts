/**
 * Each page's schema.org description as JSON-LD, from the content graph and the page's spec. It says what the page
 * shows: its node has `@id` and `url` equal to the canonical link, `name` (and a report's `headline`) equal to the h1,
 * and `dateModified` the date the content was last revised (its latest commit, named in the footer), not the story's
 * dateline (the page's "as of"). Every URL is absolute (SITE_URL plus BASE_PATH). Built without SITE_URL (`root` and
 * `url` null) the description names no address: no `url`, no SearchAction (its template must be absolute), and each
 * `@id` becomes a blank node named after the page ("_:actors-iran-country"), so the nodes still refer to one another.
 *
 *   pageJsonLd(graph, spec('/actors/iran/'), { root: 'https://example.org/', url: 'https://example.org/actors/iran/' })
 *   → { '@context': 'https://schema.org', '@graph': [
 *        { '@type': 'WebPage', '@id': url, url, name: 'Iran', dateModified: '2026-11-30', about: { '@type': 'Country', … },
 *          isBasedOn: [{ '@type': 'NewsArticle', name, datePublished }], isPartOf: { '@id': '…/#website' }, … },
 *        { '@type': 'Organization', '@id': '…/#organization', name: 'Muscat talks briefing', url: root },
 *        { '@type': 'WebSite', '@id': '…/#website', … } ] }
 *
 * The types, by page:
 *   home, briefing pages, the whole briefing    Report (headline, author and publisher the site)
 *   issues, positions                           Report: an account of one question, or one side's stance, from sources
 *   actors                                      WebPage about a Person, a Country (states) or an Organization (blocs,
 *                                               organisations)
 *   glossary index                              DefinedTermSet, listing its DefinedTerms
 *   glossary terms                              WebPage whose mainEntity is a DefinedTerm inDefinedTermSet the index
 *   timeline                                    CollectionPage whose mainEntity is an ItemList of Events (startDate
 *                                               only where the source dates them)
 *   sources                                     WebPage about the source document (NewsArticle, Report, CreativeWork)
 *   actors, issues, sources indexes, changes    CollectionPage
 *   data                                        DataCatalog (the page describing the downloads)
 *   search                                      SearchResultsPage
 * The home page also carries the WebSite, with a SearchAction into the search page's `q` parameter.
 * A source is described by what is known of it: its title and date, its outlet only when known, never a URL.
 */
import type { ActorKind } from '../../schemas/actor.ts';
import type { Source } from '../../schemas/source.ts';
import { SITE } from '../../site.ts';
import type { BriefingGraph } from '../content/briefing-graph.ts';
import { perGraph } from '../content/per-graph.ts';
import { isoDay } from '../../schemas/dates.ts';
import { entryPath } from '../pages/links.ts';
import type { PageSpec } from '../pages/site-pages.ts';

export type JsonLdNode = { [key: string]: JsonLdValue };
export type JsonLdValue = string | number | boolean | JsonLdNode | JsonLdValue[];
export interface JsonLdDocument {
  '@context': 'https://schema.org';
  '@graph': JsonLdNode[];
}

export interface JsonLdUrls {
  /** The hosted site's root, ending in "/": SITE_URL plus BASE_PATH; null when the build has no web address. */
  root: string | null;
  /** The page's canonical URL; null when the build has no web address. */
  url: string | null;
  /** When the site's content was last revised (its latest commit): the page's dateModified. */
  revised: Date;
}

/** The search page's query parameter (read by src/lib/search/search-state.ts) and the template search engines fill in. */
export const SEARCH_PARAM = 'q';
export const SEARCH_TERM = '{search_term_string}';

/** schema.org's type for each kind of actor: blocs of states and organisations alike are organisations. */
export const ACTOR_TYPES: Record<ActorKind, 'Country' | 'Person' | 'Organization'> = {
  state: 'Country',
  bloc: 'Organization',
  person: 'Person',
  organisation: 'Organization',
};

const SOURCE_TYPES: Record<Source['kind'], string> = {
  'news-article': 'NewsArticle',
  report: 'Report',
  statement: 'CreativeWork',
  transcript: 'CreativeWork',
};

/** The main node's type for each page (see the table above); undefined: the page has none (404). */
export function mainType(graph: BriefingGraph, path: string): string | undefined {
  const entry = entryAt(graph, path);
  if (entry) {
    if (entry.collection === 'actors' || entry.collection === 'glossary' || entry.collection === 'sources') return 'WebPage';
    return 'Report';
  }
  if (path === '/glossary/') return 'DefinedTermSet';
  if (path === '/brief/') return 'Report';
  if (path === '/search/') return 'SearchResultsPage';
  if (path === '/actors/' || path === '/issues/' || path === '/sources/' || path === '/timeline/' || path === '/changes/') return 'CollectionPage';
  // The Data page describes the downloads: a catalogue of the briefing's datasets.
  if (path === '/data/') return 'DataCatalog';
  return undefined;
}

type EntryAt = { collection: 'briefing' | 'actors' | 'issues' | 'positions' | 'glossary' | 'sources'; id: string };

/** Each entry page's path → the entry. */
const entryIndex = perGraph((graph: BriefingGraph) => {
  const index = new Map<string, EntryAt>();
  const add = (collection: EntryAt['collection'], list: readonly { id: string }[]) => {
    for (const e of list) index.set(entryPath(collection, e.id), { collection, id: e.id });
  };
  add('briefing', graph.briefing);
  add('actors', graph.actors);
  add('issues', graph.issues);
  add('positions', graph.positions);
  add('glossary', graph.glossary);
  add('sources', graph.sources);
  return index;
});

/** The entry whose page is at `path`, if any. */
function entryAt(graph: BriefingGraph, path: string): EntryAt | undefined {
  return entryIndex(graph).get(path);
}

/**
 * The sources a page rests on: an entry's own citations (a source page, the source itself); the gathering pages
 * (indexes, timeline, the whole briefing), every source, as their "as of" is the latest of all. A glossary term that
 * cites nothing rests on none.
 */
export function citedSources(graph: BriefingGraph, path: string): BriefingGraph['sources'][number][] {
  const entry = entryAt(graph, path);
  if (entry?.collection === 'sources') return graph.sources.filter((s) => s.id === entry.id);
  if (!entry) return [...graph.sources];
  const ids = sourcesCitedBy(graph).get(path);
  return ids ? graph.sources.filter((s) => ids.has(s.id)) : [];
}

/** Each citing page's path → the ids of the sources it cites, from `graph.citers` (paragraph → pages). */
const sourcesCitedBy = perGraph((graph: BriefingGraph) => {
  const index = new Map<string, Set<string>>();
  for (const [key, pages] of graph.citers) {
    const source = key.slice(0, key.lastIndexOf('#'));
    for (const { path } of pages) (index.get(path) ?? index.set(path, new Set()).get(path)!).add(source);
  }
  return index;
});

/** A source document as far as it is known: title, own headline if any, date, outlet only when named. */
function sourceNode(s: BriefingGraph['sources'][number]): JsonLdNode {
  const d = s.data;
  return {
    '@type': SOURCE_TYPES[d.kind], name: d.title, ...(d.headline ? { headline: d.headline } : {}), datePublished: isoDay(d.date),
    ...(d.outlet ? { publisher: { '@type': 'Organization', name: d.outlet } } : {}),
  };
}

/** Stands in for the root while a description with no address is written; every address under it is then taken out. */
const NO_ROOT = 'https://no-address.invalid/';

/**
 * The description with no address: keys holding an address under `root` go, `@id`s under it become blank nodes
 * named after their path ('https://x/actors/iran/#country' → '_:actors-iran-country'), the SearchAction goes.
 */
function withoutAddresses(value: JsonLdValue, root: string): JsonLdValue {
  if (Array.isArray(value)) return value.map((v) => withoutAddresses(v, root));
  if (typeof value !== 'object') return value;
  const out: JsonLdNode = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'potentialAction') continue;
    if (typeof v === 'string' && v.startsWith(root)) {
      if (key !== '@id') continue;
      out[key] = `_:${v.slice(root.length).replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'home'}`;
    } else out[key] = withoutAddresses(v, root);
  }
  return out;
}

export function pageJsonLd(graph: BriefingGraph, page: PageSpec, urls: JsonLdUrls): JsonLdDocument | undefined {
  if (urls.root === null || urls.url === null) {
    const doc = pageJsonLd(graph, page, { ...urls, root: NO_ROOT, url: new URL(page.path.replace(/^\/+/, ''), NO_ROOT).href });
    return doc && { '@context': doc['@context'], '@graph': doc['@graph'].map((n) => withoutAddresses(n, NO_ROOT) as JsonLdNode) };
  }
  const type = mainType(graph, page.path);
  if (!type) return undefined;
  const { root, url } = urls;
  const abs = (path: string) => new URL(path.replace(/^\/+/, ''), root).href;
  const organization: JsonLdNode = { '@type': 'Organization', '@id': `${root}#organization`, name: SITE.title, url: root };
  const website: JsonLdNode = {
    '@type': 'WebSite', '@id': `${root}#website`, name: SITE.title, url: root, inLanguage: SITE.lang, publisher: { '@id': `${root}#organization` },
  };
  if (page.path === '/')
    website.potentialAction = {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${abs('/search/')}?${SEARCH_PARAM}=${SEARCH_TERM}` },
      'query-input': `required name=${SEARCH_TERM.slice(1, -1)}`,
    };
  const sources = citedSources(graph, page.path);
  const main: JsonLdNode = {
    '@type': type, '@id': url, url, name: page.title,
    ...(type === 'Report' ? { headline: page.title } : {}),
    description: page.description,
    dateModified: isoDay(urls.revised),
    inLanguage: SITE.lang,
    isPartOf: { '@id': `${root}#website` },
    author: { '@id': `${root}#organization` },
    publisher: { '@id': `${root}#organization` },
    ...(sources.length && type !== 'SearchResultsPage' ? { isBasedOn: sources.map(sourceNode) } : {}),
  };

  const entry = entryAt(graph, page.path);
  if (entry?.collection === 'actors') {
    const a = graph.actors.find((x) => x.id === entry.id)!;
    const { name, kind, aliases: reported, otherNames, role } = a.data;
    const aliases = [...reported, ...otherNames];
    const id = `${url}#${kind === 'person' ? 'person' : kind === 'state' ? 'country' : 'organization'}`;
    main.mainEntity = { '@type': ACTOR_TYPES[kind], '@id': id, name, ...(aliases.length ? { alternateName: [...aliases] } : {}), description: role };
    main.about = { '@id': id };
  } else if (entry?.collection === 'positions') {
    const p = graph.positions.find((x) => x.id === entry.id)!;
    const actor = graph.actors.find((x) => x.id === p.data.actor.id);
    main.about = [
      ...(actor ? [{ '@type': ACTOR_TYPES[actor.data.kind], name: actor.data.name, url: abs(entryPath('actors', actor.id)) }] : []),
      { '@type': 'Thing', name: graph.issueTitle(p.data.issue.id), url: abs(entryPath('issues', p.data.issue.id)) },
    ];
  } else if (entry?.collection === 'issues') {
    main.about = { '@type': 'Thing', name: page.title };
  } else if (entry?.collection === 'glossary') {
    const t = graph.glossary.find((x) => x.id === entry.id)!;
    main.mainEntity = {
      '@type': 'DefinedTerm', '@id': `${url}#term`, name: t.data.term, ...(t.data.aliases.length ? { alternateName: [...t.data.aliases] } : {}),
      description: t.data.definition, url,
      inDefinedTermSet: { '@type': 'DefinedTermSet', '@id': abs('/glossary/'), name: 'Glossary', url: abs('/glossary/') },
    };
  } else if (entry?.collection === 'sources') {
    main.about = sourceNode(sources[0]!);
  } else if (page.path === '/glossary/') {
    main.hasDefinedTerm = graph.glossary.map((t) => {
      const at = abs(entryPath('glossary', t.id));
      return { '@type': 'DefinedTerm', '@id': `${at}#term`, name: t.data.term, url: at };
    });
  } else if (page.path === '/timeline/') {
    main.mainEntity = {
      '@type': 'ItemList',
      itemListElement: graph.events.map((e, i) => ({
        '@type': 'ListItem', position: i + 1,
        item: { '@type': 'Event', '@id': abs(entryPath('events', e.id)), name: e.data.title, ...(e.data.date ? { startDate: e.data.date.on } : {}) },
      })),
    };
  }
  return { '@context': 'https://schema.org', '@graph': [main, organization, website] };
}

/**
 * The document as the text of a `<script type="application/ld+json">`: a data block, which never runs and which the
 * Content-Security-Policy's script-src does not govern. "<" is escaped so no text can close the element.
 */
export function serialiseJsonLd(doc: JsonLdDocument): string {
  return JSON.stringify(doc).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
