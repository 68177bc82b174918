import { z } from 'astro/zod';
import { citationsSchema, type RefFactory } from './common.ts';

/**
 * The closed vocabulary of relations between actors, drawn on the actor map. Each reads from the actor whose file
 * holds it to the actor it names: "Oman mediates between … and Iran". `mutual` relations read the same both ways and
 * are drawn without an arrow; `dash` is the line pattern, one of its own for each kind (test/graphics.test.ts checks),
 * so no relation is told apart by colour alone.
 */
export const RELATIONS = {
  'mediates-for': { label: 'mediates with', mutual: false, dash: '10 3 2 3', description: 'Mediates between this side and the other: carries messages, hosts talks.' },
  'negotiates-with': { label: 'negotiates with', mutual: true, dash: '', description: 'Is in talks with, directly or through a mediator.' },
  'ally-of': { label: 'ally of', mutual: true, dash: '1.5 4', description: 'Described by the source as an ally.' },
  'adversary-of': { label: 'adversary of', mutual: true, dash: '8 4', description: 'Has attacked or is in open confrontation with.' },
  'sees-threat-in': { label: 'sees a threat in', mutual: false, dash: '2 2 8 2', description: 'Has publicly called the other, or its weapons, a danger to itself.' },
  'hosts-bases-of': { label: 'hosts bases of', mutual: false, dash: '10 3 2 3 2 3', description: 'Has this state’s military bases on its soil.' },
  'has-warned': { label: 'has warned', mutual: false, dash: '5 3', description: 'Has publicly threatened or cautioned.' },
  'family-of': { label: 'family of', mutual: false, dash: '16 3 6 3', description: 'Related by family.' },
} as const;

export type RelationKind = keyof typeof RELATIONS;
export const RELATION_KEYS = Object.keys(RELATIONS) as [RelationKind, ...RelationKind[]];

/** One relation in an actor's frontmatter: `{ kind: ally-of, with: iran, citations: [...] }`. */
export const relationSchema = (ref: RefFactory) =>
  z.strictObject({
    /** What the relation is, from the vocabulary in src/schemas/relation.ts. */
    kind: z.enum(RELATION_KEYS),
    /** The other actor (an id from content/actors/). */
    with: ref('actors'),
    /** The more precise wording of this relation, in a few words of our own (e.g. "son-in-law of"); optional. */
    label: z.string().min(3).optional(),
    /** Paragraphs that support the relation. */
    citations: citationsSchema(ref),
  });

export type RelationData = z.output<ReturnType<typeof relationSchema>>;
