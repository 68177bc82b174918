/**
 * Where a citation marker points. On every page it is the paragraph on its source page (/sources/<id>/#p3); in the
 * whole briefing as one document (/brief/) it is that document's endnote for the paragraph (#note-<id>-3), so the
 * document, and the PDF printed from it, links within itself. The brief marks its render (Astro.request) before any
 * component renders; Cite asks for its render.
 */
const inDocument = new WeakSet<object>();

/** Marks a page render as the one-document briefing: its citations link to its endnotes. */
export const citeToEndnotes = (render: object): void => void inDocument.add(render);

/** Whether a render's citations link to endnotes. */
export const citesToEndnotes = (render: object): boolean => inDocument.has(render);

/** The id of a source paragraph's endnote in the one-document briefing: "note-muscat-2026-02-06-3". */
export const endnoteId = (sourceId: string, n: number): string => `note-${sourceId}-${n}`;
