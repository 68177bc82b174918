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
import type { z } from 'astro/zod';
import { distance as levenshtein } from 'fastest-levenshtein';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { forbiddenChar, forbiddenCharMessage, type CollectionName } from '../../schemas/common.ts';
import { linkTargetsOf, type BriefingEntries } from './briefing-graph.ts';
import type { LinkTarget } from '../../plugins/entity-linker.ts';
import { COLLECTION_TABLE, collectionRows, extensionOf } from '../../schemas/collections.ts';
import { listFiles } from '../output/files.ts';
import { idRef } from '../../schemas/id-ref.ts';

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
  keys?: string[];
}

/** The zod definition fields walked to find the object a path leads to. */
interface ZodDefLike {
  type: string;
  shape?: Record<string, { _zod: { def: ZodDefLike } }>;
  innerType?: { _zod: { def: ZodDefLike } };
  element?: { _zod: { def: ZodDefLike } };
  in?: { _zod: { def: ZodDefLike } };
  options?: { _zod: { def: ZodDefLike } }[];
}

/** The field names the schema declares for the object at `path` (through optional, default, arrays and unions). */
export function fieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const walk = (def: ZodDefLike, rest: readonly PropertyKey[]): string[] => {
    if (def.innerType) return walk(def.innerType._zod.def, rest);
    if (def.type === 'pipe' && def.in) return walk(def.in._zod.def, rest);
    if (def.type === 'union' && def.options) return [...new Set(def.options.flatMap((o) => walk(o._zod.def, rest)))];
    if (def.type === 'array' && def.element) return rest.length ? walk(def.element._zod.def, rest.slice(1)) : [];
    if (def.type === 'object' && def.shape) {
      if (!rest.length) return Object.keys(def.shape);
      const next = Object.hasOwn(def.shape, String(rest[0])) ? def.shape[String(rest[0])] : undefined;
      return next ? walk(next._zod.def, rest.slice(1)) : [];
    }
    return [];
  };
  return walk((schema as unknown as { _zod: { def: ZodDefLike } })._zod.def, path);
}

/** The declared field a misspelt key most likely means: same letters in another case, or a few edits away. */
export function closestField(key: string, fields: readonly string[]): string | undefined {
  const same = fields.find((f) => f.toLowerCase() === key.toLowerCase());
  if (same) return same;
  const scored = fields.map((f) => ({ f, d: levenshtein(key.toLowerCase(), f.toLowerCase()) })).sort((a, b) => a.d - b.d);
  const best = scored[0];
  return best && best.d <= Math.max(2, Math.floor(key.length / 3)) ? best.f : undefined;
}

/**
 * Each zod issue as "field "x": what is wrong. Fix: what to do.", one line each (a key the schema does not declare
 * is one line per key, with the field it most likely means).
 */
export function describeIssues(issues: readonly ZodIssueLike[], data: unknown, schemaFile: string, schema: z.ZodType): string[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'unrecognized_keys' || !issue.keys) return [describeIssue(issue, data, schemaFile)];
    const fields = fieldsAt(schema, issue.path);
    return issue.keys.map((key) => {
      const field = [...issue.path.map(String), key].join('.');
      const meant = closestField(key, fields);
      const fix = meant
        ? `did you mean ${meant}? Rename it, or remove it`
        : `remove it, or use one of the fields ${fields.join(', ')}`;
      return `field "${field}": is not a field this schema knows, so it would be ignored. Fix: ${fix} (see src/schemas/${schemaFile}).`;
    });
  });
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

