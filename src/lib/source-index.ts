import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * Paragraph counts of every source in `<contentDir>/sources/*.yaml`, read before Astro loads collections, so the
 * citation plugin can check MDX bodies at compile time. Full validation of the files is the schema's job.
 */
export function readSourceIndex(contentDir: string): Record<string, number> {
  const dir = join(contentDir, 'sources');
  const index: Record<string, number> = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
    const file = join(dir, name);
    let data: unknown;
    try {
      data = parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`${file}: the YAML cannot be read (${(error as Error).message.split('\n')[0]}). Fix its syntax.`);
    }
    const paragraphs = (data as { paragraphs?: unknown })?.paragraphs;
    index[name.replace(/\.yaml$/, '')] = Array.isArray(paragraphs) ? paragraphs.length : 0;
  }
  return index;
}
