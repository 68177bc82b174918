/**
 * The one answer of a thread a post-build step starts (the preview images' warm-up, og-warm-up.ts; the offline
 * edition, offline-worker.ts): the first message it posts, or its error, or, if it ends without either, an error
 * naming it.
 *
 *   threadAnswer<{ report: OfflineReport }>(worker, "The offline edition's thread")
 */
import type { Worker } from 'node:worker_threads';

export function threadAnswer<T>(worker: Worker, name: string): Promise<T> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`${name} stopped (exit code ${code}) before it was done.`)));
  });
}
