/**
 * Post-build step: the social preview images. For each page of the built site it reads what the page already says,
 * and draws the image its og:image names (src/lib/og-image.ts):
 *
 *   <meta property="og:title" content="Marco Rubio">
 *   <meta property="og:image" content="https://example.org/og/actors/marco-rubio.png">
 *   <span hidden data-pagefind-filter="type:actor"></span>          (from SearchTags: the page's type)
 *   → dist/og/actors/marco-rubio.png, 1200×630, "ACTOR" over "Marco Rubio"
 *
 * Runs after the offline edition (see astro.config.mjs), so the images stay out of dist-offline/ and its zip.
 */
import type { AstroIntegration } from 'astro';
import type { Element, Root } from 'hast';
import { select } from 'hast-util-select';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { listFiles } from '../lib/files.ts';
import { hostedRoot } from '../lib/links.ts';
import { renderOgImage } from '../lib/og-image.ts';
import { SITE } from '../site.ts';
import { recordTiming } from './timings.ts';

const attribute = (el: Element | undefined, name: string): string | undefined => {
  const value = el?.properties[name];
  return typeof value === 'string' ? value : undefined;
};

export interface OgPage {
  /** The image's path in the built site, e.g. "og/actors/marco-rubio.png". */
  image: string;
  title: string;
  /** The page's type id as SearchTags wrote it for Pagefind, if the page has one. */
  type: string | undefined;
}

/** What one built page asks of its preview image. `siteUrl` is the hosted root (SITE_URL plus base, ending in "/"). */
export function readOgPage(tree: Root, file: string, siteUrl: string): OgPage {
  const title = attribute(select('meta[property="og:title"]', tree), 'content');
  const image = attribute(select('meta[property="og:image"]', tree), 'content');
  if (!title) throw new Error(`${file} has no <meta property="og:title" content="…">; every page gets it from src/layouts/BaseLayout.astro.`);
  if (!image) throw new Error(`${file} has no <meta property="og:image" content="…">; every page gets it from src/layouts/BaseLayout.astro.`);
  if (!image.startsWith(siteUrl) || !image.endsWith('.png')) {
    throw new Error(`${file}: og:image is ${image}, which is not a PNG under this site's URL ${siteUrl}; check SITE_URL and BASE_PATH.`);
  }
  const filter = attribute(select('[data-pagefind-filter^="type:"]', tree), 'dataPagefindFilter');
  return { image: decodeURIComponent(image.slice(siteUrl.length)), title, type: filter?.slice('type:'.length) };
}

/** Images drawn at once: satori lays out one while resvg draws others on worker threads. */
const CONCURRENCY = Math.max(2, availableParallelism());

/** Draws every page's preview image into `dist`; returns how many and their total size. */
export async function writeOgImages(dist: string, siteUrl: string): Promise<{ images: number; bytes: number }> {
  // Read every page first, so a page without og:image fails the step before anything is drawn.
  const parser = unified().use(rehypeParse);
  const drawn = new Map<string, string>(); // image → the page it is drawn for
  const pages = listFiles(dist).filter((file) => file.endsWith('.html')).map((file) => {
    const page = readOgPage(parser.parse(readFileSync(join(dist, file), 'utf8')), file, siteUrl);
    const other = drawn.get(page.image);
    if (other) throw new Error(`${file} and ${other} both name ${page.image} as their og:image; each page needs its own.`);
    drawn.set(page.image, file);
    return page;
  });
  let bytes = 0;
  let next = 0;
  const worker = async () => {
    for (let page = pages[next++]; page; page = pages[next++]) {
      const png = await renderOgImage({ title: page.title, type: page.type, siteTitle: SITE.title });
      const target = join(dist, page.image);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, png);
      bytes += png.byteLength;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { images: pages.length, bytes };
}

export default function ogImagesIntegration(): AstroIntegration {
  let siteUrl = '';
  return {
    name: 'briefing:og-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        siteUrl = hostedRoot(config.site, config.base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { images, bytes } = await writeOgImages(fileURLToPath(dir), siteUrl);
        const ms = performance.now() - started;
        recordTiming('og-images', ms);
        logger.info(`drew ${images} preview images (og/, ${Math.round(bytes / 1024)} KB) in ${Math.round(ms)} ms`);
      },
    },
  };
}
