/**
 * The three graphics as standalone SVG files (/graphics/timeline.svg, actor-map.svg, positions-matrix.svg), from the
 * content graph: the same drawings as the pages, with title, key and source line, links absolute to the hosted site
 * when its address is known (SITE_URL) and none otherwise.
 */
import { formatDay } from '../../schemas/dates.ts';
import { graphicPath, type GraphicName } from '../pages/links.ts';
import type { BriefingGraph } from '../content/briefing-graph.ts';
import { actorMapKeys, drawActorMap } from './draw-actor-map.ts';
import { drawMatrix, matrixKeys, matrixStyle, type MatrixCell } from './draw-matrix.ts';
import { partyGrid } from '../content/parties.ts';
import { drawTimeline, TIMELINE_KEYS } from './draw-timeline.ts';
import { actorMapInput, timelineEvents } from './inputs.ts';
import { standaloneSvg } from './standalone.ts';
import { actorMapStyle, timelineStyle } from './style.ts';
import { SITE } from '../../site.ts';
import type { Stance } from '../../schemas/stance.ts';

/** Each file's path (links.ts names them) and the title drawn on it. */
export const GRAPHIC_FILES = {
  timeline: { path: graphicPath('timeline'), title: 'Timeline of the Muscat talks story' },
  'actor-map': { path: graphicPath('actor-map'), title: 'Who is who in the Muscat talks, and how they stand to one another' },
  'positions-matrix': { path: graphicPath('positions-matrix'), title: 'Where each side stands on each issue in the Muscat talks' },
} as const satisfies Record<GraphicName, { path: string; title: string }>;
export type GraphicFile = GraphicName;

export interface FileContext {
  /** Site-relative link of a page ('/actors/iran/' with the base path), or undefined to leave links out. */
  absolute?: ((path: string) => string) | undefined;
  /** The site's address, for the credit line; undefined when SITE_URL is not set. */
  hosted?: string | undefined;
  entryHref: (collection: 'actors' | 'positions' | 'events', id: string) => string;
  paragraphHref: (source: string, n: number) => string;
}

export function graphicFile(which: GraphicFile, g: BriefingGraph, ctx: FileContext): string {
  const link = (path: string) => (ctx.absolute ? ctx.absolute(path) : '#');
  const credit = [
    `Source: ${g.sources.map((s) => `${s.data.title} (${s.data.dateline}, ${formatDay(s.data.date)})`).join('; ')}. Drawn from the briefing's content; every fact is cited there.`,
    `${SITE.title}, as of ${formatDay(g.asOf)}${ctx.hosted ? `: ${ctx.hosted}` : ''}.`,
  ];
  const title = GRAPHIC_FILES[which].title;
  if (which === 'timeline') {
    const drawing = drawTimeline(timelineEvents(g.events), {
      eventHref: (id) => link(ctx.entryHref('events', id)), paraHref: (s, n) => link(ctx.paragraphHref(s, n)), idPrefix: 'timeline',
    });
    return standaloneSvg({ scope: 'timeline-graphic', file: GRAPHIC_FILES[which].path.replace(/^\/+/, ''), title, drawing, keys: TIMELINE_KEYS, css: timelineStyle('fixed'), credit });
  }
  if (which === 'actor-map') {
    const drawing = drawActorMap(actorMapInput(g.actors, g.relations), g.relations, { actorHref: (id) => link(ctx.entryHref('actors', id)), idPrefix: 'actor-map' });
    return standaloneSvg({ scope: 'actor-map', file: GRAPHIC_FILES[which].path.replace(/^\/+/, ''), title, drawing, keys: actorMapKeys(g.relations), css: actorMapStyle('fixed'), credit });
  }
  // A row per party, its officials' stances rolled in and named, as on the positions page.
  const grid = partyGrid(g);
  const short = (id: string) => g.actors.find((a) => a.id === id)?.data.shortName ?? g.actorName(id);
  const cells = new Map<string, MatrixCell[]>();
  for (const party of grid.parties)
    for (const issue of grid.issues)
      cells.set(`${party.id}|${issue.id}`, grid.cell(party.id, issue.id).map(({ position: p, speaker }) => ({ id: p.id, stance: p.data.stance, speaker: speaker && short(speaker) })));
  const rows = grid.parties.map((p) => ({ id: p.id, label: short(p.id) }));
  const columns = grid.issues.map((i) => ({ id: i.id, label: i.data.shortTitle }));
  const used = [...new Set(g.current.map((p) => p.data.stance))] as Stance[];
  const drawing = drawMatrix({ rows, columns, cells }, { positionHref: (id) => link(ctx.entryHref('positions', id)), idPrefix: 'matrix' });
  return standaloneSvg({ scope: 'positions-matrix', file: GRAPHIC_FILES[which].path.replace(/^\/+/, ''), title, drawing, keys: matrixKeys(used), css: matrixStyle('fixed'), credit });
}
