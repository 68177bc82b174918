/**
 * The open data as files: from the content graph to every download of /data/ (JSON, CSV, JSON Schema and a
 * README), pure, so the routes, the Data page, the tests and the benchmark all get the same bytes.
 *
 *   openDataFiles(graph, { built }) → [{ path: 'data/actors.json', dataset: 'actors', format: 'json', text: '{…}' },
 *                                      { path: 'data/actors.csv', … }, { path: 'data/actors.schema.json', … }, …,
 *                                      { path: 'data/README.txt', format: 'readme', … }]
 *
 * JSON files carry their licence, the briefing's "as of" date and the build date beside the records. CSV files are
 * a clean table (RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, a quote or a line
 * break, quotes doubled): their licence and dates are on the Data page and in data/README.txt. In a CSV cell, null
 * is an empty cell, a list is its items joined by "; ", a citation is "source#3,4", true and false are words. A text
 * cell that a spreadsheet would run as a formula (one starting with =, +, -, @, a tab or a carriage return, or the
 * full-width = + - @) starts with a "'" instead (csv-stringify's escape_formulas), so it shows as text:
 *
 *   =HYPERLINK("http://evil.example","x")  →  "'=HYPERLINK(""http://evil.example"",""x"")"  (quoted for its quotes)
 */
import { z } from 'astro/zod';
import { stringify } from 'csv-stringify/sync';
import { gzipSync } from 'node:zlib';
import {
  DATASET_NAMES, OPEN_DATASETS, openDataFileSchema, type DatasetName, type DatasetRecord, type OpenDataFile,
} from '../../schemas/open-data.ts';
import { SITE } from '../../site.ts';
import type { BriefingGraph } from '../content/briefing-graph.ts';
import { plainCitation, type CitationData } from '../../schemas/citations.ts';
import { isoDay } from '../../schemas/dates.ts';
import { entryPath, paragraphPath } from '../pages/links.ts';

/** What the downloads read of the content graph. */
export type OpenDataGraph = Pick<BriefingGraph, 'actors' | 'issues' | 'positions' | 'events' | 'relations' | 'glossary' | 'sources' | 'positionTitle' | 'time' | 'asOf'>;

export interface OpenDataMeta {
  /** The build's date stamp (src/lib/record/build-date.ts). */
  built: Date;
}

/** The folder of the downloads, relative to the site's root. */
export const DATA_DIR = 'data';
/** What separates the items of a list in a CSV cell. */
export const LIST_SEPARATOR = '; ';
/**
 * The first characters that make a spreadsheet read a cell as a formula, which csv-stringify's escape_formulas
 * neutralises with a "'" in front (OWASP's CSV injection list, and the full-width forms Apple Numbers folds).
 */
export const FORMULA_START = ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'] as const;
/** A cell (or value) that is one or more "'" before a formula's first character. */
const QUOTED_FORMULA = new RegExp(`^'+[${FORMULA_START.map((c) => (c === '-' ? '\\-' : c)).join('')}]`);

export type DataFormat = 'json' | 'csv' | 'schema' | 'readme';

export interface DataFile {
  /** Relative to the site's root: 'data/actors.json'. */
  path: string;
  /** The dataset it holds; none for the README. */
  dataset?: DatasetName;
  format: DataFormat;
  text: string;
}

/** Where a download's file name comes from: 'actors' + 'csv' → 'data/actors.csv'. */
export function dataPath(name: DatasetName, format: Exclude<DataFormat, 'readme'>): string {
  const file = OPEN_DATASETS[name].file;
  return `${DATA_DIR}/${file}.${format === 'schema' ? 'schema.json' : format}`;
}
export const README_PATH = `${DATA_DIR}/README.txt`;

/** Every download's path, in the order the Data page lists them: each dataset's JSON, CSV and schema, the README last. */
export const openDataPaths = (): string[] =>
  [...DATASET_NAMES.flatMap((name) => (['json', 'csv', 'schema'] as const).map((format) => dataPath(name, format))), README_PATH];

/** A page's site path as the downloads give it: relative to the home page ('/actors/iran/' → 'actors/iran/'). */
const pageOf = (path: string) => path.replace(/^\/+/, '');
const cites = (list: readonly CitationData[]) => list.map((c) => { const p = plainCitation(c); return { source: p.source, paragraphs: [...p.paragraphs] }; });

