/**
 * The preview text of a citation marker: what the cited paragraph says and where it comes from, shown by
 * src/scripts/previews.ts on hover, focus or a first tap, as cross-link previews are.
 *
 *   citationPreviews(sources)('muscat-2026-02-06', 3)
 *   → "¶3 · News report: Iran and the US return…, 6 February 2026: Iran seeks recognition of its enrichment right…"
 *
 * The outlet follows the title when it is known; a source without one (outlet: null) goes straight to the date.
 */
import type { Source } from '../../schemas/source.ts';
import { formatDay } from '../../schemas/dates.ts';

/** What a preview needs of a source entry. */
export interface PreviewSource {
  id: string;
  data: Pick<Source, 'title' | 'outlet' | 'date' | 'paragraphs'>;
}

/** A source's preview texts by paragraph number, built once per list of sources. */
const built = new WeakMap<readonly PreviewSource[], Map<string, readonly string[]>>();

/** "¶3 · <title>, <outlet>, 6 February 2026: <summary>" for one paragraph of one source. */
export function paragraphPreview(source: PreviewSource['data'], n: number): string {
  const paragraph = source.paragraphs[n - 1];
  if (!paragraph || paragraph.n !== n)
    throw new Error(`Source "${source.title}" has no paragraph ${n} (it has 1–${source.paragraphs.length}); cite an existing paragraph.`);
  const origin = [source.title, source.outlet, formatDay(source.date)].filter(Boolean).join(', ');
  return `¶${n} · ${origin}: ${paragraph.summary}`;
}

/** The preview text of a citation, by source id and paragraph number. */
export type CitationPreviews = (sourceId: string, n: number) => string;

const perRender = new WeakMap<object, Promise<CitationPreviews>>();
/**
 * The lookup for one page render, loading the sources once per `render` (Astro.request): in dev, loadBriefing()
 * re-reads the content on every call, and a page can hold fifty citations.
 */
export function citationPreviewsFor(render: object, sources: () => Promise<readonly PreviewSource[]>): Promise<CitationPreviews> {
  let lookup = perRender.get(render);
  if (!lookup) {
    lookup = sources().then(citationPreviews);
    perRender.set(render, lookup);
  }
  return lookup;
}

/** A lookup from (source id, paragraph number) to the preview text, over the briefing's sources. */
export function citationPreviews(sources: readonly PreviewSource[]): CitationPreviews {
  let texts = built.get(sources);
  if (!texts) {
    texts = new Map(sources.map((s) => [s.id, s.data.paragraphs.map((p) => paragraphPreview(s.data, p.n))]));
    built.set(sources, texts);
  }
  const table = texts;
  return (sourceId, n) => {
    const list = table.get(sourceId);
    if (!list) throw new Error(`A citation names source "${sourceId}", which does not exist. Known sources: ${[...table.keys()].join(', ')}.`);
    const text = list[n - 1];
    if (text === undefined) throw new Error(`A citation names ¶${n} of "${sourceId}", which has paragraphs 1–${list.length}; cite an existing paragraph.`);
    return text;
  };
}
