// Who wants what, by party (src/lib/content/parties.ts), on the small fictional fixture with an official's stance laid over
// it: the official's stance shows under the state it speaks for, attributed, and the party's own stances come first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBriefing } from '../src/lib/content/briefing-graph.ts';
import { groupEntries, readContent } from '../src/lib/content/content-files.ts';
import { partyGrid, partyOf } from '../src/lib/content/parties.ts';

const fixture = new URL('./fixtures/briefing/content/', import.meta.url).pathname;

/** The fixture, plus files written over a copy of it. */
function graphWith(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'parties-'));
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

const position = (actor: string, issue: string, stance: string, headline: string) =>
  `actor: ${actor}\nissue: ${issue}\nstance: ${stance}\nheadline: ${headline}\nsummary: ${headline}, as the fictional source has it.\n` +
  'citations: [{ source: fenwick-round-1, paragraphs: [2] }]\n';

const graph = graphWith({
  'positions/rufus-firefly--widget-quota.yaml': position('rufus-firefly', 'widget-quota', 'warns', 'Warns of a widget war'),
  'positions/rufus-firefly--talks-venue.yaml': position('rufus-firefly', 'talks-venue', 'demands', 'Talks in Freedonia only'),
});

test('an official stands under the party it speaks for: the end of its affiliation chain', () => {
  const actors = new Map(graph.actors.map((a) => [a.id, a]));
  assert.equal(partyOf(actors, 'rufus-firefly'), 'freedonia');
  assert.equal(partyOf(actors, 'rostam'), 'sylvania');
  assert.equal(partyOf(actors, 'freedonia'), 'freedonia');
});

test("the grid's rows are parties, with their officials' stances rolled in and attributed, the party's own first", () => {
  const grid = partyGrid(graph);
  assert.deepEqual(grid.parties.map((p) => p.id), ['freedonia', 'sylvania']);
  assert.deepEqual(grid.parties[0]!.officials, ['rufus-firefly']);
  assert.deepEqual(grid.parties[1]!.officials, []);
  // No row of its own for the official: its stances are the party's.
  assert.ok(!grid.parties.some((p) => p.id === 'rufus-firefly'));
  const quota = grid.cell('freedonia', 'widget-quota');
  assert.deepEqual(quota.map((s) => [s.position.id, s.speaker]), [['freedonia--widget-quota', undefined], ['rufus-firefly--widget-quota', 'rufus-firefly']]);
  // The state made no statement on the venue, its official did: the state does not read "no stance".
  assert.deepEqual(grid.cell('freedonia', 'talks-venue').map((s) => [s.position.id, s.speaker]), [['rufus-firefly--talks-venue', 'rufus-firefly']]);
  assert.deepEqual(grid.issues.map((i) => i.id), ['talks-venue', 'widget-quota']);
  // The brief's part of a long list: the rows of the issues it holds, and gaps only among them.
  const part = partyGrid(graph, new Set(['widget-quota']));
  assert.deepEqual(part.issues.map((i) => i.id), ['widget-quota']);
  assert.deepEqual(part.gaps('sylvania'), []);
  assert.deepEqual(part.parties.map((p) => p.id), ['freedonia', 'sylvania']);
});

test('what the report does not say: the negotiating parties, their gaps, and the parties with no stance at all', () => {
  const grid = partyGrid(graph);
  assert.deepEqual(grid.main, ['freedonia', 'sylvania']);
  assert.deepEqual(grid.gaps('sylvania').map((i) => i.id), ['talks-venue']);
  assert.deepEqual(grid.gaps('freedonia'), []);
  assert.deepEqual(grid.silent, []);
  // Without the official's stances, Freedonia has no stance on the venue, and no issue nobody spoke to is a gap.
  const plain = partyGrid(graphWith({}));
  assert.deepEqual(plain.issues.map((i) => i.id), ['widget-quota']);
  assert.deepEqual(plain.gaps('freedonia'), []);
});

test('the whole grid is worked out once a graph; a grid of some issues is its own', () => {
  assert.equal(partyGrid(graph), partyGrid(graph));
  assert.notEqual(partyGrid(graph, new Set(['widget-quota'])), partyGrid(graph));
  assert.notEqual(partyGrid(graphWith({})), partyGrid(graph));
});