/** The records of one dataset, in the order the site shows them. */
export function datasetRecords<N extends DatasetName>(graph: OpenDataGraph, name: N): DatasetRecord<N>[] {
  return (RECORDS[name] as (g: OpenDataGraph) => DatasetRecord<N>[])(graph);
}

const RECORDS: { [N in DatasetName]: (g: OpenDataGraph) => DatasetRecord<N>[] } = {
  actors: (g) => g.actors.map((a) => ({
    id: a.id, name: a.data.name, shortName: a.data.shortName ?? null, kind: a.data.kind, aliases: [...a.data.aliases], otherNames: [...a.data.otherNames],
    affiliation: a.data.affiliation?.id ?? null, role: a.data.role, summary: a.data.summary, citations: cites(a.data.citations),
    page: pageOf(entryPath('actors', a.id)),
  })),
  issues: (g) => g.issues.map((i) => ({
    id: i.id, title: i.data.title, shortTitle: i.data.shortTitle, aliases: [...i.data.aliases], summary: i.data.summary,
    order: i.data.order, citations: cites(i.data.citations), page: pageOf(entryPath('issues', i.id)),
  })),
  positions: (g) => g.positions.map((p) => {
    const asOf = g.time.asOfEntry(`positions/${p.id}`);
    if (!asOf) throw new Error(`${p.filePath ?? `positions/${p.id}`}: field "citations" names no source the briefing has, so the position has no date for data/positions.json. Fix: cite a source in content/sources/.`);
    const next = g.time.supersededBy(p.id);
    return {
      id: p.id, title: g.positionTitle(p), actor: p.data.actor.id, issue: p.data.issue.id, stance: p.data.stance,
      aspect: p.data.aspect ?? null, headline: p.data.headline, summary: p.data.summary, voicedBy: p.data.voicedBy ?? null,
      citations: cites(p.data.citations), asOf: isoDay(asOf), supersedes: p.data.supersedes?.id ?? null,
      supersededBy: next ?? null, current: next === undefined, page: pageOf(entryPath('positions', p.id)),
    };
  }),
  events: (g) => g.events.map((e) => {
    const d = e.data.date;
    return {
      id: e.id, title: e.data.title, date: d?.on ?? null, datePrecision: d?.precision ?? null,
      dateDerivedFrom: d?.derived?.from ?? null, dateReasoning: d?.derived?.reasoning ?? null, when: e.data.when ?? null,
      after: e.data.after?.id ?? null, before: e.data.before?.id ?? null, order: e.data.order, summary: e.data.summary,
      actors: e.data.actors.map((a) => a.id), issues: e.data.issues.map((i) => i.id), citations: cites(e.data.citations),
      page: pageOf(entryPath('events', e.id)),
    };
  }),
  relations: (g) => g.relations.map((r) => ({
    from: r.from, kind: r.kind, to: r.to, label: r.label, mutual: r.mutual, citations: cites(r.citations),
  })),
  glossary: (g) => g.glossary.map((t) => ({
    id: t.id, term: t.data.term, aliases: [...t.data.aliases], definition: t.data.definition,
    related: t.data.related.map((r) => r.id), page: pageOf(entryPath('glossary', t.id)),
  })),
  sourceParagraphs: (g) => g.sources.flatMap((s) => s.data.paragraphs.map((p) => ({
    source: s.id, n: p.n, section: p.section ?? null, summary: p.summary, sourceTitle: s.data.title,
    sourceDate: isoDay(s.data.date), page: pageOf(paragraphPath(s.id, p.n)),
  }))),
};

/** The content file a record comes from, for error messages. */
function contentFileOf(name: DatasetName, record: Record<string, unknown>): string {
  switch (name) {
    case 'actors': return `content/actors/${String(record.id)}.mdx`;
    case 'issues': return `content/issues/${String(record.id)}.mdx`;
    case 'positions': return `content/positions/${String(record.id)}.yaml`;
    case 'events': return `content/events/${String(record.id)}.yaml`;
    case 'relations': return `content/actors/${String(record.from)}.mdx`;
    case 'glossary': return `content/glossary/${String(record.id)}.mdx`;
    case 'sourceParagraphs': return `content/sources/${String(record.source)}.yaml`;
  }
}

