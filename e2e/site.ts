// One page helper for the specs: the sitemap's pages as local paths, and a crawl of the built site.
import type { APIRequestContext, Page } from '@playwright/test';

/** Every page in the sitemap, as a path on the test server (SITE_URL's origin stripped). */
export async function sitemapPaths(request: APIRequestContext): Promise<string[]> {
  const locs = async (path: string) => {
    const xml = await (await request.get(path)).text();
    return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  };
  const paths: string[] = [];
  for (const sitemap of await locs('/sitemap-index.xml')) paths.push(...(await locs(sitemap)));
  return paths;
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
