/**
 * The page manifest: one record per built page, written once by the build (src/pages/page-manifest.json.ts, from the
 * content graph) and read by every post-build step, so none of them scrapes HTML for facts the build already had.
 *
 *   { url: '/actors/marco-rubio/', file: 'actors/marco-rubio/index.html', title: 'Marco Rubio', type: 'actor',
 *     ogImage: 'og/actors/marco-rubio.png', search: { title, type, summary, actors, issues, keywords, sections } }
 *
 * The file sits at the root of the hosted build while the post-build steps run, and the last of them removes it
 * (src/integrations/page-manifest.ts): it is the build's working data, not part of the site.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isoDay } from '../../schemas/dates.ts';
import { withBase } from './links.ts';
import { ogImagePath } from '../images/og-image.ts';
import type { PageType } from '../../schemas/page-types.ts';
import type { SearchDoc } from '../search/search-docs.ts';
import type { PageSpec } from './site-pages.ts';

/** Name of the manifest in the built site's root folder, while the post-build steps run. */
export const MANIFEST_FILE = 'page-manifest.json';

export interface PageRecord {
  /** The page's URL path as served, base path included: "/actors/iran/" (or "/briefings/muscat/actors/iran/"). */
  url: string;
  /** The built file, relative to the build folder: "actors/iran/index.html", "404.html". */
  file: string;
  /** The page's title, as its <h1> and og:title show it. */
  title: string;
  /** The page's type (search filter, preview-image kicker); undefined for pages search does not index (search, 404). */
  type: PageType | undefined;
  /** The page's "as of" day, ISO ("2026-02-06"): "Cite this page" in the offline edition is written again from it. */
  asOf?: string;
  /** The page's preview image, relative to the build folder: "og/actors/iran.png", or its type's shared one. */
  ogImage: string;
  /** What search indexes for the page (both editions); null for pages search does not index. */
  search: SearchDoc | null;
}

export interface PageManifest {
  /** The base path the pages were built under ('/' or '/x/y/'). */
  base: string;
  pages: PageRecord[];
}

/** Reads the manifest the build wrote into `dist`; fails naming the file if it is missing or unreadable. */
export function readManifest(dist: string): PageManifest {
  const path = join(dist, MANIFEST_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`${path} is missing: the build writes it from src/pages/page-manifest.json.ts before the post-build steps run.`);
  }
  return JSON.parse(text) as PageManifest;
}

/** The built file of a page at a site-relative path: '/' → 'index.html', '/actors/iran/' → 'actors/iran/index.html'. */
export function builtFile(path: string): string {
  if (path === '/404/') return '404.html';
  return `${path.replace(/^\/+/, '')}index.html`;
}

/** The manifest of a build: every page spec as a record, URLs under `base`. */
export function pageManifest(specs: readonly PageSpec[], base: string): PageManifest {
  const pages = specs.map((spec): PageRecord => {
    const file = builtFile(spec.path);
    const url = withBase(base, spec.path === '/404/' ? file : spec.path);
    const s = spec.search;
    return {
      url, file, title: spec.title, type: s?.type, ...(spec.asOf ? { asOf: isoDay(spec.asOf) } : {}), ogImage: spec.ogImage ?? ogImagePath(spec.path),
      search: s
        ? {
            url, title: spec.title, type: s.type, summary: s.summary ?? '', actors: [...new Set(s.actors ?? [])], issues: [...new Set(s.issues ?? [])],
            ...(s.stance ? { stance: s.stance } : {}),
            keywords: spec.keywords.join(' '), sections: [...spec.sections],
          }
        : null,
    };
  });
  return { base, pages };
}