/** The name of a record in messages: its id, or what identifies it. */
function recordName(name: DatasetName, record: Record<string, unknown>): string {
  if (name === 'relations') return `${String(record.from)} ${String(record.kind)} ${String(record.to)}`;
  if (name === 'sourceParagraphs') return `${String(record.source)}#${String(record.n)}`;
  return String(record.id);
}

/** One JSON download's content, checked against its schema (a mismatch names the file, the record, the field, the fix). */
export function openDataFile<N extends DatasetName>(graph: OpenDataGraph, name: N, meta: OpenDataMeta): OpenDataFile<N> {
  const file = {
    dataset: OPEN_DATASETS[name].file, licence: { ...SITE.licence }, asOf: isoDay(graph.asOf), built: meta.built.toISOString(),
    records: datasetRecords(graph, name),
  };
  const parsed = openDataFileSchema(name).safeParse(file);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [top, index, field] = issue.path;
    const record = top === 'records' && typeof index === 'number' ? (file.records[index] as Record<string, unknown>) : undefined;
    throw new Error(
      record
        ? `${dataPath(name, 'json')}: record "${recordName(name, record)}", field "${String(field)}": ${issue.message}. Fix: correct ${contentFileOf(name, record)}, or the field's mapping in src/lib/record/open-data.ts.`
        : `${dataPath(name, 'json')}: field "${issue.path.join('.')}": ${issue.message}. Fix: correct the file's header in src/lib/record/open-data.ts (SITE.licence is in src/site.ts).`,
    );
  }
  return file as OpenDataFile<N>;
}

