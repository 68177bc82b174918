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
  // Which frontmatter fields name each kind of entry and say what its preview shows.
  const kinds = [
    { collection: 'glossary', kind: 'term', name: 'term', preview: 'definition' },
    { collection: 'actors', kind: 'actor', name: 'name', preview: 'role' },
  ] as const;
  const targets: LinkTarget[] = [];
  for (const { collection, kind, name: nameField, preview } of kinds) {
    const dir = join(contentDir, collection);
    for (const entry of readdirSync(dir).filter((n) => n.endsWith('.mdx')).sort()) {
      const id = entry.replace(/\.mdx$/, '');
      const file = join(dir, entry);
      const data = frontmatterOf(file);
      const name = String(data[nameField] ?? id);
      targets.push({
        key: `${collection}/${id}`, kind, url: withBase(base, entryPath(collection, id)), file,
        names: [name, ...strings(data.aliases)], preview: `${name}: ${String(data[preview] ?? '')}`,
      });
    }
  }
  const clashes = aliasClashes(targets);
  if (clashes.length) throw new Error(`Link targets clash:\n- ${clashes.join('\n- ')}`);
  return targets;
}
