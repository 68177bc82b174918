import { z } from 'astro/zod';
import { ENTRY_FIELDS } from './common.ts';

/** A narrative briefing page (content/briefing/*.mdx). */
export const briefingSchema = z.strictObject({
  ...ENTRY_FIELDS,
  /** Page title (the h1). */
  title: z.string().min(3),
  /** Short title for navigation. */
  navTitle: z.string().max(24),
  /** One sentence for search results, link previews and the home page. */
  description: z.string().min(20).max(220),
  /** Reading order of the briefing pages (lower first). */
  order: z.number().int(),
});

export type BriefingData = z.output<typeof briefingSchema>;
