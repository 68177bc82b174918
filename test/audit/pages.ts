import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every HTML file of an edition, relative to its folder. */
export function htmlFiles(root: string, dir = root): string[] {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? htmlFiles(root, p) : n.endsWith('.html') ? [relative(root, p)] : [];
  });
}
