import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { parse } from 'yaml';
import type { CollectionName, EntryRef, RefFactory } from '../src/schemas/common.ts';

/** Stand-in for Astro's reference(): parses an id into { id, collection } without checking it exists. */
export const fakeRef: RefFactory = (collection: CollectionName) =>
  z.string().transform((id): EntryRef => ({ id, collection }));

export interface RawEntry {
  id: string;
  file: string;
  data: Record<string, unknown>;
  body: string;
}

/** Reads a content folder the way the glob loader does: YAML files whole, MDX frontmatter plus body. */
export function readFolder(dir: string): RawEntry[] {
  return readdirSync(dir)
    .filter((n) => /\.(ya?ml|mdx?)$/.test(n))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      const text = readFileSync(file, 'utf8');
      const id = name.replace(/\.[^.]+$/, '');
      if (/\.ya?ml$/.test(name)) return { id, file, data: parse(text) as Record<string, unknown>, body: '' };
      const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
      if (!m) throw new Error(`${file}: no frontmatter block`);
      return { id, file, data: parse(m[1]!) as Record<string, unknown>, body: m[2]! };
    });
}
