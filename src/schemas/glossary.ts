import { z } from 'astro/zod';
import { ENTRY_FIELDS, aliasesSchema, type RefFactory } from './common.ts';

/**
 * A glossary term (content/glossary/*.mdx). Definitions are general knowledge, the one place it is allowed:
 * keep them short and accurate. The MDX body may say how the term figures in these talks, with citations.
 */
export const glossarySchema = (ref: RefFactory) =>
  z.strictObject({
    ...ENTRY_FIELDS,
    /** The term as it is usually written, e.g. "Highly enriched uranium". */
    term: z.string().min(2),
    /** Other spellings, abbreviations and plurals readers meet ("HEU", "JCPOA"). Acronyms match case-sensitively. */
    aliases: aliasesSchema,
    /** One or two sentences: what the term means in general. Shown in previews and on the A–Z index. */
    definition: z.string().min(20).max(400),
    /** Other glossary entries worth reading next (ids from content/glossary/). */
    related: z.array(ref('glossary')).default([]),
  });

export type GlossaryData = z.output<ReturnType<typeof glossarySchema>>;
