/**
 * Post-build step: the social preview images. For each record of the page manifest (src/lib/pages/page-manifest.ts) it
 * puts the image the record names into the built site, drawn by src/lib/images/og-image.ts:
 *
 *   { file: 'actors/marco-rubio/index.html', title: 'Marco Rubio', type: 'actor', ogImage: 'og/actors/marco-rubio.png' }
 *   → dist/og/actors/marco-rubio.png, 1200×630, "ACTOR" over "Marco Rubio"
 *
 * An image whose inputs are unchanged since an earlier build is copied from the cache (src/lib/images/og-cache.ts); only the
 * others are drawn, on worker threads when there are enough of them (src/lib/images/og-draw.ts).
 *
 * `npm run build` draws most of them before this step runs: scripts/build.ts knows every page's title and type from the
 * validator's content graph, so while Astro renders it draws the missing images into the cache on a thread of lower
 * priority (warmOgCacheAside), and this step waits for that warm-up to end and then copies them. The warm-up only
 * fills the cache: this step still looks every image up by its key and draws whatever is not there.
 *
 * Runs beside the other post-build steps (src/integrations/post-build.ts); the offline edition leaves og/ out, so the
 * images stay out of dist-offline/ and its zip.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { copyCachedOgImage, hasCachedOgImage, ogCacheKey, pruneOgCache, storeOgImage } from '../lib/images/og-cache.ts';
import { drawOgImages, ogDrawThreads } from '../lib/images/og-draw.ts';
import { ogRendererFingerprint, SHARED_OG_TITLES, sharedOgImageType, type OgImageInput } from '../lib/images/og-image.ts';
import { readManifest, type PageRecord } from '../lib/pages/page-manifest.ts';
import { SITE } from '../site.ts';
import { threadAnswer } from './thread.ts';
import { recordTiming, type StepLogger } from './timings.ts';

/** A relative path of a PNG under og/, without empty, "." or ".." segments: "og/actors/marco-rubio.png". */
const isOgImagePath = (path: string): boolean =>
  path.startsWith('og/') && path.endsWith('.png') && !path.includes('\\') && path.split('/').every((s) => s && s !== '.' && s !== '..');

export interface OgJob {
  /** The page the image is for, as the manifest names it ("actors/marco-rubio/index.html"), for messages. */
  page: string;
  /** The image's path in the built site: "og/actors/marco-rubio.png". */
  image: string;
  input: OgImageInput;
}

/**
 * One job per page record, checked before anything is drawn: every record has a title and names a PNG of its own
 * under og/. Fails naming the record (and, for a shared image, both records).
 */
export function ogJobs(pages: readonly OgRecord[], siteTitle: string): OgJob[] {
  const owner = new Map<string, string>(); // image → the page it is for
  return pages.map(({ file, title, type, ogImage }) => {
    if (typeof title !== 'string' || !title.trim()) {
      throw new Error(`${file}: the page manifest gives it no title; page records take it from sitePages() in src/lib/pages/site-pages.ts.`);
    }
    if (typeof ogImage !== 'string' || !isOgImagePath(ogImage)) {
      throw new Error(`${file}: ogImage is ${JSON.stringify(ogImage)}, not a relative path like "og/actors/iran.png" in the built ` +
        'site; page records get it from ogImagePath() in src/lib/images/og-image.ts.');
    }
    // A type's shared image (ogImagesOf in src/lib/images/og-image.ts) shows the type, and only pages of that type name it.
    const shared = sharedOgImageType(ogImage);
    if (shared) {
      if (type !== shared) throw new Error(`${file} is a page of type ${JSON.stringify(type)} but names ${ogImage}, the image pages of type "${shared}" share.`);
      return { page: file, image: ogImage, input: { title: SHARED_OG_TITLES[shared], type, siteTitle } };
    }
    const other = owner.get(ogImage);
    if (other) throw new Error(`${other} and ${file} both name ${ogImage} as their ogImage; each page needs its own.`);
    owner.set(ogImage, file);
    return { page: file, image: ogImage, input: { title, type, siteTitle } };
  });
}

export interface OgResult {
  /** Image files: one per page, or one per page type for the types whose pages share theirs. */
  images: number;
  /** Images drawn in this run (pages with the same title and type share one drawing). */
  drawn: number;
  /** Images copied from the cache. */
  cached: number;
  /** Threads the images were drawn on (0: the build's own thread). */
  threads: number;
  bytes: number;
  /** Cache entries removed to keep it bounded. */
  pruned: number;
}

export interface OgOptions {
  /** The cache folder (see ogCacheDir in src/lib/images/og-cache.ts). */
  cacheDir: string;
  /** Threads to draw on; by default ogDrawThreads() decides from the number of images to draw. */
  threads?: number;
  siteTitle?: string;
}

