import { z } from 'astro/zod';
import { citationsSchema, type RefFactory } from './common.ts';

/**
 * The closed vocabulary of relations between actors, drawn on the actor map. Each reads from the actor whose file
 * holds it to the actor it names. `label` is the few words on the map's line; `verb` makes it a sentence
 * (src/lib/content/relations.ts `relationSentence`): "Israel sees a threat in Iran.", with the plural form for a group of states
 * ("Gulf states hosting US bases host bases of the United States"). `mutual` relations read the same both ways and
 * are drawn without an arrow; `dash` is the line pattern, one of its own for each kind (test/graphics.test.ts checks),
 * so no relation is told apart by colour alone.
 */
export const RELATIONS = {
  'mediates-for': { label: 'mediates with', verb: ['is a mediator for', 'are mediators for'], mutual: false, dash: '10 3 2 3', description: 'Mediates between this side and the other: carries messages, hosts talks.' },
  'negotiates-with': { label: 'negotiates with', verb: ['negotiates with', 'negotiate with'], mutual: true, dash: '', description: 'Is in talks with, directly or through a mediator.' },
  'ally-of': { label: 'ally of', verb: ['is an ally of', 'are allies of'], mutual: true, dash: '1.5 4', description: 'Described by the source as an ally.' },
  'adversary-of': { label: 'adversary of', verb: ['is an adversary of', 'are adversaries of'], mutual: true, dash: '8 4', description: 'Has attacked or is in open confrontation with.' },
  'sees-threat-in': { label: 'sees a threat in', verb: ['sees a threat in', 'see a threat in'], mutual: false, dash: '2 2 8 2', description: 'Has publicly called the other, or its weapons, a danger to itself.' },
  'hosts-bases-of': { label: 'hosts bases of', verb: ['hosts bases of', 'host bases of'], mutual: false, dash: '10 3 2 3 2 3', description: 'Has this state’s military bases on its soil.' },
  'has-warned': { label: 'has warned', verb: ['has warned', 'have warned'], mutual: false, dash: '5 3', description: 'Has publicly threatened or cautioned.' },
  'family-of': { label: 'family of', verb: ['is family of', 'are family of'], mutual: false, dash: '16 3 6 3', description: 'Related by family.' },
} as const satisfies Record<string, { label: string; verb: readonly [one: string, many: string]; mutual: boolean; dash: string; description: string }>;

export type RelationKind = keyof typeof RELATIONS;
export const RELATION_KEYS = Object.keys(RELATIONS) as [RelationKind, ...RelationKind[]];

/** One relation in an actor's frontmatter: `{ kind: ally-of, with: iran, citations: [...] }`. */
export const relationSchema = (ref: RefFactory) =>
  z.strictObject({
    /** What the relation is, from the vocabulary in src/schemas/relation.ts. */
    kind: z.enum(RELATION_KEYS),
    /** The other actor (an id from content/actors/). */
    with: ref('actors'),
    /**
     * The more precise wording of this relation, in a few words of our own, as the map shows it between the two names
     * (e.g. "son-in-law of", "in indirect talks with"); optional. Sentences put "is" (and "a", before a noun) in front
     * of it, unless it starts with a verb of its own ("has long backed").
     */
    label: z.string().min(3).optional(),
    /** Paragraphs that support the relation. */
    citations: citationsSchema(ref),
  });

export type RelationData = z.output<ReturnType<typeof relationSchema>>;
