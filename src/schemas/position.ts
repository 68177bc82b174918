import { z } from 'astro/zod';
import { STANCE_KEYS } from './stance.ts';
import { ENTRY_FIELDS, citationsSchema, type RefFactory } from './common.ts';

/**
 * One actor's stance on one issue (content/positions/*.yaml, named `<actor>--<issue>.yaml`).
 * Several records may exist for one actor and issue when the source reports distinct stances.
 */
export const positionSchema = (ref: RefFactory) =>
  z.strictObject({
    ...ENTRY_FIELDS,
    /** Who holds the position: an id from content/actors/. */
    actor: ref('actors'),
    /** Which issue it concerns: an id from content/issues/. */
    issue: ref('issues'),
    /** The stance, from a closed vocabulary (see src/schemas/stance.ts). */
    stance: z.enum(STANCE_KEYS),
    /**
     * What sets this position apart from the same actor's other positions on the issue, in a few lowercase words
     * ("could consider limits"). Required when the actor has two or more positions on the issue: the title becomes
     * "Iran on uranium enrichment: could consider limits", so pages, results and previews never share a title.
     */
    aspect: z.string().min(3).max(60).optional(),
    /** The position in a few words, for matrix cells ("Zero enrichment only with sanctions lifted"). */
    headline: z.string().min(5).max(80),
    /** One to three sentences in our words, attributed ("Rubio said…"), never quoted. */
    summary: z.string().min(20),
    /** Who voiced it, when that is narrower than the actor (e.g. "unnamed officials"). */
    voicedBy: z.string().optional(),
    /** Paragraphs that report the stance. */
    citations: citationsSchema(ref),
    /**
     * The older position (an id from content/positions/, same actor and issue) that this one replaces, when a later
     * source reports a changed stance. The older file stays as it was: its page then says what replaced it, and this
     * position's page shows the history. This position must cite a source dated later than any the older one cites.
     */
    supersedes: ref('positions').optional(),
  });

export type PositionData = z.output<ReturnType<typeof positionSchema>>;
