// The open data (src/lib/record/open-data.ts, src/schemas/open-data.ts): CSV quoting, a round trip from the content through
// JSON and CSV and back with csv-parse, and the JSON Schemas (made by z.toJSONSchema) validating every file with ajv.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { buildBriefing } from '../src/lib/content/briefing-graph.ts';
import { groupEntries, readContent } from '../src/lib/content/content-files.ts';
import { isoDay } from '../src/schemas/dates.ts';
import {
  columnsOf, csvCell, dataPageOutline, dataPath, jsonSchemaOf, openDataFile, openDataFiles, readCsvCell, README_PATH, toCsv, typeLabel,
  type OpenDataGraph,
} from '../src/lib/record/open-data.ts';
import { DATASET_NAMES, OPEN_DATASETS, type DatasetName } from '../src/schemas/open-data.ts';
import { RELATIONS } from '../src/schemas/relation.ts';
import { SITE } from '../src/site.ts';

const built = new Date('2026-03-01T12:00:00Z');

function graphOf(dir: string) {
  const read = readContent(dir);
  const graph = buildBriefing(groupEntries(read.entries), { base: '/', known: read.known, paragraphCounts: read.paragraphCounts });
  assert.deepEqual(graph.problems, [], `${dir} has content problems`);
  return graph;
}

