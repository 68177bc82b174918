/**
 * Who wants what, by party: the states and blocs of the story, each with the stances of the people and bodies that
 * speak for it rolled in, so that no party reads "no stance" on an issue where one of its officials stated one. The
 * roll-up follows the content model: an actor's party is the end of its `affiliation` chain (Marco Rubio → United
 * States; Iranian state media → Iran). Each rolled-in stance keeps its speaker.
 *
 *   partyGrid(graph)
 *   → { parties: [{ id: 'iran', … }, { id: 'united-states', … }, …],        parties with a stance, in actor order
 *       issues: [talks-scope, …],                                            issues with a stance, in issue order
 *       cell('united-states', 'ballistic-missiles')
 *         → [{ position: marco-rubio--ballistic-missiles, speaker: 'marco-rubio' }],
 *       silent: ['oman', 'gulf-host-states', 'syria'],                      parties the report gives no stance
 *       main: ['iran', 'united-states'],                                     the negotiating parties
 *       gaps('united-states') → ['uranium-enrichment', …] }                  issues with no stance of that party
 *
 * The main parties are those a `negotiates-with` relation joins (either end), so "the report gives no United States
 * position on uranium enrichment" is said of the sides at the table, not of every actor.
 */
import type { BriefingGraph } from './briefing-graph.ts';
import { perGraph } from './per-graph.ts';
import { lowerFirst } from './text.ts';

type Graph = Pick<BriefingGraph, 'actors' | 'issues' | 'current' | 'relations'>;
type Position = Graph['current'][number];
type Actor = Graph['actors'][number];

export interface PartyStance {
  position: Position;
  /** The official or body that stated it, when it is not the party itself. */
  speaker?: string | undefined;
}

export interface Party {
  id: string;
  actor: Actor;
  /** Its members (by affiliation, at any depth) whose stances are rolled in, in actor order. */
  officials: string[];
}

export interface PartyGrid {
  parties: Party[];
  issues: Graph['issues'];
  cell: (party: string, issue: string) => PartyStance[];
  /** Parties (actors with no affiliation) the report gives no stance at all. */
  silent: string[];
  /** The negotiating parties. */
  main: string[];
  /** Issues of the grid on which the party has no stance, in issue order. */
  gaps: (party: string) => Graph['issues'];
}

/** The end of an actor's affiliation chain: the state or bloc it speaks for (itself when it has none). */
export function partyOf(actors: ReadonlyMap<string, Actor>, id: string): string {
  const seen = new Set<string>();
  let at = id;
  // A loop is the validator's to report (affiliationLoops); here it just stops.
  while (!seen.has(at)) {
    seen.add(at);
    const next = actors.get(at)?.data.affiliation?.id;
    if (!next || !actors.has(next)) return at;
    at = next;
  }
  return at;
}

/** The whole grid, once a graph: every actor and issue page asks for it. */
const wholeGrid = perGraph((graph: Graph) => buildGrid(graph));

/** The grid; with `only`, the rows of those issues alone (the brief's, when it holds part of a long list). */
export function partyGrid(graph: Graph, only?: ReadonlySet<string>): PartyGrid {
  return only ? buildGrid(graph, only) : wholeGrid(graph);
}

function buildGrid(graph: Graph, only?: ReadonlySet<string>): PartyGrid {
  const byId = new Map(graph.actors.map((a) => [a.id, a]));
  const rank = new Map(graph.actors.map((a, i) => [a.id, i]));
  const cells = new Map<string, PartyStance[]>();
  const officials = new Map<string, Set<string>>();
  // The party's own stances first, then its officials', in actor order.
  const positions = [...graph.current].sort((a, b) => Number(a.data.actor.id !== partyOf(byId, a.data.actor.id)) - Number(b.data.actor.id !== partyOf(byId, b.data.actor.id))
    || (rank.get(a.data.actor.id) ?? 0) - (rank.get(b.data.actor.id) ?? 0));
  for (const position of positions) {
    const speaker = position.data.actor.id;
    const party = partyOf(byId, speaker);
    const key = `${party}|${position.data.issue.id}`;
    cells.set(key, [...(cells.get(key) ?? []), { position, ...(speaker === party ? {} : { speaker }) }]);
    if (speaker !== party) (officials.get(party) ?? officials.set(party, new Set()).get(party)!).add(speaker);
    else officials.get(party) ?? officials.set(party, new Set());
  }
  const parties = graph.actors
    .filter((a) => officials.has(a.id))
    .map((actor) => ({ id: actor.id, actor, officials: [...officials.get(actor.id)!].sort((x, y) => (rank.get(x) ?? 0) - (rank.get(y) ?? 0)) }));
  const withStance = new Set(graph.current.map((p) => p.data.issue.id));
  const issues = graph.issues.filter((i) => withStance.has(i.id) && (!only || only.has(i.id)));
  const cell = (party: string, issue: string) => cells.get(`${party}|${issue}`) ?? [];
  const negotiating = new Set(graph.relations.filter((r) => r.kind === 'negotiates-with').flatMap((r) => [partyOf(byId, r.from), partyOf(byId, r.to)]));
  return {
    parties,
    issues,
    cell,
    silent: graph.actors.filter((a) => !a.data.affiliation && !officials.has(a.id)).map((a) => a.id),
    main: graph.actors.filter((a) => negotiating.has(a.id)).map((a) => a.id),
    gaps: (party) => issues.filter((i) => cell(party, i.id).length === 0),
  };
}

/** "a, b or c": a list of alternatives in a sentence. */
const orList = (items: readonly string[]): string =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;

/**
 * What the report does not say, in plain sentences, derived from the grid: on an issue's page, each negotiating party
 * with no stance on it; on a negotiating party's page, the issues it has none on.
 *
 *   silenceOnIssue(grid, 'uranium-enrichment', name, title) → ['The report gives no United States position on uranium enrichment.']
 *   silenceOfParty(grid, 'iran', name)                      → 'The report gives no Iran position on regional armed groups or …'
 */
export function silenceOnIssue(grid: PartyGrid, issue: string, name: (id: string) => string, title: string): string[] {
  if (!grid.issues.some((i) => i.id === issue)) return [];
  return grid.main.filter((party) => grid.cell(party, issue).length === 0).map((party) => `The report gives no ${name(party)} position on ${lowerFirst(title)}.`);
}

export function silenceOfParty(grid: PartyGrid, party: string, name: (id: string) => string): string | undefined {
  if (!grid.main.includes(party)) return undefined;
  const gaps = grid.gaps(party);
  return gaps.length ? `The report gives no ${name(party)} position on ${orList(gaps.map((i) => lowerFirst(i.data.title)))}.` : undefined;
}
