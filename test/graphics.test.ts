import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateSpan, describeGap, layoutTimeline, type TimelineInput } from '../src/lib/graphics/timeline.ts';
import { layoutActorMap, PHONE_MAP_OPTIONS, untidiness } from '../src/lib/graphics/actor-map.ts';
import { RELATIONS, type RelationKind } from '../src/schemas/relation.ts';
import { estimateWidth, wrapText } from '../src/lib/graphics/text.ts';
import { listRelations, relationSentence } from '../src/lib/content/relations.ts';
import { actorSchema } from '../src/schemas/actor.ts';
import { idRef as fakeRef } from '../src/schemas/id-ref.ts';

// The shape of our own timeline: years far apart, a month, then days a week apart, and undated events between.
const events: TimelineInput[] = [
  { id: 'deal', title: 'An agreement is concluded', on: '2015', derived: false },
  { id: 'exit', title: 'One side walks away from the agreement', on: '2018', derived: false },
  { id: 'fall', title: 'A government falls', on: null, derived: false, after: 'exit', before: 'war' },
  { id: 'war', title: 'A campaign of almost two weeks', on: '2025-06', derived: true },
  { id: 'strike', title: 'Strikes on facilities', on: '2025-06', derived: true },
  { id: 'crackdown', title: 'A crackdown on protests', on: '2026-01', derived: true },
  { id: 'remark', title: 'A remark about a fleet', on: null, derived: false },
  { id: 'statement', title: 'A call for a wider agenda', on: '2026-02-04', derived: true },
  { id: 'talks', title: 'Talks open in the capital', on: '2026-02-06', derived: false },
];

test('partial dates cover their whole span, and gaps are described in words', () => {
  const year = dateSpan('2015');
  assert.equal(year.end - year.start, 365);
  assert.equal(dateSpan('2024-02').end - dateSpan('2024-02').start, 29);
  assert.equal(dateSpan('2026-02-06').end - dateSpan('2026-02-06').start, 1);
  assert.equal(describeGap(4 * 365), '4 years');
  assert.equal(describeGap(214), '7 months');
  assert.equal(describeGap(30), '4 weeks');
  assert.equal(describeGap(3), '3 days');
  assert.equal(describeGap(1), '1 day');
});

test('the timeline compresses long empty stretches into breaks that name their ends', () => {
  const layout = layoutTimeline(events);
  // 2015 | 2018 | June 2025 | January to February 2026: four bands, three breaks.
  assert.equal(layout.bands.length, 4);
  assert.deepEqual(layout.breaks.map((b) => `${b.from} → ${b.to}`), ['2015 → 2018', '2018 → Jun 2025', 'Jun 2025 → Jan 2026']);
  assert.deepEqual(layout.breaks.map((b) => b.length), ['2 years', '6 years', '6 months']);
  assert.deepEqual(layout.bands.map((b) => b.ticks[0]?.label), ['2015', '2018', 'Jun 2025', 'Jan 2026']);
  // Bands and breaks follow each other down the page without overlapping.
  const stretches = [...layout.bands, ...layout.breaks].sort((a, b) => a.top - b.top);
  for (let i = 1; i < stretches.length; i++) assert.equal(stretches[i]!.top, stretches[i - 1]!.bottom);
});

test('within a band time is linear, spans are spans, and days are points in order', () => {
  const layout = layoutTimeline(events);
  const mark = (id: string) => layout.marks.find((m) => m.id === id)!;
  assert.equal(mark('crackdown').shape, 'span');
  assert.equal(mark('talks').shape, 'point');
  const band = layout.bands.at(-1)!;
  for (const id of ['crackdown', 'statement', 'talks']) assert.ok(mark(id).top >= band.top && mark(id).bottom <= band.bottom, id);
  // January (31 days) then 4 and 6 February: the gaps on the axis keep the proportions of the days between them.
  const perDay = (mark('crackdown').bottom - mark('crackdown').top) / 31;
  assert.ok(Math.abs(mark('talks').top - mark('statement').top - 2 * perDay) < 0.3);
  // Two events over the same month are drawn side by side, not on top of each other.
  assert.notEqual(mark('war').dx, mark('strike').dx);
  assert.equal(mark('war').derived, true);
});

