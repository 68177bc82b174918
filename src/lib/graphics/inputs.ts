/**
 * What each graphic is drawn from, taken from the content graph's entries once, so the pages, the brief and the
 * standalone files draw the same thing.
 */
import type { EventData } from '../../schemas/event.ts';
import type { ActorData } from '../../schemas/actor.ts';
import type { Relation } from '../content/relations.ts';
import type { TimelineEvent } from './draw-timeline.ts';
import type { MapEdgeInput, MapNodeInput } from './actor-map.ts';

export const timelineEvents = (events: readonly { id: string; data: EventData }[]): TimelineEvent[] =>
  events.map((e) => ({
    id: e.id, title: e.data.title, on: e.data.date?.on ?? null, derived: !!e.data.date?.derived, after: e.data.after?.id, before: e.data.before?.id,
    cites: e.data.citations.flatMap((c) => c.paragraphs.map((n) => ({ source: c.source.id, n }))),
  }));

/** The map's boxes and lines: memberships first (thin lines), then the relations, in the graph's order. */
export function actorMapInput(actors: readonly { id: string; data: ActorData }[], relations: readonly Relation[]) {
  const name = new Map(actors.map((a) => [a.id, a.data.shortName ?? a.data.name]));
  const memberships = actors.flatMap((a) => (a.data.affiliation ? [{ from: a.id, to: a.data.affiliation.id }] : []));
  const nodes: MapNodeInput[] = actors.map((a) => ({ id: a.id, label: name.get(a.id)!, major: !a.data.affiliation }));
  const edges: MapEdgeInput[] = [...memberships.map((m) => ({ ...m, membership: true })), ...relations.map((r) => ({ from: r.from, to: r.to, membership: false, label: r.label }))];
  return { name, kindOf: new Map(actors.map((a) => [a.id, a.data.kind])), memberships, nodes, edges };
}