/** A JSON download's JSON Schema, from its zod schema (draft 2020-12). */
export function jsonSchemaOf(name: DatasetName): Record<string, unknown> {
  return z.toJSONSchema(openDataFileSchema(name), { target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** How a field is written in a CSV cell, read from its JSON Schema. */
export type CellKind = 'text' | 'integer' | 'boolean' | 'list' | 'citations';
export interface Column {
  field: string;
  kind: CellKind;
  nullable: boolean;
  /** The field's JSON Schema (without null). */
  schema: JsonSchema;
  description: string;
}

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  description?: string;
}

/** The columns of a dataset (its record fields, in order), with their kind and description. */
export function columnsOf(name: DatasetName): Column[] {
  const schema = jsonSchemaOf(name) as JsonSchema;
  const record = schema.properties!.records!.items!;
  return Object.entries(record.properties!).map(([field, s]) => {
    // zod writes a nullable field as `type: ['string', 'null']` or as `anyOf: [{…}, { type: 'null' }]`.
    const types = Array.isArray(s.type) ? s.type : undefined;
    const nonNull = s.anyOf?.filter((x) => x.type !== 'null');
    const nullable = !!s.anyOf?.some((x) => x.type === 'null') || !!types?.includes('null');
    const inner: JsonSchema = types ? { ...s, type: types.find((t) => t !== 'null') ?? 'string' } : nonNull?.length === 1 ? nonNull[0]! : s;
    const kind: CellKind =
      inner.type === 'integer' || inner.type === 'number' ? 'integer'
        : inner.type === 'boolean' ? 'boolean'
          : inner.type === 'array' ? (inner.items?.type === 'object' ? 'citations' : 'list')
            : 'text';
    return { field, kind, nullable, schema: inner, description: s.description ?? '' };
  });
}

/** A field's type in words, for the Data page and the README: "id or null", "list of citations", "one of: …". */
export function typeLabel(column: Column): string {
  const s = column.schema;
  const ID = /^\^\[a-z0-9\]\+/;
  const base =
    column.kind === 'citations' ? 'list of citations'
      : column.kind === 'list' ? (s.items?.pattern && ID.test(s.items.pattern) ? 'list of ids' : 'list of text')
        : column.kind === 'integer' ? 'whole number'
          : column.kind === 'boolean' ? 'true or false'
            : s.enum ? `one of: ${s.enum.join(', ')}`
              : s.format === 'date' ? 'date (YYYY-MM-DD)'
                : s.pattern && ID.test(s.pattern) ? 'id'
                  : 'text';
  return column.nullable ? `${base}, or null` : base;
}

/** Where a cell is, for messages. */
interface CellAt {
  file: string;
  record: string;
  field: string;
  source: string;
}

/**
 * One value as a CSV cell (before quoting and formula escaping, which csv-stringify does). A whole number stays a
 * number, so a negative one is not taken for a formula. A text that already starts with "'" before a formula's first
 * character gets one more "'", so that reading the cell back (readCsvCell) gives exactly the value.
 */
export function csvCell(value: unknown, kind: CellKind, at: CellAt): string | number {
  if (value === null) return '';
  if (kind === 'boolean') return value ? 'true' : 'false';
  if (kind === 'integer') return value as number;
  return keepQuote(textCell(value, kind, at));
}

const keepQuote = (cell: string) => (QUOTED_FORMULA.test(cell) ? `'${cell}` : cell);

function textCell(value: unknown, kind: CellKind, at: CellAt): string {
  if (kind === 'citations')
    return (value as { source: string; paragraphs: number[] }[]).map((c) => `${c.source}#${c.paragraphs.join(',')}`).join(LIST_SEPARATOR);
  if (kind === 'list') {
    const items = value as string[];
    const bad = items.find((item) => item.includes(LIST_SEPARATOR.trim()) || item === '');
    if (bad !== undefined)
      throw new Error(`${at.file}: record "${at.record}", field "${at.field}": the item "${bad}" ${bad === '' ? 'is empty' : `holds "${LIST_SEPARATOR.trim()}", which separates list items in a CSV cell`}. Fix: reword it in ${at.source}.`);
    return items.join(LIST_SEPARATOR);
  }
  return String(value);
}

/**
 * A CSV cell read back into its value: the inverse of csvCell and of the formula escaping (a cell that is "'" before
 * a formula's first character loses that one "'").
 */
export function readCsvCell(written: string, column: Pick<Column, 'kind' | 'nullable'>): unknown {
  const { kind, nullable } = column;
  const cell = kind !== 'integer' && QUOTED_FORMULA.test(written) ? written.slice(1) : written;
  if (kind === 'list') return cell === '' ? [] : cell.split(LIST_SEPARATOR);
  if (kind === 'citations')
    return cell === '' ? [] : cell.split(LIST_SEPARATOR).map((c) => {
      const at = c.lastIndexOf('#');
      return { source: c.slice(0, at), paragraphs: c.slice(at + 1).split(',').map(Number) };
    });
  if (cell === '' && nullable) return null;
  if (kind === 'integer') return Number(cell);
  if (kind === 'boolean') return cell === 'true';
  return cell;
}

/** A dataset as CSV: the header row, then one row per record, RFC 4180 with CRLF line ends. */
export function toCsv<N extends DatasetName>(name: N, records: readonly DatasetRecord<N>[]): string {
  const columns = columnsOf(name);
  const file = dataPath(name, 'csv');
  const rows = records.map((r) => {
    const record = r as Record<string, unknown>;
    const at = { file, record: recordName(name, record), source: contentFileOf(name, record) };
    return columns.map((c) => csvCell(record[c.field], c.kind, { ...at, field: c.field }));
  });
  return stringify(rows, {
    header: true,
    columns: columns.map((c) => c.field),
    record_delimiter: 'windows',
    // csv-stringify quotes a cell holding the delimiter, a quote or the record delimiter (CRLF); RFC 4180 also wants
    // a lone CR or LF quoted.
    quoted_match: /[\r\n]/,
    // A cell that starts like a formula gets a "'" in front, so no spreadsheet runs it (CSV injection).
    escape_formulas: true,
  });
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The README beside the downloads: licence, dates, and every file's fields, for readers of the CSV files. */
export function readme(graph: OpenDataGraph, meta: OpenDataMeta, counts: Record<DatasetName, number>): string {
  const licence = SITE.licence;
  const wrap = (text: string, indent: string) => {
    const words = text.split(' ');
    const lines: string[] = [];
    let line = '';
    for (const w of words) {
      if (line && (indent.length + line.length + 1 + w.length) > 100) { lines.push(line); line = w; } else line = line ? `${line} ${w}` : w;
    }
    if (line) lines.push(line);
    return lines.map((l) => `${indent}${l}`).join('\n');
  };
  const out = [
    `${SITE.title}: open data`,
    '',
    wrap(`The briefing's content model as data. As of ${isoDay(graph.asOf)} (the date of its latest source); built ${meta.built.toISOString()}.`, ''),
    wrap(`Licence: ${licence.name} (${licence.id}), ${licence.url}. Credit: ${licence.attribution}.`, ''),
    '',
    wrap('Each dataset comes as JSON (the records beside their licence and dates), as CSV (the same records as a table) and as a JSON Schema for the JSON file. The Data page of the site (data/index.html) documents the same fields.', ''),
    '',
    'CSV: UTF-8, a header row, CRLF line ends; a field holding a comma, a quote or a line break is quoted, and quotes',
    `inside it are doubled (RFC 4180). An empty cell is null or an empty list. A list's items are joined by "${LIST_SEPARATOR}";`,
    `a citation is written source#paragraphs ("muscat-2026-02-06#3,4"), several joined by "${LIST_SEPARATOR}". true and false are words.`,
    "A text cell that a spreadsheet would take for a formula (one starting with =, +, -, @, a tab or a carriage return) starts",
    "with a ' so that it shows as text: remove that one ' to get the value (the JSON file has it as is). Numbers are not",
    "changed.",
  ];
  for (const name of DATASET_NAMES) {
    const spec = OPEN_DATASETS[name];
    out.push('', `${spec.title}: ${dataPath(name, 'json')}, ${dataPath(name, 'csv')}, ${dataPath(name, 'schema')} (${counts[name]} records)`, wrap(spec.description, '  '), '');
    for (const c of columnsOf(name)) out.push(`  ${c.field} (${typeLabel(c)})`, wrap(c.description, '      '));
  }
  return `${out.join('\n')}\n`;
}

/** The Data page's h2 headings, in order: its page spec's outline and the page itself both read this. */
export function dataPageOutline(): { anchor: string; heading: string }[] {
  return [
    { anchor: 'downloads', heading: 'Downloads' },
    { anchor: 'licence', heading: 'Licence and dates' },
    { anchor: 'csv', heading: 'Reading the CSV files' },
    ...DATASET_NAMES.map((name) => ({ anchor: `fields-${OPEN_DATASETS[name].file}`, heading: `${OPEN_DATASETS[name].title}: fields` })),
    { anchor: 'graphics', heading: 'Graphics' },
  ];
}

const cache = new WeakMap<object, Map<string, DataFile[]>>();

/** Every download of /data/, in the order the Data page lists them, the README last. */
export function openDataFiles(graph: OpenDataGraph, meta: OpenDataMeta): DataFile[] {
  const key = meta.built.toISOString();
  const hit = cache.get(graph)?.get(key);
  if (hit) return hit;
  const files: DataFile[] = [];
  const counts = {} as Record<DatasetName, number>;
  for (const name of DATASET_NAMES) {
    const file = openDataFile(graph, name, meta);
    counts[name] = file.records.length;
    files.push(
      { path: dataPath(name, 'json'), dataset: name, format: 'json', text: json(file) },
      { path: dataPath(name, 'csv'), dataset: name, format: 'csv', text: toCsv(name, file.records) },
      { path: dataPath(name, 'schema'), dataset: name, format: 'schema', text: json(jsonSchemaOf(name)) },
    );
  }
  files.push({ path: README_PATH, format: 'readme', text: readme(graph, meta, counts) });
  if (!cache.has(graph)) cache.set(graph, new Map());
  cache.get(graph)!.set(key, files);
  return files;
}

/** The one file at a path, for a route; a path that is not a download is a bug in the route. */
export function dataFileAt(graph: OpenDataGraph, meta: OpenDataMeta, path: string): DataFile {
  const file = openDataFiles(graph, meta).find((f) => f.path === path);
  if (!file) throw new Error(`${path} is not one of the open data files: its route must list paths from openDataFiles() in src/lib/record/open-data.ts.`);
  return file;
}

/** A download's size as served: raw and gzipped (level 9, as the page-weight budget counts). */
export function sizesOf(text: string | Uint8Array): { raw: number; gzip: number } {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  return { raw: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength };
}

/** Sizes are written as everywhere on the site (src/lib/output/files.ts). */
export { formatBytes } from '../output/files.ts';
