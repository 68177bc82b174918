/**
 * Post-build step, last of them (post-build.ts): checks that the page manifest (src/lib/pages/page-manifest.ts) and the built pages agree
 * — every HTML page has a record and every record its page, so no post-build step can miss one — and then removes
 * the manifest from the built site: it is the build's working data, not part of the site.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../lib/output/files.ts';
import { MANIFEST_FILE, readManifest } from '../lib/pages/page-manifest.ts';

/** Differences between the manifest's pages and the built HTML files, as messages (none when they agree). */
export function manifestMismatches(recorded: readonly string[], built: readonly string[]): string[] {
  const inManifest = new Set(recorded);
  const onDisk = new Set(built);
  return [
    ...built.filter((f) => !inManifest.has(f)).map((f) => `${f} was built but has no page spec: add it to sitePages() in src/lib/pages/site-pages.ts.`),
    ...recorded.filter((f) => !onDisk.has(f)).map((f) => `${f} has a page spec in src/lib/pages/site-pages.ts but no route built it.`),
  ];
}

/** Fails when the manifest and the built pages disagree; otherwise removes the manifest from the built site. */
export function checkAndRemoveManifest(dist: string): void {
  const manifest = readManifest(dist);
  const problems = manifestMismatches(manifest.pages.map((p) => p.file), listFiles(dist).filter((f) => f.endsWith('.html')));
  if (problems.length) throw new Error(`The page manifest and the built pages disagree:\n- ${problems.join('\n- ')}`);
  rmSync(join(dist, MANIFEST_FILE));
}
