/**
 * What search indexes for one page, in both editions: the text Pagefind indexes (the `[data-pagefind-body]` element
 * minus `[data-pagefind-ignore]` parts), its filters and meta, the text weighted highest (names and aliases) as
 * keywords, and the stretches between headings with ids as sections (Pagefind's sub-results). The build writes one
 * per page into the page manifest (src/lib/page-manifest.ts); the offline edition indexes those.
 */

export interface SearchSection {
  /** Id of the heading that opens the section; none for the text before the first such heading. */
  anchor?: string;
  heading: string;
  text: string;
}

export interface SearchDoc {
  /** Site-relative URL of the page, e.g. "/actors/iran/". */
  url: string;
  title: string;
  type: string;
  summary: string;
  actors: string[];
  issues: string[];
  /** Text the page weights highest (its name and aliases). */
  keywords: string;
  sections: SearchSection[];
}
