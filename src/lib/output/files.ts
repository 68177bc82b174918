import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface ListOptions {
  /**
   * Skip names starting with a dot (editor lock files such as Emacs's `.#oman.mdx`, which is a dangling symlink,
   * `.DS_Store`), before they are looked at, so one can never stop the listing.
   */
  skipDotFiles?: boolean;
  /**
   * Called for each symbolic link, which is then neither followed nor listed (content/ is read this way: a link
   * could publish a file from outside it, loop, or dangle). Without it, links are followed (the built editions).
   */
  onSymlink?: (path: string) => void;
  /**
   * Folders not to enter, by their path relative to the root with a trailing slash ("pagefind/"): the offline edition
   * lists dist/ while other steps are still writing into folders it leaves out.
   */
  skipFolder?: (folder: string) => boolean;
}

/** Every file under `dir`, as sorted paths relative to it with forward slashes ("actors/iran/index.html"). */
export function listFiles(dir: string, options: ListOptions = {}, root = dir): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      if (options.skipDotFiles && name.startsWith('.')) return [];
      const path = join(dir, name);
      if (options.onSymlink && lstatSync(path).isSymbolicLink()) {
        options.onSymlink(path);
        return [];
      }
      const rel = relative(root, path).split('\\').join('/');
      if (!statSync(path).isDirectory()) return [rel];
      return options.skipFolder?.(`${rel}/`) ? [] : listFiles(path, options, root);
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
