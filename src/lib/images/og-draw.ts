/**
 * Draws many preview images, on the calling thread or, when there are enough of them to pay for the start-up, on a
 * pool of worker threads (piscina), one image per task. Both ways run the same renderOgImage, so they give the same
 * bytes (test/og-image.test.ts checks it).
 *
 *   await drawOgImages(inputs, ogDrawThreads(inputs.length), (i, png) => write(i, png))
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { renderOgImage, type OgImageInput } from './og-image.ts';

/**
 * The worker file, next to this one. Astro loads the config's integrations through vite's module runner, which
 * evaluates project files one by one without bundling them, so import.meta.url is this file's own URL there just as
 * under plain Node (the tests); the worker itself is then loaded by Node, not vite.
 */
const WORKER = new URL('./og-worker.ts', import.meta.url);

/**
 * Fewest images worth a pool for. Measured on 2 cores: a pool's first two images took 0.4 s (threads start in 45 ms,
 * then each loads satori, resvg and the fonts) against 0.2 s for the first one here; after that an image takes about
 * 22 ms each here and 12 ms each with two threads at work, so the pool wins from about 20 images.
 */
export const POOL_MIN_IMAGES = 20;
/** At most this many threads: each holds its own satori, yoga and fonts (some 40 MB). */
const MAX_THREADS = 8;

/**
 * Threads to draw `count` images with: 0 (this thread) for a few, else one per core, up to MAX_THREADS, and no more
 * than give each thread half of POOL_MIN_IMAGES, so a thread's start-up is always worth its images.
 */
export function ogDrawThreads(count: number, cores = availableParallelism()): number {
  if (count < POOL_MIN_IMAGES || cores < 2) return 0;
  return Math.min(cores, MAX_THREADS, Math.floor(count / (POOL_MIN_IMAGES / 2)));
}

/**
 * Draws every input, calling `done(index, png)` as each image is ready (in any order on threads). `threads` 0 draws
 * here, one at a time; more starts that many worker threads, stopped again before this returns or throws. A failure
 * names the image by `describe(index)` and keeps the original error as its cause.
 */
export async function drawOgImages(
  inputs: readonly OgImageInput[], threads: number, done: (index: number, png: Uint8Array) => void,
  describe: (index: number) => string = (i) => `image ${i + 1} ("${inputs[i]!.title}")`,
): Promise<void> {
  const draw = async (i: number, render: (input: OgImageInput) => Promise<Uint8Array>) => {
    let png: Uint8Array;
    try {
      png = await render(inputs[i]!);
    } catch (cause) {
      throw new Error(`Drawing the preview image ${describe(i)} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    }
    done(i, png);
  };
  if (threads < 1) {
    for (let i = 0; i < inputs.length; i++) await draw(i, renderOgImage);
    return;
  }
  if (!existsSync(WORKER)) {
    throw new Error(`The preview images' worker ${fileURLToPath(WORKER)} is missing: src/lib/images/og-draw.ts resolves it from its own ` +
      'location, so it must be loaded from source (by Node or vite\'s module runner), not from a bundle.');
  }
  const { Piscina } = await import('piscina');
  const pool = new Piscina<OgImageInput, Uint8Array>({ filename: WORKER.href, minThreads: threads, maxThreads: threads });
  try {
    await Promise.all(inputs.map((_, i) => draw(i, (input) => pool.run(input))));
  } finally {
    await pool.destroy();
  }
}
