import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { aliasClashes, type LinkTarget } from './entity-linker.ts';
import { entryPath, withBase } from './links.ts';

function frontmatterOf(file: string): Record<string, unknown> {
  try {
    return parseFrontmatter(readFileSync(file, 'utf8')).frontmatter;
  } catch (error) {
    throw new Error(`${file}: the frontmatter cannot be read (${(error as Error).message.split('\n')[0]}). Fix its YAML.`);
  }
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * Every glossary term and actor as a link target, read from the content files before Astro loads collections (the
 * Markdown pipeline needs them at compile time, and pages use the same list). Throws when two entries claim the same
 * name or alias, naming both files.
 */
export function readLinkTargets(contentDir: string, base: string): LinkTarget[] {
  const targets: LinkTarget[] = [];
  const folder = (name: 'glossary' | 'actors') =>
    readdirSync(join(contentDir, name)).filter((n) => n.endsWith('.mdx')).sort().map((n) => ({ id: n.replace(/\.mdx$/, ''), file: join(contentDir, name, n) }));
  for (const { id, file } of folder('glossary')) {
    const data = frontmatterOf(file);
    const term = String(data.term ?? id);
    targets.push({
      key: `glossary/${id}`, kind: 'term', url: withBase(base, entryPath('glossary', id)), file,
      names: [term, ...strings(data.aliases)], preview: `${term}: ${String(data.definition ?? '')}`,
    });
  }
  for (const { id, file } of folder('actors')) {
    const data = frontmatterOf(file);
    const name = String(data.name ?? id);
    targets.push({
      key: `actors/${id}`, kind: 'actor', url: withBase(base, entryPath('actors', id)), file,
      names: [name, ...strings(data.aliases)], preview: `${name}: ${String(data.role ?? '')}`,
    });
  }
  const clashes = aliasClashes(targets);
  if (clashes.length) throw new Error(`Link targets clash:\n- ${clashes.join('\n- ')}`);
  return targets;
}