test('undated events get no point, only a bracket between the events the wording orders them by, or the whole axis', () => {
  const layout = layoutTimeline(events);
  const mark = (id: string) => layout.marks.find((m) => m.id === id)!;
  const label = (id: string) => layout.labels.find((l) => l.id === id)!;
  assert.equal(mark('fall').shape, 'bracket');
  assert.equal(mark('fall').top, label('exit').anchorY);
  assert.equal(mark('fall').bottom, label('war').anchorY);
  assert.equal(label('fall').dateLine, 'Undated');
  assert.ok(label('fall').anchorY >= mark('fall').top && label('fall').anchorY <= mark('fall').bottom);
  assert.equal(label('statement').dateLine, '4 Feb 2026 · derived');
  // No order in the article: anywhere on the axis, not between its neighbours in the list.
  assert.equal(mark('remark').top, layout.lineHeight);
  assert.ok(mark('remark').bottom >= layout.bands.at(-1)!.bottom);
});

test('no band is taller than its labels need: no empty stretch in the label column', () => {
  const layout = layoutTimeline(events);
  for (let i = 1; i < layout.labels.length; i++) {
    const above = layout.labels[i - 1]!;
    const here = layout.labels[i]!;
    const gap = here.y - (above.y + (above.titleLines.length + 1) * layout.lineHeight);
    // A break between two labels' marks is drawn there on purpose; anything else is empty band.
    const breaks = layout.breaks.filter((b) => b.top >= above.anchorY && b.bottom <= here.anchorY).reduce((h, b) => h + b.bottom - b.top, 0);
    assert.ok(gap <= 3 * layout.lineHeight + breaks, `${gap} units of empty space above ${here.id}`);
  }
});

test('labels keep reading order and never overlap, and the drawing is tall enough for all of them', () => {
  const layout = layoutTimeline(events);
  assert.deepEqual(layout.labels.map((l) => l.id), events.map((e) => e.id));
  for (let i = 1; i < layout.labels.length; i++) {
    const above = layout.labels[i - 1]!;
    assert.ok(layout.labels[i]!.y >= above.y + (above.titleLines.length + 1) * layout.lineHeight, layout.labels[i]!.id);
  }
  const last = layout.labels.at(-1)!;
  assert.ok(layout.height >= last.y + last.titleLines.length * layout.lineHeight);
});

test('a timeline of undated events only, or of one event, still lays out', () => {
  assert.equal(layoutTimeline([{ id: 'x', title: 'Something with no date', on: null, derived: false }]).marks[0]!.shape, 'bracket');
  const one = layoutTimeline([{ id: 'y', title: 'One day', on: '2026-02-06', derived: false }]);
  assert.equal(one.bands.length, 1);
  assert.equal(one.breaks.length, 0);
});

test('text wraps on words and widths are estimated generously', () => {
  assert.deepEqual(wrapText('Iran and the United States back at the table in Muscat', 30), ['Iran and the United States', 'back at the table in Muscat']);
  for (const line of wrapText('Iran and the United States back at the table in Muscat', 30)) assert.ok(line.length <= 30);
  assert.deepEqual(wrapText('Supercalifragilistic word', 5), ['Supercalifragilistic', 'word']);
  assert.ok(estimateWidth('Revolutionary Guards', 13, true) > estimateWidth('Revolutionary Guards', 13));
  assert.ok(estimateWidth('WWW', 13) > estimateWidth('iii', 13));
});

