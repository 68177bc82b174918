import { posix } from 'node:path';

/**
 * Rewrites a hosted link for the offline edition, opened from disk: internal links become relative and point at a
 * file, never a folder, keeping query and fragment. External links, fragments and other schemes stay as they are.
 *
 *   offlineHref('/actors/iran/#positions', 'glossary/jcpoa/index.html', '/')   → '../../actors/iran/index.html#positions'
 *   offlineHref('/b/search/?q=x', 'index.html', '/b/')                          → 'search/index.html?q=x'
 *   offlineHref('/favicon.svg', 'actors/iran/index.html', '/')                  → '../../favicon.svg'
 *   offlineHref('https://example.org/', …)                                       → 'https://example.org/' (unchanged)
 */
export function offlineHref(href: string, fromFile: string, base: string): string {
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  const match = /^([^?#]*)([?#].*)?$/.exec(href)!;
  let path = match[1]!;
  const rest = match[2] ?? '';
  const root = base.endsWith('/') ? base : `${base}/`;
  if (path === root.slice(0, -1)) path = root;
  if (!path.startsWith(root)) return href; // outside this site: leave it alone
  path = path.slice(root.length);
  if (path === '' || path.endsWith('/')) path += 'index.html';
  else if (!posix.extname(path)) path += '/index.html';
  const from = posix.dirname(fromFile);
  const relative = posix.relative(from, path);
  return `${relative || posix.basename(path)}${rest}`;
}

/** The relative prefix from a file back to the edition's root: 'actors/iran/index.html' → '../../'. */
export function rootPrefix(fromFile: string): string {
  const depth = fromFile.split('/').length - 1;
  return depth ? '../'.repeat(depth) : './';
}
