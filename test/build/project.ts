// A throwaway copy of the project (node_modules linked, not copied) for tests that build, break or rebuild it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OG_CACHE_ENV } from '../../src/lib/images/og-cache.ts';
import { listFiles } from '../../src/lib/output/files.ts';

const here = new URL('../../', import.meta.url).pathname;
const COPY = ['src', 'content', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

export interface Project {
  dir: string;
  build(env?: Record<string, string>): { status: number; output: string };
  edit(path: string, change: (text: string) => string): void;
  write(path: string, text: string): void;
  resetContent(): void;
  hash(folder: string): Map<string, string>;
  remove(): void;
}

/** sha256 of every file under `root`, by path relative to it, in sorted order. */
export function hashTree(root: string): Map<string, string> {
  return new Map(listFiles(root).map((f) => [f, createHash('sha256').update(readFileSync(join(root, f))).digest('hex')]));
}

/**
 * A node_modules/ for a copy of the project: the packages of `from` linked one by one, not the whole folder. Astro
 * keeps its caches (the content data store, our preview images) in node_modules/.astro/, and a copy must neither
 * read another's content there (copies built side by side, as the build tests run two files at once) nor start warm
 * (the scale bench's clean builds).
 */
export function linkPackages(from: string, to: string): void {
  mkdirSync(to);
  for (const name of readdirSync(from)) if (name !== '.astro') symlinkSync(join(from, name), join(to, name));
}

/**
 * `git: true` copies the repository too, so the copy's dates (the last commit, the content's commits) are the
 * project's: for the reproducible-build test, which must build exactly what `npm run build` built.
 */
export function copyProject(options: { git?: boolean } = {}): Project {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-'));
  for (const name of [...COPY, ...(options.git ? ['.git'] : [])]) cpSync(join(here, name), join(dir, name), { recursive: true });
  linkPackages(join(here, 'node_modules'), join(dir, 'node_modules'));
  return {
    dir,
    build(env = {}) {
      const r = spawnSync('node', ['scripts/build.ts'], {
        cwd: dir, encoding: 'utf8',
        // The project's preview-image cache, shared (entries are keyed by what they show and written whole), so each
        // copy does not draw every image again.
        env: { ...process.env, SOURCE_DATE_EPOCH: '1770336000', CONTENT_DIR: '', [OG_CACHE_ENV]: join(here, 'node_modules', '.astro', 'briefing-og'), ...env },
      });
      return { status: r.status ?? 1, output: `${r.stdout}\n${r.stderr}` };
    },
    edit(path, change) {
      writeFileSync(join(dir, path), change(readFileSync(join(dir, path), 'utf8')));
    },
    write(path, text) {
      writeFileSync(join(dir, path), text);
    },
    resetContent() {
      rmSync(join(dir, 'content'), { recursive: true, force: true });
      cpSync(join(here, 'content'), join(dir, 'content'), { recursive: true });
    },
    hash: (folder) => hashTree(join(dir, folder)),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