const mapNodes = [
  { id: 'a', label: 'Alpha state', major: true },
  { id: 'b', label: 'Beta state', major: true },
  { id: 'c', label: 'Mediator', major: true },
  { id: 'd', label: 'Loner bloc', major: true },
  { id: 'a1', label: 'Minister of Alpha', major: false },
  { id: 'a2', label: 'Envoy of Alpha', major: false },
  { id: 'b1', label: 'Leader of Beta', major: false },
];
const mapEdges = [
  { from: 'a1', to: 'a', membership: true },
  { from: 'a2', to: 'a', membership: true },
  { from: 'b1', to: 'b', membership: true },
  { from: 'c', to: 'a', membership: false },
  { from: 'c', to: 'b', membership: false },
  { from: 'a', to: 'b', membership: false },
  { from: 'b', to: 'a', membership: false },
];

test('the actor map is the same on every build, places every actor, and no two boxes overlap', () => {
  const one = layoutActorMap(mapNodes, mapEdges);
  assert.deepEqual(layoutActorMap(mapNodes, mapEdges), one);
  assert.equal(one.nodes.length, mapNodes.length);
  for (const n of one.nodes) {
    assert.ok(n.x - n.width / 2 >= 0 && n.x + n.width / 2 <= one.width, `${n.id} inside horizontally`);
    assert.ok(n.y - n.height / 2 >= 0 && n.y + n.height / 2 <= one.height, `${n.id} inside vertically`);
  }
  for (const m of one.nodes)
    for (const n of one.nodes)
      if (m !== n) assert.ok(Math.abs(m.x - n.x) * 2 >= m.width + n.width || Math.abs(m.y - n.y) * 2 >= m.height + n.height, `${m.id} overlaps ${n.id}`);
});

test('map lines end on the boxes, and two relations between one pair run apart', () => {
  const layout = layoutActorMap(mapNodes, mapEdges);
  const node = new Map(layout.nodes.map((n) => [n.id, n]));
  for (const e of layout.edges) {
    const a = node.get(e.from)!;
    // The start lies on (just outside) the border of its box, not at its centre.
    const outside = Math.abs(e.x1 - a.x) >= a.width / 2 || Math.abs(e.y1 - a.y) >= a.height / 2;
    assert.ok(outside, `${e.from}→${e.to} starts at the border`);
  }
  const [ab, ba] = layout.edges.slice(-2);
  assert.ok(Math.hypot(ab!.mx - ba!.mx, ab!.my - ba!.my) > 10, 'labels of parallel lines are apart');
});

test('members sit clear of the relation lines between groups, and of every box', () => {
  const layout = layoutActorMap(mapNodes, mapEdges);
  const node = new Map(layout.nodes.map((n) => [n.id, n]));
  const groupLines = mapEdges.filter((e) => !e.membership).map((e) => [node.get(e.from)!, node.get(e.to)!] as const);
  const members = layout.nodes.filter((n) => !n.major);
  // untidiness counts 4 for a line through a box: none of the group lines may run through a member.
  for (const m of members) assert.equal(untidiness([m], groupLines.map(([a, b]) => [a, b])), 0, m.id);
});

test('the phone drawing keeps every box and line label inside its width, and boxes fit their bold labels', () => {
  const phone = layoutActorMap(mapNodes, mapEdges, PHONE_MAP_OPTIONS);
  assert.deepEqual(layoutActorMap(mapNodes, mapEdges, PHONE_MAP_OPTIONS), phone, 'the same on every build');
  assert.ok(phone.width <= PHONE_MAP_OPTIONS.maxWidth!, `${phone.width} wide`);
  for (const layout of [phone, layoutActorMap(mapNodes, mapEdges)]) {
    for (const n of layout.nodes) {
      assert.ok(n.x - n.width / 2 >= 0 && n.x + n.width / 2 <= layout.width, `${n.id} inside`);
      const size = n.major ? layout.majorFontSize : layout.fontSize;
      assert.ok(n.width >= estimateWidth(n.label, size, true) + 2, `${n.id}'s label fits its box`);
    }
    for (const e of layout.edges.filter((e) => e.lw)) assert.ok(e.mx - e.lw / 2 >= 0 && e.mx + e.lw / 2 <= layout.width, `${e.from}→${e.to} label inside`);
  }
});

