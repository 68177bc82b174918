import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import type { CollectionName, RefFactory } from './schemas/common.ts';
import { COLLECTION_TABLE as T, extensionOf } from './schemas/collections.ts';
import { contentDir } from './lib/content/content-dir.ts';

// One collection per row of the collection table (src/schemas/collections.ts), read from content/ (or CONTENT_DIR,
// which the scale benchmark points elsewhere). Written out row by row so each collection keeps its schema's type.
const ref: RefFactory = (collection) => reference(collection);
const loader = (name: CollectionName) => glob({ base: `${contentDir()}/${T[name].folder}`, pattern: `**/*${extensionOf(T[name].format)}` });

export const collections = {
  briefing: defineCollection({ loader: loader('briefing'), schema: T.briefing.schema() }),
  actors: defineCollection({ loader: loader('actors'), schema: T.actors.schema(ref) }),
  issues: defineCollection({ loader: loader('issues'), schema: T.issues.schema(ref) }),
  positions: defineCollection({ loader: loader('positions'), schema: T.positions.schema(ref) }),
  events: defineCollection({ loader: loader('events'), schema: T.events.schema(ref) }),
  glossary: defineCollection({ loader: loader('glossary'), schema: T.glossary.schema(ref) }),
  sources: defineCollection({ loader: loader('sources'), schema: T.sources.schema() }),
} satisfies Record<CollectionName, unknown>;
