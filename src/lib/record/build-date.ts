import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { MONTHS } from '../../schemas/dates.ts';

/**
 * The one date a build stamps on its output (the offline edition's "snapshot as of", the zip's file times), chosen
 * so that two builds of the same commit are byte-identical: SOURCE_DATE_EPOCH when set (the reproducible-builds
 * convention), else the last commit's date, else (no git, e.g. a tarball) the current time.
 */
export function buildDate(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): { date: Date; from: string } {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch && /^\d+$/.test(epoch)) return { date: new Date(Number(epoch) * 1000), from: 'SOURCE_DATE_EPOCH' };
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%ct'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    if (/^\d+$/.test(out)) return { date: new Date(Number(out) * 1000), from: 'last commit' };
  } catch {
    // not a git checkout
  }
  return { date: new Date(), from: 'current time (set SOURCE_DATE_EPOCH for a reproducible build)' };
}

/**
 * The site's own dates, as opposed to its sources' dates: when the content was committed. `latest` is the newest
 * commit that touched the content folder (the briefing's "last revised" date, in citations, JSON-LD and the footer);
 * `added` gives each file the date of the first commit that has it (when an update reached the site, for the feed).
 * Read from git in one call; outside a checkout, or for files git does not track, both fall back to the build date.
 */
export interface ContentDates {
  latest: Date;
  /** Whether `latest` is a commit's date (else the build date stands in). */
  committed: boolean;
  /** The first commit with this file (absolute path), or the build date when git does not know it. */
  added: (file: string) => Date;
}

export function contentDates(contentDir: string, cwd = process.cwd()): ContentDates {
  const fallback = buildDate(process.env, cwd);
  const added = new Map<string, Date>();
  let latest: Date | undefined;
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 }).toString();
    const top = git('rev-parse', '--show-toplevel').trim();
    // Newest commit first: a file's last sighting is the commit that added it.
    let when: Date | undefined;
    for (const line of git('log', '--format=%x01%ct', '--name-only', '--no-renames', '--', resolve(cwd, contentDir)).split('\n')) {
      if (line.startsWith('\u0001')) {
        when = new Date(Number(line.slice(1)) * 1000);
        latest ??= when;
      } else if (line && when) added.set(resolve(top, line), when);
    }
  } catch {
    // not a git checkout, or no git: the build date stands in
  }
  return {
    latest: latest ?? fallback.date,
    committed: latest !== undefined,
    added: (file) => added.get(resolve(cwd, file)) ?? fallback.date,
  };
}

let dates: ContentDates | undefined;
/** The content's dates, worked out once per process for CONTENT_DIR. */
export function contentDatesOnce(contentDir: string): ContentDates {
  return (dates ??= contentDates(contentDir));
}

let once: Date | undefined;
/** The build's date, worked out once per process (each page's "accessed" date in "Cite this page"). */
export function buildDay(): Date {
  return (once ??= buildDate().date);
}

/** "28 November 2026, 17:40 UTC". */
export function formatStamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}
