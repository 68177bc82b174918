import { execFileSync } from 'node:child_process';
import { MONTHS } from './dates.ts';

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
