import { z } from 'astro/zod';
import { ENTRY_FIELDS, aliasesSchema, citationsSchema, type RefFactory } from './common.ts';
import { relationSchema } from './relation.ts';

/** What sort of actor an entry is. */
export const ACTOR_KINDS = ['state', 'bloc', 'person', 'organisation'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Plural headings for the actor index, one per kind. */
export const ACTOR_KIND_LABELS: Record<ActorKind, string> = {
  state: 'States',
  bloc: 'Groups of states',
  person: 'People',
  organisation: 'Organisations',
};

/** An actor: a state, a bloc of states, a person or an organisation the source names (content/actors/*.mdx). */
export const actorSchema = (ref: RefFactory) =>
  z.strictObject({
    ...ENTRY_FIELDS,
    /** Full name as a reader would look for it, e.g. "Marco Rubio", "United States". */
    name: z.string().min(2),
    /** Short name for tight spaces (matrix columns, chips); defaults to `name`. */
    shortName: z.string().optional(),
    /** State, bloc, person or organisation. */
    kind: z.enum(ACTOR_KINDS),
    /**
     * Other names the sources use for it: capitals for states ("Tehran"), surnames for people ("Rubio"). Shown as
     * "Also called"; search and cross-links find each.
     */
    aliases: aliasesSchema,
    /**
     * Names the sources do not use but readers may know or type: other transliterations ("Araghchi"), acronyms
     * ("IRGC"), capitals the report never names ("Moscow"). Shown marked as ours, not the report's; search and
     * cross-links find each, like aliases.
     */
    otherNames: aliasesSchema,
    /** The actor this one belongs to or speaks for (a minister → their state). */
    affiliation: ref('actors').optional(),
    /** The role the source gives the actor, in a few words ("US Secretary of State"). */
    role: z.string().min(3),
    /** One or two sentences in our words: who this is in this story. */
    summary: z.string().min(20),
    /** Paragraphs that support the role and summary. */
    citations: citationsSchema(ref),
    /**
     * How this actor stands to others (drawn on the actor map), each with its citations. Write a mutual relation
     * ("negotiates with") once, in either actor's file. Membership is not a relation: use `affiliation`.
     */
    relations: z.array(relationSchema(ref)).default([]),
    /** Display order within its kind on the index (lower first). */
    order: z.number().int().default(100),
  });

export type ActorData = z.output<ReturnType<typeof actorSchema>>;
