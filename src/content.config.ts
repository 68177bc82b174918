import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { actorSchema } from './schemas/actor.ts';
import { briefingSchema } from './schemas/briefing.ts';
import type { RefFactory } from './schemas/common.ts';
import { eventSchema } from './schemas/event.ts';
import { glossarySchema } from './schemas/glossary.ts';
import { issueSchema } from './schemas/issue.ts';
import { positionSchema } from './schemas/position.ts';
import { sourceSchema } from './schemas/source.ts';
import { contentDir } from './lib/content-dir.ts';

// One collection per folder of content/ (or of CONTENT_DIR, which the scale benchmark points elsewhere).
const ref: RefFactory = (collection) => reference(collection);
const from = (folder: string, pattern: string) => glob({ base: `${contentDir()}/${folder}`, pattern });

export const collections = {
  briefing: defineCollection({ loader: from('briefing', '**/*.mdx'), schema: briefingSchema }),
  actors: defineCollection({ loader: from('actors', '**/*.mdx'), schema: actorSchema(ref) }),
  issues: defineCollection({ loader: from('issues', '**/*.mdx'), schema: issueSchema(ref) }),
  positions: defineCollection({ loader: from('positions', '**/*.yaml'), schema: positionSchema(ref) }),
  events: defineCollection({ loader: from('events', '**/*.yaml'), schema: eventSchema(ref) }),
  glossary: defineCollection({ loader: from('glossary', '**/*.mdx'), schema: glossarySchema(ref) }),
  sources: defineCollection({ loader: from('sources', '**/*.yaml'), schema: sourceSchema }),
};
