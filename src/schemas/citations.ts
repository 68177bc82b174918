/**
 * Citations, one shape for the whole build. Editors write `{ source: <id>, paragraphs: [3, 4] }` in YAML and
 * frontmatter (parsed by citationSchema, where `source` becomes a reference { id, collection }) or `<Cite p="3,4" />`
 * in MDX bodies (parsed by remark-citations). Both end up as a `Citation`; the checks add where it was written.
 */
import type { z } from 'astro/zod';
import type { citationSchema } from './common.ts';

/** A source id and the numbers of its cited paragraphs. */
export interface Citation {
  source: string;
  paragraphs: readonly number[];
}

/** A citation and the field it was written in ("citations[0]", "relations[1].citations[0]", "body <Cite>"). */
export interface CitationRecord extends Citation {
  field: string;
}

/** A citation as the schemas parse it from frontmatter or YAML: the source is a reference. */
export type CitationData = z.output<ReturnType<typeof citationSchema>>;

/** `{ source: { id: 'x' }, paragraphs }` → `{ source: 'x', paragraphs }`. */
export const plainCitation = (c: Pick<CitationData, 'source' | 'paragraphs'>): Citation => ({ source: c.source.id, paragraphs: c.paragraphs });
