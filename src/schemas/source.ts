import { z } from 'astro/zod';
import { ENTRY_FIELDS } from './common.ts';

/** One numbered body paragraph of a source document. */
export const paragraphSchema = z.strictObject({
  /** Position in reading order, from 1; subheadings are not numbered. */
  n: z.number().int().positive(),
  /** One line in our own words: what the paragraph reports. Never the source's sentence. */
  summary: z.string().min(10),
  /** The section (subheading of the source) the paragraph sits under, if any. */
  section: z.string().optional(),
});

/** A source document: the record every citation points into (content/sources/*.yaml). */
export const sourceSchema = z
  .strictObject({
    ...ENTRY_FIELDS,
    /** Our descriptive title for the document (the source's own headline, if known, goes in `headline`). */
    title: z.string(),
    /** The kind of document. */
    kind: z.enum(['news-article', 'statement', 'transcript', 'report']),
    /** Place line of the dateline, e.g. "Muscat". */
    dateline: z.string(),
    /** Publication date (YYYY-MM-DD), a real calendar day. */
    date: z.union([z.date(), z.string()]).transform((value, ctx) => {
      const day = value instanceof Date ? value.toISOString().slice(0, 10) : value;
      const date = new Date(`${day}T00:00:00Z`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) {
        ctx.addIssue({ code: 'custom', message: `"${day}" is not a real calendar date; write it as YYYY-MM-DD.` });
        return z.NEVER;
      }
      return date;
    }),
    /** How the date was established, when the document does not state it in full (e.g. an inferred year). */
    dateNote: z.string().optional(),
    /** The outlet that published it; null when unknown. */
    outlet: z.string().nullable(),
    /** The document's own headline; null when unknown. */
    headline: z.string().nullable(),
    /** What is known and unknown about where the document comes from. */
    provenanceNote: z.string(),
    /** Path of the source text, relative to the repository, if it is kept alongside. */
    textPath: z.string().optional(),
    /** The body paragraphs in reading order. Numbers must run 1, 2, 3… without gaps. */
    paragraphs: z.array(paragraphSchema).min(1),
  })
  .superRefine((source, ctx) => {
    source.paragraphs.forEach((p, i) => {
      if (p.n !== i + 1)
        ctx.addIssue({
          code: 'custom',
          path: ['paragraphs', i, 'n'],
          message: `Paragraph ${i + 1} is numbered ${p.n}; number paragraphs 1, 2, 3… in reading order.`,
        });
    });
  });

export type Source = z.output<typeof sourceSchema>;
