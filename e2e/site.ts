// One page helper for the specs: the built pages as local paths, and a crawl of the built site.
import type { Page } from '@playwright/test';
import { withBase } from '../src/lib/pages/links.ts';
import { readSettings } from '../src/lib/pages/settings.ts';
import { htmlFiles } from '../test/audit/pages.ts';

/**
 * Every page of the built site but the 404, as a path on the test server: read from dist/, not from the sitemap,
 * which a build without SITE_URL does not write (its addresses must be absolute). The build with SITE_URL checks that
 * the sitemap lists these same pages (test/build/update-round.test.ts).
 */
export async function pagePaths(): Promise<string[]> {
  const base = withBase(readSettings(process.env).base, '');
  return htmlFiles('dist').filter((f) => f !== '404.html').map((f) => `${base}${f.replace(/index\.html$/, '')}`).sort();
}

/**
 * One page per template and state, for checks whose outcome is the template's (axe): every page with at most one
 * path segment below the base (home, the indexes, search, the brief), every briefing page (each holds components of
 * its own: the grid, the graphics), and of each other collection's entry pages the first and the last by path (a
 * state and a person, a party's page with its officials' stances; an early and a late position). The 404 page too.
 */
export function templateSample(paths: readonly string[]): string[] {
  const base = withBase(readSettings(process.env).base, '');
  const groups = new Map<string, string[]>();
  const sample: string[] = [];
  for (const path of paths) {
    const parts = path.slice(base.length).split('/').filter(Boolean);
    if (parts.length <= 1 || parts[0] === 'briefing') sample.push(path);
    else groups.set(parts[0]!, [...(groups.get(parts[0]!) ?? []), path]);
  }
  for (const list of groups.values()) sample.push(list[0]!, ...(list.length > 1 ? [list.at(-1)!] : []));
  return sample.sort();
}

/** Links to files, not pages (sitemaps, robots.txt, graphics, downloads, open data): the crawl does not open them. */
export const NOT_A_PAGE = /\.(xml|txt|svg|zip|pdf|epub|json|csv)$/;

export interface CrawledPage {
  path: string;
  status: number;
  h1Count: number;
  ids: Set<string>;
  /** Internal links as path + hash, resolved against the page. */
  links: string[];
}

/** Breadth-first crawl of internal links from `start`, visiting each page once. */
export async function crawl(page: Page, start = '/'): Promise<Map<string, CrawledPage>> {
  const seen = new Map<string, CrawledPage>();
  const queue = [start];
  while (queue.length) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    const response = await page.goto(path, { waitUntil: 'domcontentloaded' });
    const info = await page.evaluate(() => ({
      h1Count: document.querySelectorAll('h1').length,
      ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
      // Read the attribute, not .href: an SVG <a> (timeline, actor map) has an SVGAnimatedString there.
      links: [...document.querySelectorAll('a[href]')].map((a) => new URL(a.getAttribute('href')!, document.baseURI).href),
    }));
    const links = info.links
      .map((href) => new URL(href))
      .filter((u) => u.origin === new URL(page.url()).origin)
      .map((u) => u.pathname + u.hash);
    seen.set(path, { path, status: response?.status() ?? 0, h1Count: info.h1Count, ids: new Set(info.ids), links });
    for (const link of links) {
      const target = link.split('#')[0]!;
      if (!seen.has(target) && !queue.includes(target) && !NOT_A_PAGE.test(target)) queue.push(target);
    }
  }
  return seen;
}
