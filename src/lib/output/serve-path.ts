/**
 * Which file a local server of the build may answer a request with: the PDF step's answers to Chromium
 * (src/integrations/pdf.ts) and the benchmark's server (bench/server.ts) both ask here, so neither can be made to
 * read a file outside the built folder.
 *
 *   servedFile('/x/dist', '/brief/')                              → { status: 200, file: '/x/dist/brief/index.html' }
 *   servedFile('/x/dist', '/favicon.svg')                         → { status: 200, file: '/x/dist/favicon.svg' }
 *   servedFile('/x/dist', '/..%2F..%2Fetc%2Fpasswd')              → { status: 403, reason: 'outside the folder' }
 *   servedFile('/x/dist', '/link-to-dev-zero')                    → { status: 403, reason: 'not a regular file' }
 *   servedFile('/x/dist', '/actors/')  (a folder)                 → { status: 200, file: '/x/dist/actors/index.html' }
 *
 * The path is decoded once (Chromium drops a plain "..", but not "..%2F"), resolved against the folder, and refused
 * when it leads outside it, directly or through a symbolic link. Only a regular file is served: no folder, device,
 * FIFO or socket (a link to /dev/zero would be read forever). A folder answers with its index.html, when that is a
 * regular file inside the folder.
 */
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

export type Served =
  | { status: 200; file: string }
  | { status: 400 | 403 | 404; reason: string };

const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
};

/** A real path under `root` (symbolic links followed), or why not. */
function regularFileIn(root: string, path: string): Served {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return { status: 404, reason: 'no such file' };
  }
  if (!inside(root, real)) return { status: 403, reason: 'outside the folder' };
  return statSync(real).isFile() ? { status: 200, file: real } : { status: 403, reason: 'not a regular file' };
}

/**
 * The file under `root` that answers a request for `urlPath` (the URL's path relative to the site's root, still
 * percent-encoded, without query or fragment), or the status to answer with instead.
 */
export function servedFile(root: string, urlPath: string): Served {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { status: 400, reason: 'malformed percent-encoding' };
  }
  if (decoded.includes('\0')) return { status: 400, reason: 'a NUL byte in the path' };
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return { status: 404, reason: 'no such folder' };
  }
  const target = resolve(realRoot, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  if (!inside(realRoot, target)) return { status: 403, reason: 'outside the folder' };
  const stat = lstatSync(target, { throwIfNoEntry: false });
  if (!stat) return { status: 404, reason: 'no such file' };
  const real = regularFileIn(realRoot, target);
  // "favicon.svg/" names no file, as on a static host.
  if (real.status === 200) return decoded.endsWith('/') ? { status: 404, reason: 'a file asked for as a folder' } : real;
  if (real.status !== 403 || real.reason !== 'not a regular file') return real;
  const folder = realpathSync(target);
  return statSync(folder).isDirectory() ? regularFileIn(realRoot, join(folder, 'index.html')) : real;
}
