/**
 * What the cover of the whole briefing (/brief/, and so the PDF's first page) says of the story, from the content
 * graph alone: the parties at the table (those a `negotiates-with` relation joins, parties.ts), who mediates between
 * them (`mediates-for` relations to them), where and when the story is datelined (the earliest source), the "as of"
 * date (the latest source) and how many sources there are. Nothing here is written by hand.
 *
 *   briefCover(graph)
 *   → { story: 'Iran–US talks in Muscat', parties: ['Iran', 'United States'], mediators: ['Oman'],
 *       dateline: { place: 'Muscat', date: 2026-02-06 }, asOf: 2026-02-06, sources: 1 }
 */
import type { BriefingGraph } from '../content/briefing-graph.ts';
import { partyGrid } from '../content/parties.ts';

type Graph = Pick<BriefingGraph, 'actors' | 'issues' | 'current' | 'relations' | 'sources'>;

export interface BriefCover {
  /** The story in a few words: the parties' short names, then the dateline's place ("Iran–US talks in Muscat"). */
  story: string;
  /** The parties at the table, by name, in actor order. */
  parties: string[];
  /** The actors that mediate between them, by name. */
  mediators: string[];
  /** The earliest source's dateline and date: where and when the story is reported from. */
  dateline: { place: string; date: Date } | undefined;
  /** The latest source's date. */
  asOf: Date | undefined;
  sources: number;
}

export function briefCover(graph: Graph): BriefCover {
  const main = partyGrid(graph).main;
  const actors = new Map(graph.actors.map((a) => [a.id, a]));
  const name = (id: string) => actors.get(id)?.data.name ?? id;
  const shortName = (id: string) => actors.get(id)?.data.shortName ?? name(id);
  const mediators = [...new Set(graph.relations.filter((r) => r.kind === 'mediates-for' && main.includes(r.to)).map((r) => r.from))];
  const byDate = [...graph.sources].sort((a, b) => a.data.date.getTime() - b.data.date.getTime());
  const first = byDate[0];
  const parties = main.map(shortName).join('–');
  const place = first?.data.dateline;
  return {
    story: [parties ? `${parties} talks` : 'Talks', place ? `in ${place}` : ''].filter(Boolean).join(' '),
    parties: main.map(name),
    mediators: mediators.map(name),
    dateline: first && place ? { place, date: first.data.date } : undefined,
    asOf: byDate.at(-1)?.data.date,
    sources: graph.sources.length,
  };
}
