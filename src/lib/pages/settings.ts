/**
 * The build's settings from the environment, checked before anything is built; each refusal names the variable, the
 * value and the fix.
 *
 *   SITE_URL=https://example.org/briefings/muscat     → site https://example.org, base /briefings/muscat/
 *   SITE_URL=https://example.org BASE_PATH=briefings  → site https://example.org, base /briefings/
 *   SITE_URL="not a url"                              → refused: not an absolute http(s) URL
 *   BASE_PATH="/my site/"                             → refused: a space in a path segment
 */
import { SITE } from '../../site.ts';

export interface Settings {
  /** The site's origin (Astro's `site`), e.g. "https://example.org". */
  site: string;
  /** The path the site is served under, "/" or "/x/y/" (Astro's `base`). */
  base: string;
  /** Whether SITE_URL was given; without it `site` is a placeholder, and nothing should link to it as a real place. */
  siteGiven: boolean;
}

/** What the build says, once, when SITE_URL is not set: what the pages leave out, and how to add it. */
export const NO_SITE_URL =
  'SITE_URL is not set: pages name no web address (no canonical links, social preview images, sitemap, or addresses in ' +
  'citations, structured data and the feed). Set SITE_URL=https://… to add them.';

/** Characters a path segment may hold without encoding. */
const SEGMENT = /^[A-Za-z0-9._~-]+$/;

/** "/x/y/" from a BASE_PATH-like value; throws naming `variable` when a segment is not a plain path segment. */
function normalisePath(raw: string, variable: string, value: string): string {
  const segments = raw.trim().split('/').filter(Boolean);
  for (const s of segments) {
    if (!SEGMENT.test(s) || s === '.' || s === '..')
      throw new Error(
        `${variable} is "${value}": the path segment "${s}" may use only letters, digits, ".", "_", "~" and "-" (no spaces, ` +
          `no "." or ".." on their own). Fix: set ${variable} to a plain path such as /briefings/muscat/.`,
      );
  }
  return segments.length ? `/${segments.join('/')}/` : '/';
}

export function readSettings(env: Record<string, string | undefined> = process.env): Settings {
  const rawUrl = env.SITE_URL?.trim() || SITE.defaultUrl;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new Error(`SITE_URL is "${rawUrl}", which is not an absolute URL. Fix: set SITE_URL to the address the site is served from, e.g. SITE_URL=https://example.org.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`SITE_URL is "${rawUrl}", which is not an http(s) URL. Fix: set SITE_URL to the address the site is served from, e.g. SITE_URL=https://example.org.`);
  if (url.search || url.hash || url.username || url.password)
    throw new Error(`SITE_URL is "${rawUrl}": a site address has no query, fragment or credentials. Fix: set SITE_URL=${url.origin}${url.pathname}.`);
  const urlPath = normalisePath(decodeURIComponent(url.pathname), 'SITE_URL', rawUrl);
  const basePath = env.BASE_PATH?.trim() ? normalisePath(env.BASE_PATH, 'BASE_PATH', env.BASE_PATH) : undefined;
  if (urlPath !== '/' && basePath !== undefined && basePath !== urlPath)
    throw new Error(
      `SITE_URL is "${rawUrl}", whose path ${urlPath} disagrees with BASE_PATH "${env.BASE_PATH}". ` +
        `Fix: give the path once, either in SITE_URL (and leave BASE_PATH unset) or in BASE_PATH with SITE_URL=${url.origin}.`,
    );
  return { site: url.origin, base: basePath ?? urlPath, siteGiven: !!env.SITE_URL?.trim() };
}
