// The real content/ folder, checked without Astro: schemas, references, citations, aliases, coverage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { actorSchema } from '../src/schemas/actor.ts';
import { briefingSchema } from '../src/schemas/briefing.ts';
import { eventSchema } from '../src/schemas/event.ts';
import { glossarySchema } from '../src/schemas/glossary.ts';
import { issueSchema } from '../src/schemas/issue.ts';
import { positionSchema } from '../src/schemas/position.ts';
import { sourceSchema } from '../src/schemas/source.ts';
import { checkIntegrity, uncitedParagraphs, type EntryRecord } from '../src/lib/integrity.ts';
import { readLinkTargets } from '../src/lib/link-targets.ts';
import { readSourceIndex } from '../src/lib/source-index.ts';
import remarkCitations, { type Citation } from '../src/plugins/remark-citations.ts';
import { SITE } from '../src/site.ts';
import { fakeRef, readFolder } from './helpers.ts';

const dir = new URL('../content/', import.meta.url).pathname;
const schemas = {
  actors: actorSchema(fakeRef), issues: issueSchema(fakeRef), positions: positionSchema(fakeRef), events: eventSchema(fakeRef),
  glossary: glossarySchema(fakeRef), briefing: briefingSchema, sources: sourceSchema,
};
const sources = readSourceIndex(dir);

function bodyCitations(file: string, body: string): Citation[] {
  const vfile = new VFile({ path: file, value: body });
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkCitations, { sources, defaultSource: SITE.defaultSource });
  processor.runSync(processor.parse(vfile), vfile);
  return (vfile.data as { astro: { frontmatter: { bodyCitations: Citation[] } } }).astro.frontmatter.bodyCitations;
}

const records: EntryRecord[] = [];
const parsed = new Map<string, { id: string; file: string; data: any }[]>();
for (const [collection, schema] of Object.entries(schemas)) {
  const list = readFolder(`${dir}${collection}`).map((raw) => {
    const result = schema.safeParse(raw.data);
    if (!result.success) throw new Error(`${raw.file}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const data = result.data as any;
    const refs = [
      ...(data.actor ? [{ ...data.actor, field: 'actor' }] : []),
      ...(data.issue ? [{ ...data.issue, field: 'issue' }] : []),
      ...(data.affiliation ? [{ ...data.affiliation, field: 'affiliation' }] : []),
      ...((data.actors ?? []) as any[]).map((r) => ({ ...r, field: 'actors' })),
      ...((data.issues ?? []) as any[]).map((r) => ({ ...r, field: 'issues' })),
      ...((data.related ?? []) as any[]).map((r) => ({ ...r, field: 'related' })),
    ];
    const cites = [
      ...((data.citations ?? []) as any[]).map((c, i) => ({ source: c.source.id, paragraphs: c.paragraphs, field: `citations[${i}]` })),
      ...(raw.file.endsWith('.mdx') ? bodyCitations(raw.file, raw.body).map((c) => ({ ...c, field: 'body' })) : []),
    ];
    records.push({ collection, id: raw.id, filePath: raw.file, citations: cites, references: refs });
    return { id: raw.id, file: raw.file, data };
  });
  parsed.set(collection, list);
}

test('every content file matches its schema, and every reference and citation resolves', () => {
  assert.ok(records.length > 60, `only ${records.length} records read`);
  assert.deepEqual(checkIntegrity(sources, records), []);
});

test('all 13 paragraphs of the article are cited somewhere', () => {
  assert.equal(sources[SITE.defaultSource], 13);
  assert.deepEqual(uncitedParagraphs(sources, records.flatMap((r) => r.citations)), []);
});

test('no alias or name is claimed by two actors or glossary terms', () => {
  assert.doesNotThrow(() => readLinkTargets(dir, '/'));
});

test('every person, state and organisation the brief requires has a page', () => {
  const ids = new Set(parsed.get('actors')!.map((a) => a.id));
  for (const id of ['iran', 'united-states', 'oman', 'israel', 'russia', 'european-parties', 'gulf-host-states', 'syria',
    'marco-rubio', 'abbas-araqchi', 'steve-witkoff', 'jared-kushner', 'donald-trump', 'karoline-leavitt',
    'benjamin-netanyahu', 'bashar-al-assad', 'revolutionary-guards'])
    assert.ok(ids.has(id), `content/actors/${id}.mdx is missing`);
});

test('relative dates are resolved from the dateline and marked as derived', () => {
  const events = new Map(parsed.get('events')!.map((e) => [e.id, e.data]));
  const derived = [...events.values()].filter((e) => e.date?.derived).map((e) => [e.date.derived.from.toLowerCase(), e.date.on]);
  for (const [from, on] of derived) {
    if (from.includes('last june')) assert.equal(on, '2025-06');
    if (from.includes('last month')) assert.equal(on, '2026-01');
    if (from.includes('wednesday')) assert.equal(on, '2026-02-04');
  }
  assert.ok(derived.length >= 3, 'expected the three relative dates of the article to be derived');
});
