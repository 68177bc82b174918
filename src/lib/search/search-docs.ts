/**
 * What search indexes for one page, in both editions: its title, the text weighted highest (names and aliases) as
 * keywords, its filters and meta, and its text in sections at the headings with ids (Pagefind's sub-results). The
 * build writes one per page into the page manifest (src/lib/pages/page-manifest.ts); the hosted edition's Pagefind index
 * (pagefindHtml below) and the offline edition's MiniSearch index are both made from these, so the two editions
 * search the same text with the same weights.
 */
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { boundedExcerpt, EXCERPT_WORDS } from './offline-search.ts';
import type { RankDoc } from './search-rank.ts';

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
  /** A position's stance (a key of src/schemas/stance.ts), shown beside its result. */
  stance?: string;
  /** Text the page weights highest (its name and aliases). */
  keywords: string;
  sections: SearchSection[];
}

/** Pagefind's weight for the keywords (its default for an h1 is 7). */
export const KEYWORD_WEIGHT = 10;

const el = (tagName: string, properties: Element['properties'], ...children: (ElementContent | string)[]): Element => ({
  type: 'element', tagName, properties,
  children: children.map((c) => (typeof c === 'string' ? { type: 'text', value: c } : c)),
});

/**
 * The page as Pagefind should index it: a small HTML document holding only the search document (not the built
 * page, whose navigation, labels and lists would run together in excerpts), with its filters and meta as Pagefind's
 * attributes and a heading with the id of each section, so sub-results link to the right place.
 *
 *   pagefindHtml({ title: 'Iran', type: 'actor', keywords: 'Iran Tehran', sections: [{ heading: 'Iran', text: '…' }], … })
 *   → <html lang="en"><body data-pagefind-body><h1>Iran</h1><p data-pagefind-weight="10">Iran Tehran</p>…<p>…</p></body></html>
 *
 * Results show an excerpt of the text, not of the title and keywords: the search page takes it from where the words
 * match at body weight (src/scripts/pagefind-engine.ts), as the offline edition takes it from the sections' text.
 */
export function pagefindHtml(doc: SearchDoc, lang = 'en'): string {
  const tag = (attribute: string, value: string) => el('span', { [attribute]: value });
  const body: ElementContent[] = [
    el('h1', {}, doc.title),
    ...(doc.keywords ? [el('p', { dataPagefindWeight: String(KEYWORD_WEIGHT) }, doc.keywords)] : []),
    tag('dataPagefindFilter', `type:${doc.type}`),
    ...doc.actors.map((a) => tag('dataPagefindFilter', `actor:${a}`)),
    ...doc.issues.map((i) => tag('dataPagefindFilter', `issue:${i}`)),
    tag('dataPagefindMeta', `type:${doc.type}`),
    ...(doc.summary ? [tag('dataPagefindMeta', `summary:${doc.summary.replace(/\s+/g, ' ').trim()}`)] : []),
    ...(doc.stance ? [tag('dataPagefindMeta', `stance:${doc.stance}`)] : []),
  ];
  doc.sections.forEach((s, i) => {
    // The first section is the page itself: its heading is the title, already the h1.
    if (i > 0 && s.anchor) body.push(el('h2', { id: s.anchor }, s.heading));
    else if (i > 0 && s.heading) body.push(el('p', {}, s.heading));
    if (s.text) body.push(el('p', {}, s.text));
  });

  return toHtml({
    type: 'root',
    children: [el('html', { lang }, el('head', {}, el('title', {}, doc.title)), el('body', { dataPagefindBody: '' }, ...body))],
  });
}

/** Where the hosted build writes the documents its search page ranks with (the offline edition has them in search-index.js). */
export const RANK_FILE = 'search-docs.json';

/** The hosted search page's ranking data: every document, and Pagefind's page ids by path. */
export interface RankFile {
  docs: RankDoc[];
  /** Pagefind's id of each page (its results' `id`) → the page's site-relative path. */
  pagefind: Record<string, string>;
}

/**
 * A page's search document as both editions rank it (src/lib/search/search-rank.ts): each section's text bounded as the
 * offline edition stores it (EXCERPT_WORDS), a heading only where a section opens at one, so the two editions score
 * the very same words.
 */
export function rankDoc(path: string, doc: SearchDoc, words = EXCERPT_WORDS): RankDoc {
  return {
    path, title: doc.title, type: doc.type, actors: doc.actors, issues: doc.issues, summary: doc.summary,
    ...(doc.stance ? { stance: doc.stance } : {}), keywords: doc.keywords,
    sections: doc.sections.map((s) => ({ ...(s.anchor ? { anchor: s.anchor, heading: s.heading } : {}), text: boundedExcerpt(s.text, words) })),
  };
}
