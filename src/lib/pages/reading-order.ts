/**
 * The briefing's reading order, once: the narrative pages by their `order` field (the overview, the home page,
 * first), then the reference indexes in the order the main navigation lists them. Every page in it shows
 * "Previous" and "Next" links to its neighbours (BaseLayout); entry pages (an actor, a term…) are not in it.
 *
 *   readingOrder([{ id: 'overview', data: { order: 1, navTitle: 'Overview' } }, …])
 *     → [{ path: '/', title: 'Overview' }, { path: '/briefing/positions/', title: 'Positions' }, …,
 *        { path: '/actors/', title: 'Actors' }, …, { path: '/sources/', title: 'Sources' }, { path: '/changes/', … }]
 *   neighbours(order, '/briefing/positions/') → { prev: { path: '/', … }, next: { path: '/briefing/military-context/', … } }
 */
import { entryPath } from './links.ts';

export interface ReadingStop {
  /** Site-relative path without the base path, as in a page spec. */
  path: string;
  /** The short title the link shows. */
  title: string;
}

/** The reference indexes that follow the narrative, in the main navigation's order; then what changed (footer). */
export const REFERENCE_STOPS: readonly ReadingStop[] = [
  { path: '/actors/', title: 'Actors' },
  { path: '/issues/', title: 'Issues' },
  { path: '/timeline/', title: 'Timeline' },
  { path: '/glossary/', title: 'Glossary' },
  { path: '/sources/', title: 'Sources' },
  { path: '/changes/', title: 'What changed' },
];

interface BriefingPage {
  id: string;
  data: { order: number; navTitle: string };
}

export function readingOrder(briefing: readonly BriefingPage[]): ReadingStop[] {
  const narrative = [...briefing]
    .sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id))
    .map((b) => ({ path: entryPath('briefing', b.id), title: b.data.navTitle }));
  return [...narrative, ...REFERENCE_STOPS];
}

/** The stops before and after `path`; none when the page is not in the reading order. */
export function neighbours(order: readonly ReadingStop[], path: string): { prev?: ReadingStop; next?: ReadingStop } {
  const i = order.findIndex((s) => s.path === path);
  if (i < 0) return {};
  const prev = order[i - 1];
  const next = order[i + 1];
  return { ...(prev ? { prev } : {}), ...(next ? { next } : {}) };
}
