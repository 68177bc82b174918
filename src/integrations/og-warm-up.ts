/**
 * The preview images' warm-up thread (warmOgCacheAside in og-images.ts): lowers its own scheduling priority (on Linux
 * a thread's nice value is its own), draws the images the cache lacks, and posts back how many it drew. Node loads it
 * from source, so it and what it imports must be erasable TypeScript.
 *
 *   workerData { records: [{ file, title, type, ogImage }, …], cacheDir, nice: 10 }  →  message { drawn, cached }
 */
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { warmOgCache, type OgRecord } from './og-images.ts';

const { records, cacheDir, nice } = workerData as { records: OgRecord[]; cacheDir: string; nice: number };
try {
  setPriority(Math.min(19, getPriority() + nice));
} catch {
  // not allowed here: it draws at the build's own priority
}
parentPort!.postMessage(await warmOgCache(records, cacheDir));