/** The path (as zod writes it, "relations.0.label") of the first key or string in `value` that `test` accepts. */
function findField(value: unknown, test: (text: string) => boolean, path: string[] = []): string[] | undefined {
  if (typeof value === 'string') return test(value) ? path : undefined;
  if (!value || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (test(key)) return [...path, key];
    const found = findField(item, test, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

/**
 * A forbidden character (see forbiddenChar in src/schemas/common.ts) in a file, as one message with its line and,
 * when it is in the YAML, the field; or one written as an escape ("\u0007") in a parsed string, with the field.
 */
function forbiddenCharProblem(file: string, text: string, bodyStart: number, data: () => unknown): string | undefined {
  const raw = forbiddenChar(text);
  if (raw) {
    const line = text.slice(0, raw.index).split('\n').length;
    const char = text[raw.index]!;
    let where = raw.index >= bodyStart ? 'the text' : undefined;
    if (!where) {
      const path = findField(data(), (s) => s.includes(char));
      where = path ? `field "${path.join('.')}"` : 'the YAML';
    }
    return `${file}:${line}: ${where} ${forbiddenCharMessage(raw.code)}`;
  }
  const path = findField(data(), (s) => forbiddenChar(s) !== undefined);
  if (!path) return undefined;
  const value = path.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], data());
  const code = forbiddenChar(typeof value === 'string' ? value : path.at(-1)!)!.code;
  return `${file}: field "${path.join('.')}" ${forbiddenCharMessage(code)}`;
}

/** An MDX file's frontmatter and body, and the file line where the body starts. */
export function splitFrontmatter(text: string): { yaml: string; body: string; bodyLine: number } | undefined {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) return undefined;
  return { yaml: m[1]!, body: text.slice(m[0].length), bodyLine: m[0].split('\n').length };
}

const yamlLine = (error: unknown) => (error instanceof YAMLParseError ? error.linePos?.[0].line : undefined);

/** An entry id as a file name or slug: lowercase letters and digits in words joined by one or two hyphens. */
export const ENTRY_ID = /^[a-z0-9]+(?:--?[a-z0-9]+)*$/;

/** "New Actor" → "new-actor": the id a badly named file most likely meant. */
export const suggestId = (name: string): string =>
  name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'entry';

/** Collections the site cannot do without: each needs at least one entry. */
const REQUIRED: readonly CollectionName[] = ['briefing', 'actors', 'issues', 'positions', 'sources'];

