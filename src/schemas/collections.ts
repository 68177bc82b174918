/**
 * The collection table: every content folder of the briefing, once. content.config.ts, the validator, the content
 * graph, links, page types and the cross-linker all read it, so adding a collection is one row here.
 *
 *   folder      content/<folder>/ holds the entries, one file each
 *   format      mdx (frontmatter + body) or yaml
 *   schema      the zod schema of one entry (given how references are parsed: Astro's reference() or idRef)
 *   schemaFile  where the schema lives, named in error messages
 *   pageType    the page type an entry's page declares (search filter, preview image), from src/schemas/page-types.ts
 *   page        the site-relative path of an entry's page (events are anchors on the timeline)
 *   titleField  the field that names an entry on its page and its preview image (positions are named from theirs)
 *   link        for entries the cross-linker links where they are mentioned: which field names them, which field
 *               their preview shows, and what kind of link they make
 */
import type { z } from 'astro/zod';
import type { PageType } from './page-types.ts';
import { actorSchema } from './actor.ts';
import { briefingSchema } from './briefing.ts';
import { COLLECTIONS, type CollectionName, type RefFactory } from './common.ts';
import { eventSchema } from './event.ts';
import { glossarySchema } from './glossary.ts';
import { issueSchema } from './issue.ts';
import { positionSchema } from './position.ts';
import { sourceSchema } from './source.ts';

export type ContentFormat = 'mdx' | 'yaml';

export interface LinkSpec {
  kind: 'actor' | 'term';
  /** Frontmatter field holding the entry's name. */
  nameField: string;
  /** Frontmatter field the mention's preview shows after the name. */
  previewField: string;
  /** What the preview's text is, when it is not from the sources: "general background" for glossary definitions. */
  previewLabel?: string;
}

export interface CollectionSpec {
  folder: string;
  format: ContentFormat;
  schema: (ref: RefFactory) => z.ZodType;
  schemaFile: string;
  pageType: PageType;
  page: (id: string) => string;
  titleField?: string;
  link?: LinkSpec;
}

export const COLLECTION_TABLE = {
  briefing: {
    folder: 'briefing', format: 'mdx', schema: () => briefingSchema, schemaFile: 'briefing.ts', pageType: 'briefing',
    page: (id) => (id === 'overview' ? '/' : `/briefing/${id}/`), titleField: 'title',
  },
  actors: {
    folder: 'actors', format: 'mdx', schema: actorSchema, schemaFile: 'actor.ts', pageType: 'actor',
    page: (id) => `/actors/${id}/`, titleField: 'name', link: { kind: 'actor', nameField: 'name', previewField: 'role' },
  },
  issues: {
    folder: 'issues', format: 'mdx', schema: issueSchema, schemaFile: 'issue.ts', pageType: 'issue',
    page: (id) => `/issues/${id}/`, titleField: 'title',
  },
  positions: {
    folder: 'positions', format: 'yaml', schema: positionSchema, schemaFile: 'position.ts', pageType: 'position',
    page: (id) => `/positions/${id}/`,
  },
  events: {
    folder: 'events', format: 'yaml', schema: eventSchema, schemaFile: 'event.ts', pageType: 'event',
    page: (id) => `/timeline/#${id}`, titleField: 'title',
  },
  glossary: {
    folder: 'glossary', format: 'mdx', schema: glossarySchema, schemaFile: 'glossary.ts', pageType: 'glossary',
    page: (id) => `/glossary/${id}/`, titleField: 'term', link: { kind: 'term', nameField: 'term', previewField: 'definition', previewLabel: 'general background' },
  },
  sources: {
    folder: 'sources', format: 'yaml', schema: () => sourceSchema, schemaFile: 'source.ts', pageType: 'source',
    page: (id) => `/sources/${id}/`, titleField: 'title',
  },
} as const satisfies Record<CollectionName, CollectionSpec>;

/** The rows in reading order, with their names. */
export const collectionRows = (): [CollectionName, CollectionSpec][] =>
  COLLECTIONS.map((name) => [name, COLLECTION_TABLE[name]]);

/** File extension of a collection's entries. */
export const extensionOf = (format: ContentFormat): string => (format === 'mdx' ? '.mdx' : '.yaml');
