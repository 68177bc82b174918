/**
 * Checks the whole content folder before Astro builds anything, so that a bad edit fails with one clear message per
 * problem, each naming the file, the field and the fix:
 *
 *   content/positions/iran--talks-scope.yaml: field "stance": is "maybe". Fix: use one of demands, rejects, …
 *
 * It runs the same zod schemas, the same citation plugin and the same linker as the build, on the raw files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'astro/zod';
import remarkCitations, { type Citation } from '../plugins/remark-citations.ts';
import { actorSchema } from '../schemas/actor.ts';
import { briefingSchema } from '../schemas/briefing.ts';
import type { CollectionName } from '../schemas/common.ts';
import { eventSchema } from '../schemas/event.ts';
import { glossarySchema } from '../schemas/glossary.ts';
import { issueSchema } from '../schemas/issue.ts';
import { positionSchema } from '../schemas/position.ts';
import { sourceSchema } from '../schemas/source.ts';
import { aliasClashes, type LinkTarget } from './entity-linker.ts';
import { idRef } from './id-ref.ts';
import { checkIntegrity, uncitedParagraphs, type EntryRecord } from './integrity.ts';

const SCHEMAS: Record<CollectionName, { schema: z.ZodType; format: 'mdx' | 'yaml'; file: string }> = {
  briefing: { schema: briefingSchema, format: 'mdx', file: 'briefing.ts' },
  actors: { schema: actorSchema(idRef), format: 'mdx', file: 'actor.ts' },
  issues: { schema: issueSchema(idRef), format: 'mdx', file: 'issue.ts' },
  positions: { schema: positionSchema(idRef), format: 'yaml', file: 'position.ts' },
  events: { schema: eventSchema(idRef), format: 'yaml', file: 'event.ts' },
  glossary: { schema: glossarySchema(idRef), format: 'mdx', file: 'glossary.ts' },
  sources: { schema: sourceSchema, format: 'yaml', file: 'source.ts' },
};

export interface ValidEntry {
  collection: CollectionName;
  id: string;
  file: string;
  data: Record<string, any>;
  body: string;
}

export interface ValidationResult {
  problems: string[];
  warnings: string[];
  entries: ValidEntry[];
  records: EntryRecord[];
}

function files(dir: string, ext: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p, ext) : p.endsWith(ext) ? [p] : [];
  });
}

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  values?: unknown[];
  expected?: string;
  input?: unknown;
}

/** One zod issue as "field "x": what is wrong. Fix: what to do." */
export function describeIssue(issue: ZodIssueLike, data: unknown, schemaFile: string): string {
  const field = issue.path.map(String).join('.') || '(the whole file)';
  const got = issue.path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), data);
  let what = issue.message;
  let fix = `see the comment on this field in src/schemas/${schemaFile}.`;
  if (issue.code === 'invalid_type' && got === undefined) {
    what = 'is missing';
    fix = `add ${String(issue.path.at(-1))}: (${issue.expected ?? 'a value'}); see src/schemas/${schemaFile}.`;
  } else if (issue.code === 'invalid_value' && issue.values) {
    what = `is ${JSON.stringify(got)}`;
    fix = `use one of ${issue.values.map(String).join(', ')}.`;
  } else if (issue.code === 'invalid_type') {
    what = `is ${JSON.stringify(got)}, not ${issue.expected}`;
    fix = `write it as ${issue.expected}; see src/schemas/${schemaFile}.`;
  } else if (issue.code === 'custom') {
    return `field "${field}": ${what}`; // our own checks' messages say how to fix it
  }
  return `field "${field}": ${what}. Fix: ${fix}`;
}

function splitFrontmatter(text: string): { yaml: string; body: string; bodyLine: number } | undefined {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) return undefined;
  return { yaml: m[1]!, body: text.slice(m[0].length), bodyLine: m[0].split('\n').length };
}

