import type { CollectionName } from '../../schemas/common.ts';
import { COLLECTION_TABLE } from '../../schemas/collections.ts';

/**
 * Every internal link of the site goes through here, so hosting under a sub-path (BASE_PATH) works everywhere.
 *
 *   withBase('/briefings/muscat/', '/actors/iran/')  → '/briefings/muscat/actors/iran/'
 *   withBase('/', 'actors/iran/#positions')          → '/actors/iran/#positions'
 */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const p = path.replace(/^\/+/, '');
  return `${b}${p}`;
}

/**
 * The hosted site's root URL from Astro's config, ending in "/": the post-build steps use it to write and read
 * absolute links. `site` unset (a local build) falls back to http://localhost/.
 *
 *   hostedRoot('https://example.org', '/briefings/muscat') → 'https://example.org/briefings/muscat/'
 */
export function hostedRoot(site: string | undefined, base: string): string {
  return new URL(withBase(base, ''), site ?? 'http://localhost/').href;
}

/**
 * Site-relative path of an entry's page (or anchor, for timeline events), from the collection table. The overview is
 * the home page.
 */
export function entryPath(collection: CollectionName, id: string): string {
  return COLLECTION_TABLE[collection].page(id);
}

/** Anchor id of a paragraph on its source page. */
export const paragraphAnchor = (n: number): string => `p${n}`;

/** Site-relative path of a cited paragraph. */
export function paragraphPath(sourceId: string, n: number): string {
  return `/sources/${sourceId}/#${paragraphAnchor(n)}`;
}

/** The standalone graphics, one SVG file each (drawn by their own build step), by name. */
export const GRAPHICS = ['timeline', 'actor-map', 'positions-matrix'] as const;
export type GraphicName = (typeof GRAPHICS)[number];

/** Site-relative path of a standalone graphic: 'timeline' → '/graphics/timeline.svg'. */
export const graphicPath = (name: GraphicName): string => `/graphics/${name}.svg`;

/** Site-relative path of an open data file ('data/actors.csv' → '/data/actors.csv'). */
export const dataFilePath = (file: string): string => `/${file.replace(/^\/+/, '')}`;
