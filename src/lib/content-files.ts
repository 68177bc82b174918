/**
 * Reads the content folder as the collection table describes it, before and outside Astro: each file parsed (YAML,
 * or MDX frontmatter + body) and checked against its zod schema, with references parsed by idRef. One bad file gives
 * its own messages, each naming the file, the field and the fix:
 *
 *   content/positions/iran--talks-scope.yaml: field "stance": is "maybe". Fix: use one of demands, rejects, …
 *
 * The validator (before `astro build`) and astro.config.mjs (link targets and paragraph counts for the Markdown
 * plugins) both read content through here; pages read Astro's collections of the same files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { CollectionName } from '../schemas/common.ts';
import { linkTargetsOf, type BriefingEntries } from './briefing-graph.ts';
import type { LinkTarget } from './entity-linker.ts';
import { collectionRows, extensionOf } from '../schemas/collections.ts';
import { listFiles } from './files.ts';
import { idRef } from './id-ref.ts';

export interface ContentFile {
  collection: CollectionName;
  id: string;
  /** The file, relative to the working folder ("content/actors/iran.mdx"). */
  filePath: string;
  /** The schema's output (references as { id, collection }). */
  data: Record<string, any>;
  /** The MDX body ('' for YAML). */
  body: string;
  /** Line of the file where the body starts (1-based), to turn body lines into file lines. */
  bodyLine: number;
}

export interface ContentRead {
  entries: ContentFile[];
  problems: string[];
  /** Every id that exists per collection, valid or not: references to a broken entry are not reported again. */
  known: Map<CollectionName, Set<string>>;
  /** Paragraph count of each source, as far as it can be read (also for a source that fails its schema). */
  paragraphCounts: Record<string, number>;
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

/** An MDX file's frontmatter and body, and the file line where the body starts. */
export function splitFrontmatter(text: string): { yaml: string; body: string; bodyLine: number } | undefined {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) return undefined;
  return { yaml: m[1]!, body: text.slice(m[0].length), bodyLine: m[0].split('\n').length };
}

const yamlLine = (error: unknown) => (error instanceof YAMLParseError ? error.linePos?.[0].line : undefined);

export function readContent(contentDir: string, cwd = process.cwd()): ContentRead {
  const problems: string[] = [];
  const entries: ContentFile[] = [];
  const known = new Map<CollectionName, Set<string>>();
  const paragraphCounts: Record<string, number> = {};
  const show = (file: string) => relative(cwd, file) || file;

  for (const [collection, { folder, format, schema: schemaOf, schemaFile }] of collectionRows()) {
    const dir = join(contentDir, folder);
    const ids = new Set<string>();
    known.set(collection, ids);
    if (!existsSync(dir)) continue;
    const schema = schemaOf(idRef);
    const ext = extensionOf(format);
    const seen = new Map<string, string>();
    for (const name of listFiles(dir).filter((f) => f.endsWith(ext))) {
      const file = join(dir, name);
      const text = readFileSync(file, 'utf8');
      const fileId = name.slice(0, -ext.length);
      ids.add(fileId);
      let raw: unknown;
      let body = '';
      let bodyLine = 1;
      if (format === 'mdx') {
        const parts = splitFrontmatter(text);
        if (!parts) {
          problems.push(`${show(file)}: no frontmatter. Fix: start the file with a --- block of YAML fields (see src/schemas/${schemaFile}).`);
          continue;
        }
        ({ body, bodyLine } = parts);
        try {
          raw = parseYaml(parts.yaml);
        } catch (error) {
          const line = yamlLine(error);
          problems.push(`${show(file)}${line ? `:${line + 1}` : ''}: the frontmatter is not valid YAML (${(error as Error).message.split('\n')[0]}). Fix: correct the YAML syntax (quotes, colons, indentation).`);
          continue;
        }
      } else {
        try {
          raw = parseYaml(text);
        } catch (error) {
          const line = yamlLine(error);
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
      ids.add(id);
      if (collection === 'sources' && Array.isArray(rawData.paragraphs)) paragraphCounts[id] = rawData.paragraphs.length;
      const parsed = schema.safeParse(rawData);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problems.push(`${show(file)}: ${describeIssue(issue as ZodIssueLike, rawData, schemaFile)}`);
        continue;
      }
      entries.push({ collection, id, filePath: show(file), data: parsed.data as Record<string, any>, body, bodyLine });
    }
  }
  return { entries, problems, known, paragraphCounts };
}

/** The valid entries grouped by collection, as the content graph takes them. */
export function groupEntries(entries: readonly ContentFile[]): BriefingEntries {
  const of = (collection: CollectionName) => entries.filter((e) => e.collection === collection) as never[];
  return {
    briefing: of('briefing'), actors: of('actors'), issues: of('issues'), positions: of('positions'),
    events: of('events'), glossary: of('glossary'), sources: of('sources'),
  };
}

/**
 * What the Markdown plugins need before Astro loads collections (astro.config.mjs): each source's paragraph count,
 * for remark-citations, and every actor and term as a link target, for remark-entity-links. Problems in the files
 * are the validator's to report; this takes what can be read.
 */
export function markdownInputs(contentDir: string, base: string): { sources: Record<string, number>; targets: LinkTarget[] } {
  const read = readContent(contentDir);
  return { sources: read.paragraphCounts, targets: linkTargetsOf(groupEntries(read.entries), base) };
}
