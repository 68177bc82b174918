// The cover of the whole briefing (src/lib/documents/brief-cover.ts), from the fictional fixture's graph: the story, the parties
// at the table, the mediator, the dateline and the number of sources, none of it written by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBriefing } from '../src/lib/content/briefing-graph.ts';
import { groupEntries, readContent } from '../src/lib/content/content-files.ts';
import { briefCover } from '../src/lib/documents/brief-cover.ts';

const fixture = new URL('./fixtures/briefing/content/', import.meta.url).pathname;

function graphWith(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'cover-'));
  try {
    cpSync(fixture, dir, { recursive: true });
    for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
    const read = readContent(dir);
    assert.deepEqual(read.problems, []);
    return buildBriefing(groupEntries(read.entries), { base: '/', known: read.known, paragraphCounts: read.paragraphCounts });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the cover names the parties at the table, the dateline and the sources', () => {
  const cover = briefCover(graphWith({}));
  assert.equal(cover.story, 'Freedonia–Sylvania talks in Fenwick');
  assert.deepEqual(cover.parties, ['Freedonia', 'Sylvania']);
  assert.deepEqual(cover.mediators, []);
  assert.equal(cover.dateline?.place, 'Fenwick');
  assert.equal(cover.dateline?.date.toISOString().slice(0, 10), '2030-03-04');
  assert.equal(cover.asOf?.toISOString().slice(0, 10), '2030-03-04');
  assert.equal(cover.sources, 1);
});

test('a mediator is an actor that mediates for a party at the table; short names make the story', () => {
  const cover = briefCover(graphWith({
    'actors/marxonia.mdx': '---\nname: Marxonia\nkind: state\naliases: []\nrole: Go-between\nsummary: Carries messages between the two sides.\n' +
      'citations: [{ source: fenwick-round-1, paragraphs: [1] }]\n' +
      'relations: [{ kind: mediates-for, with: freedonia, citations: [{ source: fenwick-round-1, paragraphs: [1] }] }]\norder: 9\n---\n\nIt mediates.\n',
  }));
  assert.deepEqual(cover.mediators, ['Marxonia']);
});