test('every relation kind has a line pattern of its own, so the legend tells them apart without colour', () => {
  const styles = Object.values(RELATIONS).map((r) => r.dash);
  assert.equal(new Set(styles).size, styles.length);
});

test('untidiness counts crossings, lines through boxes and overlapping boxes', () => {
  const box = (x: number, y: number) => ({ x, y, width: 10, height: 10 });
  const [a, b, c, d] = [box(0, 0), box(100, 100), box(0, 100), box(100, 0)];
  assert.equal(untidiness([a, b, c, d], [[a, b], [c, d]]), 1);
  assert.equal(untidiness([a, b, c, d], [[a, c], [b, d]]), 0);
  const middle = box(50, 50);
  assert.equal(untidiness([a, b, middle], [[a, b]]), 4);
  assert.equal(untidiness([a, box(2, 2)], []), 10);
});

test('relations are read from actor frontmatter with the vocabulary’s words unless the entry gives its own', () => {
  const schema = actorSchema(fakeRef);
  const base = { name: 'Oman', kind: 'state', role: 'Host and mediator', summary: 'Hosts the talks and carries messages.', citations: [{ source: 's', paragraphs: [1] }] };
  const ok = schema.parse({ ...base, relations: [{ kind: 'mediates-for', with: 'iran', citations: [{ source: 's', paragraphs: [1, 2] }] }, { kind: 'ally-of', with: 'x', label: 'key ally of', citations: [{ source: 's', paragraphs: [3] }] }] });
  const relations = listRelations([{ id: 'oman', data: ok }]);
  assert.deepEqual(relations.map((r) => [r.from, r.label, r.to, r.mutual]), [['oman', 'mediates with', 'iran', false], ['oman', 'key ally of', 'x', true]]);
  const bad = schema.safeParse({ ...base, relations: [{ kind: 'friends-with', with: 'iran', citations: [] }] });
  assert.equal(bad.success, false);
  assert.deepEqual(bad.error!.issues.map((i) => i.path.join('.')).sort(), ['relations.0.citations', 'relations.0.kind']);
});

test('a relation reads as a sentence: the kind\'s verb, or the entry\'s own label made one; groups of states take the plural', () => {
  const say = (kind: RelationKind, label?: string, many = false) => relationSentence({ kind, label: label ?? RELATIONS[kind].label }, 'A', 'B', many);
  assert.equal(say('sees-threat-in'), 'A sees a threat in B.');
  assert.equal(say('adversary-of'), 'A is an adversary of B.');
  assert.equal(say('mediates-for'), 'A is a mediator for B.');
  assert.equal(say('hosts-bases-of', undefined, true), 'A host bases of B.');
  assert.equal(say('has-warned', undefined, true), 'A have warned B.');
  // Labels written in content: a noun gets "is a", a preposition or article "is", a verb phrase stays as it is.
  assert.equal(say('ally-of', 'key ally of'), 'A is a key ally of B.');
  assert.equal(say('family-of', 'son-in-law of'), 'A is a son-in-law of B.');
  assert.equal(say('negotiates-with', 'in indirect talks with'), 'A is in indirect talks with B.');
  assert.equal(say('ally-of', 'has long backed'), 'A has long backed B.');
  assert.equal(say('ally-of', 'old ally of'), 'A is an old ally of B.');
  // Every kind has both forms, and none of them is the map's bare label glued between two names.
  for (const [kind, r] of Object.entries(RELATIONS)) {
    assert.equal(r.verb.length, 2, kind);
    assert.match(r.verb[0], /^(is|has|[a-z]+s) /, kind);
  }
});