export function validateContent(contentDir: string, defaultSource: string): ValidationResult {
  const problems: string[] = [];
  const warnings: string[] = [];
  const entries: ValidEntry[] = [];
  const show = (file: string) => relative(process.cwd(), file) || file;
  // Every file that exists, valid or not, and each source's paragraph count as far as it can be read: so one broken
  // file is reported once, not again by every entry that refers to it.
  const known = new Map<string, Set<string>>();
  const sources: Record<string, number> = {};

  for (const [collection, { schema, format, file: schemaFile }] of Object.entries(SCHEMAS) as [CollectionName, (typeof SCHEMAS)[CollectionName]][]) {
    const dir = join(contentDir, collection);
    const seen = new Map<string, string>();
    const exists = (id: string) => (known.get(collection) ?? known.set(collection, new Set()).get(collection)!).add(id);
    for (const file of files(dir, format === 'mdx' ? '.mdx' : '.yaml')) {
      const text = readFileSync(file, 'utf8');
      const fileId = relative(dir, file).replace(/\.(mdx|yaml)$/, '');
      exists(fileId);
      let raw: unknown;
      let body = '';
      let yamlOffset = 0;
      if (format === 'mdx') {
        const parts = splitFrontmatter(text);
        if (!parts) {
          problems.push(`${show(file)}: no frontmatter. Fix: start the file with a --- block of YAML fields (see src/schemas/${schemaFile}).`);
          continue;
        }
        ({ body } = parts);
        yamlOffset = 1;
        try {
          raw = parseYaml(parts.yaml);
        } catch (error) {
          const line = error instanceof YAMLParseError ? error.linePos?.[0].line : undefined;
          problems.push(`${show(file)}${line ? `:${line + yamlOffset}` : ''}: the frontmatter is not valid YAML (${(error as Error).message.split('\n')[0]}). Fix: correct the YAML syntax (quotes, colons, indentation).`);
          continue;
        }
      } else {
        try {
          raw = parseYaml(text);
        } catch (error) {
          const line = error instanceof YAMLParseError ? error.linePos?.[0].line : undefined;
          problems.push(`${show(file)}${line ? `:${line}` : ''}: not valid YAML (${(error as Error).message.split('\n')[0]}). Fix: correct the YAML syntax (quotes, colons, indentation).`);
          continue;
        }
      }
      const rawData = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
      const id = typeof rawData.slug === 'string' ? rawData.slug : fileId;
      const prior = seen.get(id);
      if (prior) {
        problems.push(`${show(file)}: its id "${id}" is already used by ${show(prior)}. Fix: rename one of the files (or change its slug), so each ${collection} entry has its own id.`);
        continue;
      }
      seen.set(id, file);
      exists(id);
      if (collection === 'sources' && Array.isArray(rawData.paragraphs)) sources[id] = rawData.paragraphs.length;
      const parsed = schema.safeParse(rawData);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problems.push(`${show(file)}: ${describeIssue(issue as ZodIssueLike, rawData, schemaFile)}`);
        continue;
      }
      entries.push({ collection, id, file, data: parsed.data as Record<string, any>, body });
    }
  }

  const records: EntryRecord[] = [];
  for (const e of entries) {
    const d = e.data;
    const refs = [
      ...(d.actor ? [{ ...d.actor, field: 'actor' }] : []),
      ...(d.issue ? [{ ...d.issue, field: 'issue' }] : []),
      ...(d.affiliation ? [{ ...d.affiliation, field: 'affiliation' }] : []),
      ...((d.actors ?? []) as { id: string; collection: string }[]).map((r, i) => ({ ...r, field: `actors[${i}]` })),
      ...((d.issues ?? []) as { id: string; collection: string }[]).map((r, i) => ({ ...r, field: `issues[${i}]` })),
      ...((d.related ?? []) as { id: string; collection: string }[]).map((r, i) => ({ ...r, field: `related[${i}]` })),
      ...((d.relations ?? []) as { with: { id: string; collection: string } }[]).map((r, i) => ({ ...r.with, field: `relations[${i}].with` })),
    ];
    const citations = ((d.citations ?? []) as { source: { id: string }; paragraphs: number[] }[]).map((c, i) => ({
      source: c.source.id, paragraphs: c.paragraphs, field: `citations[${i}]`,
    }));
    ((d.relations ?? []) as { citations: { source: { id: string }; paragraphs: number[] }[] }[]).forEach((r, i) =>
      r.citations.forEach((c, j) => citations.push({ source: c.source.id, paragraphs: c.paragraphs, field: `relations[${i}].citations[${j}]` })));
    if (e.file.endsWith('.mdx')) {
      const vfile = new VFile({ path: show(e.file), value: e.body });
      try {
        const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkCitations, { sources, defaultSource });
        processor.runSync(processor.parse(vfile), vfile);
        const found = (vfile.data as { astro?: { frontmatter?: { bodyCitations?: Citation[] } } }).astro?.frontmatter?.bodyCitations ?? [];
        citations.push(...found.map((c) => ({ ...c, field: 'body <Cite>' })));
      } catch (error) {
        // remark-citations throws "file:line: message"; remark-mdx throws a VFileMessage with a line.
        const err = error as Error & { line?: number };
        const prefixed = /^.*?:(\d+): ([\s\S]*)$/.exec(err.message);
        const line = prefixed ? Number(prefixed[1]) : err.line;
        const message = prefixed ? prefixed[2]! : err.message;
        const bodyLine = splitFrontmatter(readFileSync(e.file, 'utf8'))!.bodyLine;
        const where = line ? `${show(e.file)}:${line + bodyLine - 1}` : show(e.file);
        problems.push(
          message.startsWith('<Cite')
            ? `${where}: ${message}`
            : `${where}: the MDX body cannot be read (${message}). Fix: correct the markup; in MDX, < and { start code, so write them as words or escape them.`,
        );
      }
    }
    records.push({ collection: e.collection, id: e.id, filePath: show(e.file), citations, references: refs });
  }
  problems.push(...checkIntegrity(sources, records, known));

  const targets: LinkTarget[] = entries
    .filter((e) => e.collection === 'glossary' || e.collection === 'actors')
    .map((e) => ({
      key: `${e.collection}/${e.id}`, kind: e.collection === 'glossary' ? 'term' : 'actor', url: '', preview: '', file: show(e.file),
      names: [e.collection === 'glossary' ? e.data.term : e.data.name, ...(e.data.aliases as string[])],
    }));
  problems.push(...aliasClashes(targets).map((m) => `${m.replace(/^The name/, 'The alias')}`));

  const uncited = uncitedParagraphs(sources, records.flatMap((r) => r.citations));
  if (uncited.length) warnings.push(`Source paragraphs cited nowhere: ${uncited.join(', ')}. Cite each paragraph the briefing relies on.`);
  return { problems, warnings, entries, records };
}