/** Puts every page's preview image into `dist`, as the page manifest there names them; returns what it did. */
export async function writeOgImages(dist: string, { cacheDir, threads, siteTitle = SITE.title }: OgOptions): Promise<OgResult> {
  // One job per image file: the pages that share their type's image (ogImagesOf) need it written once.
  const jobs = [...new Map(ogJobs(readManifest(dist).pages, siteTitle).map((job) => [job.image, job])).values()];
  const fingerprint = ogRendererFingerprint();
  const folders = new Set<string>();
  const target = (job: OgJob) => {
    const path = join(dist, job.image);
    if (!folders.has(dirname(path))) mkdirSync(dirname(path), { recursive: true });
    folders.add(dirname(path));
    return path;
  };
  const keys = jobs.map((job) => ogCacheKey(fingerprint, job.input));
  let bytes = 0;
  let cached = 0;
  const misses = new Map<string, OgJob[]>(); // key → the pages that need its image, drawn once for all of them
  for (const [i, job] of jobs.entries()) {
    const path = target(job);
    if (copyCachedOgImage(cacheDir, keys[i]!, path)) {
      cached++;
      bytes += statSync(path).size;
    } else if (misses.has(keys[i]!)) {
      misses.get(keys[i]!)!.push(job);
    } else {
      misses.set(keys[i]!, [job]);
    }
  }
  const toDraw = [...misses].map(([key, pages]) => ({ key, pages, first: pages[0]! }));
  const drawThreads = threads ?? ogDrawThreads(toDraw.length);
  await drawOgImages(toDraw.map(({ first }) => first.input), drawThreads, (m, png) => {
    const { key, pages } = toDraw[m]!;
    for (const job of pages) writeFileSync(target(job), png);
    storeOgImage(cacheDir, key, png);
    bytes += png.byteLength * pages.length;
  }, (m) => `${toDraw[m]!.first.image} (for ${toDraw[m]!.first.page})`);
  const pruned = pruneOgCache(cacheDir, new Set(keys));
  return { images: jobs.length, drawn: toDraw.length, cached, threads: toDraw.length ? drawThreads : 0, bytes, pruned };
}

/**
 * Draws into the cache every image the pages in `records` name that it does not hold yet, one after another on this
 * thread; returns how many it drew and how many were there. The build runs it while Astro renders (warmOgCacheAside),
 * on the records sitePages gives for the validator's graph: the same titles and types the page manifest will carry.
 */
export async function warmOgCache(records: readonly OgRecord[], cacheDir: string, siteTitle = SITE.title): Promise<{ drawn: number; cached: number }> {
  const fingerprint = ogRendererFingerprint();
  const inputs = new Map(ogJobs(records, siteTitle).map(({ input }) => [ogCacheKey(fingerprint, input), input]));
  const missing = [...inputs].filter(([key]) => !hasCachedOgImage(cacheDir, key));
  await drawOgImages(missing.map(([, input]) => input), 0, (i, png) => storeOgImage(cacheDir, missing[i]![0], png));
  return { drawn: missing.length, cached: inputs.size - missing.length };
}

/** How far the warm-up's thread is lowered in scheduling priority (nice value, added to the build's own). */
export const WARM_UP_NICE = 10;

/** The warm-up's thread: src/integrations/og-warm-up.ts, loaded by Node from source like og-worker.ts. */
const WARM_UP_WORKER = new URL('./og-warm-up.ts', import.meta.url);

/** What the warm-up needs of a page record. */
export type OgRecord = Pick<PageRecord, 'file' | 'title' | 'type' | 'ogImage'>;

/**
 * warmOgCache on a thread of its own at a lower priority (WARM_UP_NICE), so that it draws with the CPU Astro leaves
 * over rather than slowing Astro: scripts/build.ts starts it beside Astro and hands the promise to the image step.
 */
export function warmOgCacheAside(records: readonly OgRecord[], cacheDir: string): Promise<{ drawn: number; cached: number }> {
  const worker = new Worker(WARM_UP_WORKER, {
    workerData: { records: records.map(({ file, title, type, ogImage }) => ({ file, title, type, ogImage })), cacheDir, nice: WARM_UP_NICE },
  });
  return threadAnswer(worker, "The preview images' warm-up thread");
}

/** The step as the build runs it (post-build.ts): every page's image into dist/og/, logged and timed. */
export async function writeOgImagesStep(dist: string, cacheDir: string, logger: StepLogger, warmUp?: Promise<unknown>): Promise<OgResult> {
  const started = performance.now();
  await warmUp?.catch(() => undefined); // a failed warm-up: the images it did not draw are drawn below, and any failure reported
  const result = await writeOgImages(dist, { cacheDir });
  const ms = performance.now() - started;
  recordTiming('og-images', ms);
  const { images, drawn, cached, threads, bytes } = result;
  const shared = images - drawn - cached; // pages whose title and type another page has too
  logger.info(`${images} preview images (og/, ${Math.round(bytes / 1024)} KB): drew ${drawn}${threads ? ` on ${threads} threads` : ''}` +
    `${shared ? ` (${shared} more pages share one)` : ''}, copied ${cached} from the cache, in ${Math.round(ms)} ms`);
  return result;
}