export function readContent(contentDir: string, cwd = process.cwd()): ContentRead {
  const problems: string[] = [];
  const entries: ContentFile[] = [];
  const known = new Map<CollectionName, Set<string>>();
  const paragraphCounts: Record<string, number> = {};
  const show = (file: string) => relative(cwd, file) || file;
  // Every file under content/, looked at without following links: a link could publish a file from outside the
  // folder, loop, or point nowhere (an editor's lock file), and none of that may reach the site or stop the check.
  const all = existsSync(contentDir)
    ? listFiles(contentDir, {
      skipDotFiles: true,
      onSymlink: (link) => problems.push(`${show(link)}: is a symbolic link, and content is read only from files that are in content/ itself (a link can bring in a file from elsewhere, loop, or point nowhere). Fix: replace the link with a copy of the file it points to, or delete it.`),
    })
    : [];

  for (const [collection, { folder, format, schema: schemaOf, schemaFile }] of collectionRows()) {
    const dir = join(contentDir, folder);
    const ids = new Set<string>();
    known.set(collection, ids);
    const schema = schemaOf(idRef);
    const ext = extensionOf(format);
    const seen = new Map<string, string>();
    const names = all.filter((f) => f.startsWith(`${folder}/`)).map((f) => f.slice(folder.length + 1));
    for (const name of names.filter((f) => !f.endsWith(ext))) {
      // A file the collection would silently skip: say so (a position saved as .yml, a page as .md).
      const stem = name.replace(/\.[^./]*$/, '');
      problems.push(`${show(join(dir, name))}: not read, because ${collection} entries are ${ext} files. Fix: rename it to ${stem}${ext} (or move it out of content/${folder}/).`);
    }
    for (const name of names.filter((f) => f.endsWith(ext))) {
      const file = join(dir, name);
      let text = readFileSync(file, 'utf8');
      const fileId = name.slice(0, -ext.length);
      ids.add(fileId);
      if (text.charCodeAt(0) === 0xfeff) {
        problems.push(`${show(file)}: starts with a byte-order mark (BOM), which Astro does not expect before the content. Fix: save the file as UTF-8 without BOM.`);
        text = text.slice(1);
      }
      if (!ENTRY_ID.test(fileId)) {
        const suggested = `${suggestId(fileId)}${ext}`;
        const taken = names.includes(suggested) ? `, but content/${folder}/${suggested} exists already: merge the two files` : '';
        problems.push(`${show(file)}: the file name "${fileId}" is not an entry id, so no reference can name it (ids are lowercase letters, digits and hyphens). Fix: rename it to ${suggested}${taken}.`);
        continue;
      }
      // Invisible control characters, raw or written as escapes, before YAML or MDX sees them: one message, with
      // the line and the field.
      const split = format === 'mdx' ? splitFrontmatter(text) : undefined;
      const bodyStart = format === 'mdx' ? (split ? text.length - split.body.length : 0) : text.length;
      const control = forbiddenCharProblem(show(file), text, bodyStart, () => {
        try {
          return parseYaml(format === 'mdx' ? (split?.yaml ?? '') : text);
        } catch {
          return undefined;
        }
      });
      if (control) {
        problems.push(control);
        continue;
      }
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
      if (!ENTRY_ID.test(id)) {
        problems.push(`${show(file)}: field "slug": "${id}" is not an entry id (lowercase letters, digits and hyphens). Fix: write slug: ${suggestId(id)}.`);
        continue;
      }
      const prior = seen.get(id);
      if (prior) {
        problems.push(`${show(file)}: its id "${id}" is already used by ${show(prior)}. Fix: rename one of the files (or change its slug), so each ${collection} entry has its own id.`);
        continue;
      }
      seen.set(id, file);
      ids.add(id);
      // A source's paragraph count as far as it can be read; none for an empty list, so the citations into it are not
      // each reported again (the schema reports the list).
      if (collection === 'sources' && Array.isArray(rawData.paragraphs) && rawData.paragraphs.length) paragraphCounts[id] = rawData.paragraphs.length;
      const parsed = schema.safeParse(rawData);
      if (!parsed.success) {
        for (const line of describeIssues(parsed.error.issues as ZodIssueLike[], rawData, schemaFile, schema)) problems.push(`${show(file)}: ${line}`);
        continue;
      }
      entries.push({ collection, id, filePath: show(file), data: parsed.data as Record<string, any>, body, bodyLine });
    }
  }
  for (const collection of REQUIRED) {
    const folder = COLLECTION_TABLE[collection].folder;
    if (!known.get(collection)?.size)
      problems.push(`${show(join(contentDir, folder))}/: has no ${collection} entries, and the site needs at least one. Fix: add a ${extensionOf(COLLECTION_TABLE[collection].format)} file (see src/schemas/${COLLECTION_TABLE[collection].schemaFile}).`);
  }
  if (known.get('briefing')?.size && !known.get('briefing')!.has('overview'))
    problems.push(`${show(join(contentDir, 'briefing'))}/: has no overview.mdx, which the home page shows. Fix: create content/briefing/overview.mdx.`);
  return { entries, problems, known, paragraphCounts };
}

/**
 * Paragraph counts for remark-citations: each source's count, and Infinity for a source that exists but whose
 * paragraphs cannot be counted (its own message says why), so each citation into it is not reported again.
 */
export function citableSources(read: Pick<ContentRead, 'known' | 'paragraphCounts'>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of read.known.get('sources') ?? []) out[id] = Object.hasOwn(read.paragraphCounts, id) ? read.paragraphCounts[id]! : Infinity;
  return out;
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
  return { sources: citableSources(read), targets: linkTargetsOf(groupEntries(read.entries), base) };
}
