import { z } from 'astro/zod';
import { ENTRY_FIELDS, aliasesSchema, citationsSchema, type RefFactory } from './common.ts';

/** A question on the table in the talks (content/issues/*.mdx). */
export const issueSchema = (ref: RefFactory) =>
  z.strictObject({
    ...ENTRY_FIELDS,
    /** The issue as a short noun phrase, e.g. "Uranium enrichment". */
    title: z.string().min(3),
    /** Very short label for matrix columns, e.g. "Enrichment". */
    shortTitle: z.string().max(24),
    /** Other words readers use for it ("missiles" for ballistic missiles). */
    aliases: aliasesSchema,
    /** One sentence in our words: what is in dispute. */
    summary: z.string().min(20),
    /** Paragraphs that establish the issue is on the table. */
    citations: citationsSchema(ref),
    /** Display order (lower first): matrix columns and the index follow it. */
    order: z.number().int(),
  });

export type IssueData = z.output<ReturnType<typeof issueSchema>>;
