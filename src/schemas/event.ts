import { z } from 'astro/zod';
import { parsePartialDate } from './dates.ts';
import { ENTRY_FIELDS, citationsSchema, type RefFactory } from './common.ts';

/** How precisely the source lets us date an event. */
export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;

/**
 * The date of an event as the source allows it:
 * - `on`: ISO date at the given precision ("2026-02-04", "2025-06", "2015");
 * - `derived`: set when the source gives a relative date ("last June") that we resolved from the dateline;
 * - omitted entirely (`date: null`) when the source gives no date: the event is shown as undated, never guessed.
 */
export const eventDateSchema = z
  .strictObject({
    /** ISO date written to the given precision: YYYY-MM-DD, YYYY-MM or YYYY. */
    on: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'Write the date as YYYY, YYYY-MM or YYYY-MM-DD.'),
    /** Precision of `on`; must match how many parts it has. */
    precision: z.enum(DATE_PRECISIONS),
    /** When the date was worked out from a relative expression: the expression and how it was resolved. */
    derived: z
      .strictObject({
        /** The relative wording in the source, e.g. "last June". */
        from: z.string(),
        /** How it was resolved, e.g. "June before the February 2026 dateline". */
        reasoning: z.string(),
      })
      .optional(),
  })
  .superRefine((d, ctx) => {
    const date = parsePartialDate(d.on);
    if (!date) {
      ctx.addIssue({ code: 'custom', path: ['on'], message: `"${d.on}" is not a real calendar date; write it as YYYY, YYYY-MM or YYYY-MM-DD.` });
      return;
    }
    if (date.precision !== d.precision)
      ctx.addIssue({ code: 'custom', path: ['on'], message: `"${d.on}" does not match precision "${d.precision}"; write YYYY for a year, YYYY-MM for a month, YYYY-MM-DD for a day.` });
  });

/** A timeline event (content/events/*.yaml). */
export const eventSchema = (ref: RefFactory) =>
  z.strictObject({
    ...ENTRY_FIELDS,
    /** What happened, as a short headline in our words. */
    title: z.string().min(5),
    /** The date, or null when the source gives none. */
    date: eventDateSchema.nullable(),
    /** For undated events: where it falls relative to others, in words ("after June 2025, before the talks"). */
    when: z.string().optional(),
    /**
     * For undated events: the event the article's wording places this one after ("Iran later said…": after the US
     * strikes) or before ("ahead of the talks"). The timeline draws the event somewhere between them, and without
     * either anywhere before the dateline, never where outside knowledge would put it.
     */
    after: ref('events').optional(),
    before: ref('events').optional(),
    /**
     * Reading order of dated events (lower first), by date. Undated events are listed after the dated ones, by title,
     * in no implied order; theirs is not used (the graphic places them by `after`/`before`).
     */
    order: z.number().int(),
    /** One to three sentences in our words. */
    summary: z.string().min(20),
    /** Actors involved (ids from content/actors/). */
    actors: z.array(ref('actors')).default([]),
    /** Issues it bears on (ids from content/issues/). */
    issues: z.array(ref('issues')).default([]),
    /** Paragraphs that report the event. */
    citations: citationsSchema(ref),
  });

export type EventData = z.output<ReturnType<typeof eventSchema>>;
export type EventDate = z.output<typeof eventDateSchema>;
