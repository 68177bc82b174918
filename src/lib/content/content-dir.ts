import { statSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The folder the briefing's content is read from: `content/` at the project root, or `CONTENT_DIR`
 * (the scale benchmark and the fault-injection tests point it at generated content).
 */
export function contentDir(env: Record<string, string | undefined> = process.env): string {
  return resolve(env.CONTENT_DIR || 'content');
}

/**
 * Why the content folder cannot be read, in one line naming it and the fix, or undefined when it is a folder. Checked
 * before anything else reads it, so a mistyped CONTENT_DIR is not reported as five empty collections.
 */
export function contentDirProblem(env: Record<string, string | undefined> = process.env): string | undefined {
  const dir = contentDir(env);
  const named = env.CONTENT_DIR ? `CONTENT_DIR is "${env.CONTENT_DIR}"` : `The content folder ${dir}`;
  const stat = statSync(dir, { throwIfNoEntry: false });
  const fix = env.CONTENT_DIR ? 'set CONTENT_DIR to the folder that holds briefing/, actors/, issues/… (or unset it to use content/)' : 'restore content/ (git checkout content)';
  if (!stat) return `${named}: no such folder${env.CONTENT_DIR && env.CONTENT_DIR !== dir ? ` (${dir})` : ''}. Fix: ${fix}.`;
  if (!stat.isDirectory()) return `${named}: a file, not a folder. Fix: ${fix}.`;
  return undefined;
}
