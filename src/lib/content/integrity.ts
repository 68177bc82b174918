/**
 * Cross-collection checks that zod schemas cannot make on their own: every reference names an existing entry, every
 * cited paragraph exists in its source. Pure: it takes plain records and returns messages, each naming the file, the
 * field and the fix. The site's data loader throws them all at once, so one build shows every problem.
 */

import type { Citation, CitationRecord } from '../../schemas/citations.ts';

export interface ReferenceRecord {
  collection: string;
  id: string;
  field: string;
}

export interface EntryRecord {
  collection: string;
  id: string;
  filePath?: string | undefined;
  citations: readonly CitationRecord[];
  references: readonly ReferenceRecord[];
}

/**
 * `known` lists the ids that exist per collection when that is more than `entries` holds (entries that failed
 * their own checks still exist: references to them are not errors, so one bad file gives one message).
 */
export function checkIntegrity(
  sources: Readonly<Record<string, number>>,
  entries: readonly EntryRecord[],
  known?: ReadonlyMap<string, ReadonlySet<string>>,
): string[] {
  const ids = new Map<string, Set<string>>();
  for (const e of entries) {
    if (!ids.has(e.collection)) ids.set(e.collection, new Set());
    ids.get(e.collection)!.add(e.id);
  }
  for (const [collection, set] of known ?? []) for (const id of set) (ids.get(collection) ?? ids.set(collection, new Set()).get(collection)!).add(id);
  const problems: string[] = [];
  for (const e of entries) {
    const where = e.filePath ?? `${e.collection}/${e.id}`;
    for (const r of e.references) {
      if (!ids.get(r.collection)?.has(r.id))
        problems.push(
          `${where}: field "${r.field}" refers to ${r.collection} "${r.id}", which does not exist. ` +
            `Use the file name (without extension) of an entry in content/${r.collection}/, or create that entry.`,
        );
    }
    for (const c of e.citations) {
      const count = Object.hasOwn(sources, c.source) ? sources[c.source] : undefined;
      // A source that exists but whose paragraphs cannot be counted has its own message; its citations get none.
      if (count === undefined && ids.get('sources')?.has(c.source)) continue;
      if (count === undefined) {
        problems.push(
          `${where}: field "${c.field}" cites source "${c.source}", which does not exist. ` +
            `Known sources: ${Object.keys(sources).join(', ') || 'none'}.`,
        );
        continue;
      }
      const missing = c.paragraphs.filter((n) => n < 1 || n > count);
      if (missing.length)
        problems.push(
          `${where}: field "${c.field}" cites paragraph ${missing.join(', ')} of "${c.source}", which has paragraphs 1–${count}. ` +
            'Cite an existing paragraph.',
        );
    }
  }
  return problems;
}

/** Paragraphs of each source that nothing cites, as "source ¶n" strings. */
export function uncitedParagraphs(
  sources: Readonly<Record<string, number>>,
  citations: Iterable<Citation>,
): string[] {
  const cited = new Set<string>();
  for (const c of citations) for (const n of c.paragraphs) cited.add(`${c.source} ¶${n}`);
  const out: string[] = [];
  for (const [source, count] of Object.entries(sources))
    for (let n = 1; n <= count; n++) if (!cited.has(`${source} ¶${n}`)) out.push(`${source} ¶${n}`);
  return out;
}
