import { z } from 'astro/zod';

/**
 * A function that turns a collection name into a zod schema for an entry id of that collection.
 * In the site it is Astro's `reference()`; in unit tests a stand-in, so schemas can be tested without Astro.
 */
export type RefFactory = (collection: CollectionName) => z.ZodType<EntryRef, string>;

/** What a reference becomes once parsed: the id and collection of the entry it points to. */
export interface EntryRef {
  id: string;
  collection: string;
}

/** Every content collection of the briefing, in the order a reader meets them. */
export const COLLECTIONS = ['briefing', 'actors', 'issues', 'positions', 'events', 'glossary', 'sources'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/**
 * Fields every entry may have, whatever its collection. Each schema is strict (a key it does not declare is an error,
 * so a misspelt optional field is reported rather than dropped), so these are declared once here and spread into each.
 */
export const ENTRY_FIELDS = {
  /** The entry's id, when it should differ from the file name (which is the id otherwise). */
  slug: z.string().optional(),
};

/** A slug-like id: lowercase words joined by hyphens. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens (e.g. "marco-rubio").');

/**
 * Where a fact comes from: one source document and one or more of its numbered paragraphs.
 * In YAML: `{ source: muscat-2026-02-06, paragraphs: [3, 4] }`.
 */
export const citationSchema = (ref: RefFactory) =>
  z.strictObject({
    /** Id of the source document (a file name in content/sources/ without its extension). */
    source: ref('sources'),
    /** Numbers of the cited paragraphs, counted from 1 in reading order (subheadings are not counted), each once. */
    paragraphs: z
      .array(z.number().int().positive())
      .min(1, 'Cite at least one paragraph.')
      .superRefine((ps, ctx) => {
        const twice = [...new Set(ps.filter((n, i) => ps.indexOf(n) !== i))];
        if (twice.length)
          ctx.addIssue({ code: 'custom', message: `lists paragraph ${twice.join(', ')} more than once. Fix: list each paragraph once, e.g. [${[...new Set(ps)].join(', ')}].` });
      }),
  });

/** A list of citations; at least one, because every factual statement needs a source. */
export const citationsSchema = (ref: RefFactory) =>
  z.array(citationSchema(ref)).min(1, 'Every record needs at least one citation ({ source, paragraphs }).');

/** Alternative names a reader may search for or meet in the text (e.g. "Tehran", "Rubio"). */
export const aliasesSchema = z.array(z.string().min(2)).default([]);

/**
 * Characters no text in the content may hold: the C0 controls but tab, line feed and carriage return, DEL and the
 * C1 controls, U+FFFE and U+FFFF, and lone surrogates (half a character). They are invisible in an editor, and XML
 * 1.0 forbids most of them, so the EPUB, the feed and the sitemap would not parse. The reader checks every file's
 * text and every parsed string with it (src/lib/content/content-files.ts), so it applies to every field of every schema.
 */
const FORBIDDEN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first character of `text` that no content may hold, as its position and its code ("U+0007"), if any. */
export function forbiddenChar(text: string): { index: number; code: string } | undefined {
  const m = FORBIDDEN_TEXT.exec(text);
  return m ? { index: m.index, code: `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` } : undefined;
}

/** What to tell an editor about a forbidden character: what it is and the fix. */
export const forbiddenCharMessage = (code: string): string =>
  `holds ${/^U\+D[89A-F]/.test(code) ? `half a character (a lone surrogate, ${code})` : `the invisible control character ${code}`}, ` +
  'which pages, the feed and the EPUB cannot carry. Fix: delete it; if you cannot see it, retype the text around it.';
