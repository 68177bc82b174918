import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under `dir`, as sorted paths relative to it with forward slashes ("actors/iran/index.html"). */
export function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path, root) : [relative(root, path).split('\\').join('/')];
    });
}

/**
 * A file's size as readers see it, the same on the home page's download links and the Data page: "812 B", "4.2 KB",
 * "641 KB", "1.1 MB" (one decimal below 100 KB and from 1 MB; 1 KB = 1,024 bytes).
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 100 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
