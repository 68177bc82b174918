/**
 * The preview images' cache across builds: one PNG per distinct set of drawing inputs, in a folder outside the built
 * site (briefing-og/ in Astro's cacheDir, node_modules/.astro/, unless BRIEFING_OG_CACHE names another), so a rebuild
 * copies the images it drew before and draws only those whose inputs changed.
 *
 *   ogCacheKey(fingerprint, { title: 'Marco Rubio', type: 'actor', siteTitle })  → 'c41f…e9' (sha256, hex)
 *   <cache>/c41f…e9.png                                                          the PNG renderOgImage gave for it
 *
 * The key hashes what is drawn (title, the type's kicker word, site title, tagline) with the renderer's fingerprint
 * (ogRendererFingerprint in src/lib/images/og-image.ts: drawing code, satori and resvg versions, font files, zlib), so an
 * entry is only ever reused for the very bytes it would be redrawn as.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OG_TAGLINE, pageTypeLabel, type OgImageInput } from './og-image.ts';

/** Environment variable naming another cache folder (tests, or a cold benchmark). */
export const OG_CACHE_ENV = 'BRIEFING_OG_CACHE';

/** Entries kept beyond the current build's, at the least (see pruneOgCache). */
const MIN_SPARE = 200;
/** A .part file older than this is a build's leftover, not one being written. */
const STALE_PART_MS = 60 * 60 * 1000;

/** The cache folder: BRIEFING_OG_CACHE if set, else briefing-og/ in Astro's cacheDir. */
export function ogCacheDir(astroCacheDir: URL): string {
  return process.env[OG_CACHE_ENV] || fileURLToPath(new URL('briefing-og/', astroCacheDir));
}

/** The cache key of one image: what it shows, and how it is drawn. */
export function ogCacheKey(fingerprint: string, { title, type, siteTitle }: OgImageInput): string {
  // The kicker word, not the type id: the image shows the word, so renaming a type's word in page-types.ts redraws.
  const drawn = [fingerprint, title, pageTypeLabel(type), siteTitle, OG_TAGLINE];
  return createHash('sha256').update(JSON.stringify(drawn)).digest('hex');
}

const entry = (dir: string, key: string) => join(dir, `${key}.png`);

/**
 * Copies the cached image for `key` to `target` and marks it used now; false if there is none. Copying is the test,
 * so an entry that another build prunes in between is a miss, not an error.
 */
export function copyCachedOgImage(dir: string, key: string, target: string): boolean {
  try {
    copyFileSync(entry(dir, key), target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  const now = new Date();
  utimesSync(entry(dir, key), now, now);
  return true;
}

/** Whether the cache holds an image for `key` (for a warm-up, which draws only what is missing). */
export const hasCachedOgImage = (dir: string, key: string): boolean => existsSync(entry(dir, key));

/** Keeps a drawn image: written aside and renamed, so a build stopped half-way never leaves a cut PNG to reuse. */
export function storeOgImage(dir: string, key: string, png: Uint8Array): void {
  mkdirSync(dir, { recursive: true });
  const part = `${entry(dir, key)}.${process.pid}.part`;
  writeFileSync(part, png);
  renameSync(part, entry(dir, key));
}

/**
 * Bounds the cache after a build. Kept: every entry this build used (`used`, by key), and of the others the most
 * recently used (copied or drawn), as many as this build used and at least MIN_SPARE, so that switching between two
 * branches, or between the site and a benchmark of similar size, stays warm. The rest goes, and .part files left by
 * a build that stopped. So the cache holds at most twice the last build's images (or MIN_SPARE more), and shrinks
 * back after a large build. Returns how many files were removed.
 */
export function pruneOgCache(dir: string, used: ReadonlySet<string>, now = Date.now()): number {
  if (!existsSync(dir)) return 0;
  const files = readdirSync(dir).flatMap((name) => {
    try {
      return [{ name, mtime: statSync(join(dir, name)).mtimeMs }];
    } catch {
      return []; // removed meanwhile by another build
    }
  });
  const others = files
    .filter(({ name }) => name.endsWith('.png') && !used.has(name.slice(0, -'.png'.length)))
    .sort((a, b) => b.mtime - a.mtime || (a.name < b.name ? -1 : 1));
  const doomed = [
    ...others.slice(Math.max(used.size, MIN_SPARE)),
    ...files.filter(({ name, mtime }) => name.endsWith('.part') && now - mtime > STALE_PART_MS),
  ];
  for (const { name } of doomed) rmSync(join(dir, name), { force: true });
  return doomed.length;
}
