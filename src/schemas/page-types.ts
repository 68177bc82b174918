/**
 * The kinds of page the briefing has, as search filters and badges show them. A closed vocabulary: pages declare
 * one of these, and the search page builds its "Type" facet from this list.
 */
export const PAGE_TYPES = {
  briefing: 'Briefing',
  actor: 'Actor',
  issue: 'Issue',
  position: 'Position',
  event: 'Timeline',
  glossary: 'Glossary',
  source: 'Source',
} as const;

export type PageType = keyof typeof PAGE_TYPES;

export function isPageType(value: unknown): value is PageType {
  return typeof value === 'string' && Object.hasOwn(PAGE_TYPES, value);
}