/** The real content with the fictional second round laid over it, so one position supersedes another. */
const updated = (() => {
  const dir = mkdtempSync(join(tmpdir(), 'open-data-'));
  try {
    cpSync('content', dir, { recursive: true });
    for (const folder of ['events', 'positions', 'sources']) cpSync(join('test/fixtures/update-round', folder), join(dir, folder), { recursive: true });
    return graphOf(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();
const real = graphOf('content');
const fixture = graphOf('test/fixtures/briefing/content');

const fileText = (files: ReturnType<typeof openDataFiles>, path: string) => {
  const f = files.find((x) => x.path === path);
  assert.ok(f, `${path} is missing`);
  return f.text;
};

test('CSV: a header row, CRLF line ends, and a field with a comma, quote or line break quoted, quotes doubled (RFC 4180)', () => {
  const csv = toCsv('glossary', [
    { id: 'plain', term: 'Plain', aliases: [], definition: 'Nothing to quote here at all.', related: [], page: 'glossary/plain/' },
    { id: 'tricky', term: 'Comma, here', aliases: ['say "hi"', 'two'], definition: 'Line one\nline two, and\r\na third.', related: ['plain'], page: 'glossary/tricky/' },
    { id: 'cr', term: 'Lone\rreturn', aliases: ['"'], definition: 'Ends with a quote "', related: ['plain', 'tricky'], page: 'glossary/cr/' },
  ]);
  assert.equal(csv, [
    'id,term,aliases,definition,related,page',
    'plain,Plain,,Nothing to quote here at all.,,glossary/plain/',
    'tricky,"Comma, here","say ""hi""; two","Line one\nline two, and\r\na third.",plain,glossary/tricky/',
    'cr,"Lone\rreturn","""","Ends with a quote """,plain; tricky,glossary/cr/',
    '',
  ].join('\r\n'));
  // And a maintained parser reads exactly the cells back.
  const rows = parse(csv, { record_delimiter: '\r\n' }) as string[][];
  assert.deepEqual(rows[2], ['tricky', 'Comma, here', 'say "hi"; two', 'Line one\nline two, and\r\na third.', 'plain', 'glossary/tricky/']);
  assert.deepEqual(rows[3], ['cr', 'Lone\rreturn', '"', 'Ends with a quote "', 'plain; tricky', 'glossary/cr/']);
});

test('CSV cells: null is empty, lists join with "; ", citations are source#n,n, booleans are words; each reads back', () => {
  const at = { file: 'data/x.csv', record: 'r', field: 'f', source: 'content/x.yaml' };
  const cases: [unknown, ReturnType<typeof columnsOf>[number]['kind'], boolean, string | number][] = [
    [null, 'text', true, ''],
    [['a', 'b c'], 'list', false, 'a; b c'],
    [[], 'list', false, ''],
    [[{ source: 'muscat-2026-02-06', paragraphs: [3, 4] }, { source: 'other', paragraphs: [1] }], 'citations', false, 'muscat-2026-02-06#3,4; other#1'],
    [true, 'boolean', false, 'true'],
    [false, 'boolean', false, 'false'],
    [12, 'integer', false, 12],
    [-3, 'integer', false, -3],
    // A value that already starts with "'" before a formula's first character keeps it through the escaping.
    ["'=1+1", 'text', false, "''=1+1"],
    [["'@x", 'y'], 'list', false, "''@x; y"],
    ['', 'text', false, ''],
  ];
  for (const [value, kind, nullable, cell] of cases) {
    assert.equal(csvCell(value, kind, at), cell, `${JSON.stringify(value)} as ${kind}`);
    assert.deepEqual(readCsvCell(String(cell), { kind, nullable }), value, `${cell} read as ${kind}`);
  }
});

test('CSV: a cell a spreadsheet would run as a formula starts with "\'" instead, and reads back to the value; numbers stay', () => {
  const hostile = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx', '\uFF1D1', '\uFF0B1', '\uFF0D1', '\uFF20x', "'=already"];
  const records = hostile.map((term, i) => ({ id: `t${i}`, term, aliases: [term.replace(/\s/, '')], definition: `A definition of ${i}.`, related: [], page: `glossary/t${i}/` }));
  const csv = toCsv('glossary', records);
  const rows = (parse(csv, { record_delimiter: '\r\n' }) as string[][]).slice(1);
  const columns = columnsOf('glossary');
  rows.forEach((row, i) => {
    // Every cell that a spreadsheet would evaluate is neutralised: it starts with "'" and not with a formula.
    for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/, `row ${i + 1}: ${JSON.stringify(cell)}`);
    assert.equal(row[1], `'${hostile[i]}`);
    // And the cells read back to the record's values.
    columns.forEach((c, j) => assert.deepEqual(readCsvCell(row[j]!, c), (records[i] as Record<string, unknown>)[c.field], `row ${i + 1}, ${c.field}`));
  });
  assert.ok(csv.includes(`t0,"'=HYPERLINK(""http://evil.example"",""x"")"`), csv);
  // A negative whole number is a number, not a formula.
  const events = openDataFile(real, 'events', { built }).records;
  assert.match(toCsv('events', [{ ...events[0]!, order: -2 }]).split('\r\n')[1]!, /,-2,/);
});

test('a list item that holds the list separator is refused, naming the file, the record, the field and the fix', () => {
  assert.throws(
    () => toCsv('actors', [{ ...openDataFile(real, 'actors', { built }).records[0]!, aliases: ['Tehran; Iran'] }]),
    (e: Error) => {
      assert.match(e.message, /^data\/actors\.csv: record "[a-z-]+", field "aliases": the item "Tehran; Iran" holds ";", which separates list items in a CSV cell\. Fix: reword it in content\/actors\/[a-z-]+\.mdx\.$/);
      return true;
    },
  );
});

/** What each record should say, read straight from the content graph (not from the module under test). */
function expectedRecords(g: OpenDataGraph, name: DatasetName): Record<string, unknown>[] {
  const cites = (cs: readonly { source: { id: string }; paragraphs: readonly number[] }[]) => cs.map((c) => ({ source: c.source.id, paragraphs: [...c.paragraphs] }));
  switch (name) {
    case 'actors':
      return g.actors.map((a) => ({
        id: a.id, name: a.data.name, shortName: a.data.shortName ?? null, kind: a.data.kind, aliases: a.data.aliases, otherNames: a.data.otherNames, affiliation: a.data.affiliation?.id ?? null,
        role: a.data.role, summary: a.data.summary, citations: cites(a.data.citations), page: `actors/${a.id}/`,
      }));
    case 'issues':
      return g.issues.map((i) => ({
        id: i.id, title: i.data.title, shortTitle: i.data.shortTitle, aliases: i.data.aliases, summary: i.data.summary, order: i.data.order,
        citations: cites(i.data.citations), page: `issues/${i.id}/`,
      }));
    case 'positions': {
      const replacedBy = new Map(g.positions.flatMap((p) => (p.data.supersedes ? [[p.data.supersedes.id, p.id] as const] : [])));
      const dates = new Map(g.sources.map((s) => [s.id, isoDay(s.data.date)]));
      return g.positions.map((p) => ({
        id: p.id, title: g.positionTitle(p), actor: p.data.actor.id, issue: p.data.issue.id, stance: p.data.stance, aspect: p.data.aspect ?? null,
        headline: p.data.headline, summary: p.data.summary, voicedBy: p.data.voicedBy ?? null, citations: cites(p.data.citations),
        asOf: p.data.citations.map((c) => dates.get(c.source.id)!).sort().at(-1), supersedes: p.data.supersedes?.id ?? null,
        supersededBy: replacedBy.get(p.id) ?? null, current: !replacedBy.has(p.id), page: `positions/${p.id}/`,
      }));
    }
    case 'events':
      return g.events.map((e) => ({
        id: e.id, title: e.data.title, date: e.data.date?.on ?? null, datePrecision: e.data.date?.precision ?? null,
        dateDerivedFrom: e.data.date?.derived?.from ?? null, dateReasoning: e.data.date?.derived?.reasoning ?? null, when: e.data.when ?? null,
        after: e.data.after?.id ?? null, before: e.data.before?.id ?? null, order: e.data.order, summary: e.data.summary,
        actors: e.data.actors.map((a) => a.id), issues: e.data.issues.map((i) => i.id), citations: cites(e.data.citations), page: `timeline/#${e.id}`,
      }));
    case 'relations':
      return g.actors.flatMap((a) => a.data.relations.map((r) => ({
        from: a.id, kind: r.kind, to: r.with.id, label: r.label ?? RELATIONS[r.kind].label, mutual: RELATIONS[r.kind].mutual, citations: cites(r.citations),
      })));
    case 'glossary':
      return g.glossary.map((t) => ({
        id: t.id, term: t.data.term, aliases: t.data.aliases, definition: t.data.definition, related: t.data.related.map((r) => r.id), page: `glossary/${t.id}/`,
      }));
    case 'sourceParagraphs':
      return g.sources.flatMap((s) => s.data.paragraphs.map((p) => ({
        source: s.id, n: p.n, section: p.section ?? null, summary: p.summary, sourceTitle: s.data.title, sourceDate: isoDay(s.data.date), page: `sources/${s.id}/#p${p.n}`,
      })));
  }
}

for (const [label, graph] of [['the real content with a fictional second round', updated], ['the fictional fixture', fixture]] as const) {
  test(`round trip (${label}): JSON and CSV parse back to the content, field by field`, () => {
    const files = openDataFiles(graph, { built });
    for (const name of DATASET_NAMES) {
      const expected = expectedRecords(graph, name);
      const data = JSON.parse(fileText(files, dataPath(name, 'json'))) as { dataset: string; licence: unknown; asOf: string; built: string; records: Record<string, unknown>[] };
      assert.equal(data.dataset, OPEN_DATASETS[name].file);
      assert.deepEqual(data.licence, SITE.licence);
      assert.equal(data.asOf, isoDay(graph.asOf));
      assert.equal(data.built, '2026-03-01T12:00:00.000Z');
      assert.equal(data.records.length, expected.length, `${name}: record count`);
      expected.forEach((want, i) => {
        for (const [field, value] of Object.entries(want))
          assert.deepEqual(data.records[i]![field], value, `${name}.json record ${i}, field ${field}`);
        assert.deepEqual(Object.keys(data.records[i]!), Object.keys(want), `${name}.json record ${i}: fields`);
      });

      const csv = fileText(files, dataPath(name, 'csv'));
      assert.ok(csv.endsWith('\r\n'), `${name}.csv ends with CRLF`);
      const [header, ...rows] = parse(csv, { record_delimiter: '\r\n' }) as string[][];
      const columns = columnsOf(name);
      assert.deepEqual(header, columns.map((c) => c.field), `${name}.csv header`);
      assert.equal(rows.length, expected.length, `${name}.csv rows`);
      rows.forEach((row, i) => {
        columns.forEach((c, j) => {
          assert.deepEqual(readCsvCell(row[j]!, c), expected[i]![c.field], `${name}.csv row ${i + 1}, field ${c.field}`);
        });
      });
    }
  });
}

test('history: a position a later source replaces stays, not current, and names its successor; the successor names it', () => {
  const { records } = openDataFile(updated, 'positions', { built });
  const old = records.find((r) => r.id === 'iran--uranium-enrichment--2')!;
  const now = records.find((r) => r.id === 'iran--uranium-enrichment--fictional')!;
  assert.deepEqual([old.current, old.supersededBy, old.supersedes], [false, 'iran--uranium-enrichment--fictional', null]);
  assert.deepEqual([now.current, now.supersededBy, now.supersedes, now.asOf], [true, null, 'iran--uranium-enrichment--2', '2026-02-20']);
  assert.match(old.title, /\(until 20 February 2026\)$/);
  // Without the second round, every position is current.
  assert.ok(openDataFile(real, 'positions', { built }).records.every((r) => r.current && r.supersededBy === null));
});

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validators = new Map(DATASET_NAMES.map((name) => [name, ajv.compile(jsonSchemaOf(name))]));

test('the JSON Schemas validate every JSON file, of the real content and of both fixtures', () => {
  for (const graph of [real, updated, fixture]) {
    const files = openDataFiles(graph, { built });
    for (const name of DATASET_NAMES) {
      const validate = validators.get(name)!;
      const schemaText = fileText(files, dataPath(name, 'schema'));
      assert.deepEqual(JSON.parse(schemaText), jsonSchemaOf(name), `${name}.schema.json is the zod schema's JSON Schema`);
      const ok = validate(JSON.parse(fileText(files, dataPath(name, 'json'))));
      assert.ok(ok, `${name}.json: ${ajv.errorsText(validate.errors)}`);
    }
  }
});

test('the JSON Schemas reject a broken record, a missing header field and an unknown field', () => {
  const file = () => structuredClone(openDataFile(real, 'positions', { built })) as unknown as { licence?: unknown; records: Record<string, unknown>[] };
  const validate = validators.get('positions')!;
  const errors = (data: unknown) => (validate(data) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.keyword}`));

  const badStance = file();
  badStance.records[0]!.stance = 'maybe';
  assert.deepEqual(errors(badStance), ['/records/0/stance enum']);
  const badDate = file();
  badDate.records[1]!.asOf = '2026-02-30';
  assert.ok(errors(badDate).includes('/records/1/asOf format'), errors(badDate).join(', '));
  const nullHeadline = file();
  nullHeadline.records[2]!.headline = null;
  assert.deepEqual(errors(nullHeadline), ['/records/2/headline type']);
  const extra = file();
  extra.records[0]!.colour = 'red';
  assert.deepEqual(errors(extra), ['/records/0 additionalProperties']);
  const noLicence = file();
  delete noLicence.licence;
  assert.deepEqual(errors(noLicence), [' required']);
  const noCitations = file();
  noCitations.records[0]!.citations = [];
  assert.deepEqual(errors(noCitations), ['/records/0/citations minItems']);
});

test('a record the schema refuses stops the build, naming the file, the record, the field and the fix', () => {
  const broken = { ...real, actors: real.actors.map((a, i) => (i === 0 ? { ...a, data: { ...a.data, name: 'X' } } : a)) } as OpenDataGraph;
  assert.throws(() => openDataFile(broken, 'actors', { built }), (e: Error) => {
    assert.ok(e.message.startsWith(`data/actors.json: record "${real.actors[0]!.id}", field "name": Too small`), e.message);
    assert.match(e.message, new RegExp(`Fix: correct content/actors/${real.actors[0]!.id}\\.mdx, or the field's mapping in src/lib/record/open-data\\.ts\\.$`));
    return true;
  });
});

test('every field has one description, shared by the JSON Schema, the Data page and the README', () => {
  const files = openDataFiles(real, { built });
  const readmeText = fileText(files, README_PATH);
  for (const name of DATASET_NAMES) {
    const shape = OPEN_DATASETS[name].record.shape as Record<string, { description?: string }>;
    for (const c of columnsOf(name)) {
      assert.ok(c.description.length > 10, `${name}.${c.field} has a description`);
      assert.equal(c.description, shape[c.field]!.description, `${name}.${c.field}: the JSON Schema's description is the zod field's`);
      assert.ok(readmeText.replace(/\s+/g, ' ').includes(`${c.field} (${typeLabel(c)}) ${c.description}`), `README lists ${name}.${c.field}`);
    }
  }
  assert.match(readmeText, new RegExp(`Licence: ${SITE.licence.name} \\(${SITE.licence.id}\\)`));
  assert.match(readmeText.replace(/\s+/g, " "), /As of 2026-02-06 \(the date of its latest source\); built 2026-03-01T12:00:00\.000Z\./);
  assert.deepEqual(dataPageOutline().map((o) => o.anchor).filter((a) => a.startsWith('fields-')), DATASET_NAMES.map((n) => `fields-${OPEN_DATASETS[n].file}`));
});

test('type labels read the JSON Schema: ids, vocabularies, dates, lists, null', () => {
  const label = (name: DatasetName, field: string) => typeLabel(columnsOf(name).find((c) => c.field === field)!);
  assert.equal(label('actors', 'id'), 'id');
  assert.equal(label('actors', 'affiliation'), 'id, or null');
  assert.equal(label('actors', 'kind'), 'one of: state, bloc, person, organisation');
  assert.equal(label('actors', 'shortName'), 'text, or null');
  assert.equal(label('actors', 'aliases'), 'list of text');
  assert.equal(label('events', 'actors'), 'list of ids');
  assert.equal(label('events', 'datePrecision'), 'one of: day, month, year, or null');
  assert.equal(label('positions', 'asOf'), 'date (YYYY-MM-DD)');
  assert.equal(label('positions', 'current'), 'true or false');
  assert.equal(label('issues', 'order'), 'whole number');
  assert.equal(label('relations', 'citations'), 'list of citations');
});
