// The open data as built: every JSON file in dist/data/ validates against the JSON Schema built beside it (ajv), every
// CSV parses (csv-parse) to the JSON file's records, the Data page states each file's real size and links it in both
// editions, and the offline edition and its zip carry the same bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { listFiles } from '../../src/lib/output/files.ts';
import { columnsOf, dataPath, formatBytes, jsonSchemaOf, openDataPaths, readCsvCell, sizesOf } from '../../src/lib/record/open-data.ts';
import { readSettings } from '../../src/lib/pages/settings.ts';
import { DATASET_NAMES } from '../../src/schemas/open-data.ts';
import { ZIP_FOLDER, ZIP_NAME } from '../../src/integrations/offline.ts';
import { SITE } from '../../src/site.ts';
import { fromHtml } from './hast.ts';

const built = (file: string) => readFileSync(join('dist', file));
const every = openDataPaths();

test('dist/data/ holds exactly the open data files and the Data page', () => {
  assert.deepEqual(listFiles('dist/data').map((f) => `data/${f}`).sort(), [...every, 'data/index.html'].sort());
});

test('each built JSON file validates against its built JSON Schema, which is the zod schema\'s; a broken copy does not', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  const stamps = new Set<string>();
  for (const name of DATASET_NAMES) {
    const schema = JSON.parse(built(dataPath(name, 'schema')).toString('utf8')) as Record<string, unknown>;
    assert.deepEqual(schema, jsonSchemaOf(name), `${dataPath(name, 'schema')} is what z.toJSONSchema makes of the zod schema`);
    const validate = ajv.compile(schema);
    const data = JSON.parse(built(dataPath(name, 'json')).toString('utf8')) as { licence: unknown; asOf: string; built: string; records: Record<string, unknown>[] };
    assert.ok(validate(data), `${dataPath(name, 'json')}: ${ajv.errorsText(validate.errors)}`);
    assert.ok(data.records.length > 0, `${dataPath(name, 'json')} has records`);
    assert.deepEqual(data.licence, SITE.licence);
    assert.equal(data.asOf, '2026-02-06');
    stamps.add(data.built);
    const broken = structuredClone(data);
    broken.records[0]![Object.keys(broken.records[0]!)[0]!] = 42;
    assert.equal(validate(broken), false, `${dataPath(name, 'schema')} refuses a number where its first field wants text`);
  }
  assert.equal(stamps.size, 1, 'every JSON file carries the same build date');
});

test('each built CSV parses to its JSON file\'s records, field by field, with CRLF line ends', () => {
  for (const name of DATASET_NAMES) {
    const csv = built(dataPath(name, 'csv')).toString('utf8');
    const records = (JSON.parse(built(dataPath(name, 'json')).toString('utf8')) as { records: Record<string, unknown>[] }).records;
    assert.ok(csv.endsWith('\r\n') && !csv.startsWith('\uFEFF'), `${dataPath(name, 'csv')}: CRLF at the end, no byte-order mark`);
    const [header, ...rows] = parse(csv, { record_delimiter: '\r\n' }) as string[][];
    const columns = columnsOf(name);
    assert.deepEqual(header, columns.map((c) => c.field));
    assert.equal(rows.length, records.length, `${dataPath(name, 'csv')}: one row per record`);
    rows.forEach((row, i) => columns.forEach((c, j) => assert.deepEqual(readCsvCell(row[j]!, c), records[i]![c.field], `${dataPath(name, 'csv')} row ${i + 1}, ${c.field}`)));
  }
});

test('the offline edition and the zip carry every data file, byte for byte', () => {
  const zip = unzipSync(new Uint8Array(built(ZIP_NAME)));
  for (const file of [...every, 'data/index.html']) assert.ok(existsSync(join('dist-offline', file)), `dist-offline/${file}`);
  for (const file of every) {
    assert.deepEqual(readFileSync(join('dist-offline', file)), built(file), `dist-offline/${file} is dist/${file}`);
    const packed = zip[`${ZIP_FOLDER}${file}`];
    assert.ok(packed, `${ZIP_NAME} holds ${ZIP_FOLDER}${file}`);
    assert.deepEqual(Buffer.from(packed), built(file), `${ZIP_NAME}: ${file} is dist/${file}`);
  }
  assert.ok(zip[`${ZIP_FOLDER}data/index.html`], `${ZIP_NAME} holds the Data page`);
});

for (const edition of ['dist', 'dist-offline']) {
  test(`${edition}: the Data page links every file with its real size, raw and gzipped, and the three graphics`, () => {
    const tree = fromHtml(readFileSync(join(edition, 'data/index.html'), 'utf8'));
    const links = selectAll('a[download]', tree);
    const resolve = (href: string) => (edition === 'dist' ? href.replace(/^\//, '') : posix.normalize(posix.join('data', href)));
    assert.deepEqual(links.map((a) => resolve(String(a.properties.href))).sort(), [...every].sort());
    for (const a of links) {
      const file = resolve(String(a.properties.href));
      if (edition === 'dist-offline') assert.ok(!String(a.properties.href).startsWith('/'), `${file}: a relative link, for file://`);
      assert.ok(existsSync(join(edition, file)), `${edition}/${file} exists`);
      const { raw, gzip } = sizesOf(readFileSync(join(edition, file)));
      const label = selectAll('a[download] + .size', tree).find((s) => s.position && a.position && s.position.start.offset! > a.position.end.offset!);
      assert.equal(label && toString(label), `(${formatBytes(raw)}, ${formatBytes(gzip)} gzipped)`, `${file}: the size the Data page states`);
    }
    const graphics = selectAll('#graphics ~ ul a', tree).map((a) => String(a.properties.href));
    const expected = ['timeline', 'actor-map', 'positions-matrix'].map((g) => (edition === 'dist' ? `/graphics/${g}.svg` : `../graphics/${g}.svg`));
    assert.deepEqual(graphics, expected);
  });
}

test('the Data page is in the sitemap (with SITE_URL: without it there is none) and every page\'s footer links it', () => {
  if (readSettings(process.env).siteGiven) assert.match(readFileSync('dist/sitemap-0.xml', 'utf8'), /<loc>[^<]*\/data\/<\/loc>/);
  else assert.equal(existsSync('dist/sitemap-0.xml'), false);
  for (const page of ['index.html', 'actors/iran/index.html', 'search/index.html']) {
    const footer = selectAll('footer a', fromHtml(readFileSync(join('dist', page), 'utf8'))).map((a) => String(a.properties.href));
    assert.ok(footer.includes('/data/'), `${page}: the footer links /data/`);
  }
});
