/**
 * For the scale benchmark: when BRIEFING_TIMINGS names a file, each build step appends a line of JSON to it with its
 * wall time and the build process's peak memory so far. Does nothing otherwise.
 */
import type { AstroIntegration } from 'astro';
import { appendFileSync } from 'node:fs';

/** What a post-build step reports with (scripts/build.ts prints it, each line tagged with the step). */
export interface StepLogger {
  info(message: string): void;
}

export function recordTiming(step: string, ms: number): void {
  const file = process.env.BRIEFING_TIMINGS;
  if (!file) return;
  const peakMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  appendFileSync(file, `${JSON.stringify({ step, ms: Math.round(ms), peakMiB })}\n`);
}

/** Times Astro's own part of the build (start to pages written); list it first so it runs before the other steps. */
export default function timings(): AstroIntegration {
  let started = 0;
  return {
    name: 'briefing:timings',
    hooks: {
      'astro:build:start': () => { started = performance.now(); },
      'astro:build:done': () => recordTiming('astro build', performance.now() - started),
    },
  };
}
