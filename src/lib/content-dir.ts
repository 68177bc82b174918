import { resolve } from 'node:path';

/**
 * The folder the briefing's content is read from: `content/` at the project root, or `CONTENT_DIR`
 * (the scale benchmark and the fault-injection tests point it at generated content).
 */
export function contentDir(env: Record<string, string | undefined> = process.env): string {
  return resolve(env.CONTENT_DIR || 'content');
}
