/**
 * The actor map as SVG (hast), drawn from its layout (actor-map.ts): boxes for actors (linking to their pages),
 * thin lines for memberships, patterned lines for relations with their words on a box of the page colour. One drawing
 * for the actors page (ActorMap.astro, twice: wide and phone), the brief and its PDF and EPUB, and the standalone file.
 *
 *   drawActorMap(input, relations, { actorHref, idPrefix: 'actor-map-wide' }) → { svg, width, height }
 */
import type { Element } from 'hast';
import { s } from 'hastscript';
import { RELATIONS, type RelationKind } from '../../schemas/relation.ts';
import type { Relation } from '../content/relations.ts';
import { layoutActorMap, type MAP_OPTIONS } from './actor-map.ts';
import type { actorMapInput } from './inputs.ts';
import type { GraphicKey } from './style.ts';

export interface MapDrawOptions {
  actorHref: (id: string) => string;
  /** Prefix of the ids inside the drawing (title, description, arrow marker), unique on the page. */
  idPrefix: string;
  layout?: Partial<typeof MAP_OPTIONS>;
  /** The class of the <svg> (the component shows one drawing per screen width). */
  className?: string;
}

/** The key: memberships, then each relation kind the map uses, with its line pattern (and arrow when one-way). */
export function actorMapKeys(relations: readonly Relation[]): GraphicKey[] {
  const kinds = [...new Set(relations.map((r) => r.kind))] as RelationKind[];
  return [
    { width: 40, swatch: [s('line', { class: 'member-key', x1: 0, y1: 6, x2: 40, y2: 6 })], label: 'belongs to' },
    ...kinds.map((k) => ({
      width: 40,
      label: RELATIONS[k].label,
      swatch: [
        s('line', { class: 'rel-key', x1: 0, y1: 6, x2: RELATIONS[k].mutual ? 40 : 34, y2: 6, strokeDasharray: RELATIONS[k].dash || undefined }),
        ...(RELATIONS[k].mutual ? [] : [s('path', { class: 'arrowhead', d: 'M33 2L40 6L33 10z' })]),
      ],
    })),
  ];
}

export function drawActorMap(input: ReturnType<typeof actorMapInput>, relations: readonly Relation[], options: MapDrawOptions): { svg: Element; width: number; height: number } {
  const { name, kindOf, memberships, nodes, edges } = input;
  const layout = layoutActorMap(nodes, edges, options.layout);
  const key = options.idPrefix;
  const memberEdges = layout.edges.slice(0, memberships.length);
  const relationEdges = layout.edges.slice(memberships.length).map((e, i) => ({ ...e, relation: relations[i]! }));
  const round = (v: number) => Math.round(v * 10) / 10;
  const svg = s('svg', {
    class: options.className, viewBox: `0 0 ${layout.width} ${layout.height}`, width: layout.width, height: layout.height,
    role: 'group', ariaLabelledBy: `${key}-title`, ariaDescribedBy: `${key}-desc`,
  }, [
    s('title', { id: `${key}-title` }, 'Map of the actors and how they stand to one another'),
    s('desc', { id: `${key}-desc` },
      `${nodes.length} actors as boxes, each linking to its page: states and groups of states in square boxes, people ` +
      'in rounded ones, organisations in dashed ones. Thin grey lines join people and organisations to the state they ' +
      'belong to; patterned lines are the relations the report describes, each kind with its own pattern, with an ' +
      'arrow where a relation runs one way. The list below the map gives each relation with its source.'),
    s('defs', [
      s('marker', { id: `${key}-arrow`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, [
        s('path', { d: 'M0 0L10 5L0 10z', class: 'arrowhead' }),
      ]),
    ]),
    s('g', { class: 'members' }, memberEdges.map((e) => s('line', { x1: e.x1, y1: e.y1, x2: e.x2, y2: e.y2 }))),
    s('g', { class: 'relations', fontSize: layout.labelSize }, [
      ...relationEdges.map((e) => s('g', { class: `relation rel-${e.relation.kind}` }, [
        s('title', `${name.get(e.relation.from)} ${e.relation.label} ${name.get(e.relation.to)}`),
        s('line', {
          x1: e.x1, y1: e.y1, x2: e.x2, y2: e.y2, strokeDasharray: RELATIONS[e.relation.kind].dash || undefined,
          markerEnd: e.relation.mutual ? undefined : `url(#${key}-arrow)`,
        }),
      ])),
      ...relationEdges.map((e) => s('g', { class: 'rel-label', ariaHidden: 'true' }, [
        s('rect', { x: e.mx - e.lw / 2, y: e.my - e.lh / 2, width: e.lw, height: e.lh, rx: 3 }),
        s('text', { x: e.mx, y: round(e.my + layout.labelSize * 0.35), textAnchor: 'middle' }, e.relation.label),
      ])),
    ]),
    s('g', { class: 'nodes', fontSize: layout.fontSize }, layout.nodes.map((n) => s('a', { href: options.actorHref(n.id) }, [
      s('title', name.get(n.id)),
      s('rect', {
        class: `node kind-${kindOf.get(n.id)}`, x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height,
        rx: kindOf.get(n.id) === 'person' ? n.height / 2 : 3,
      }),
      s('text', {
        x: n.x, y: round(n.y + (n.major ? layout.majorFontSize : layout.fontSize) * 0.35), textAnchor: 'middle',
        fontSize: n.major ? layout.majorFontSize : undefined, class: n.major ? 'major' : undefined,
      }, n.label),
    ]))),
  ]);
  return { svg, width: layout.width, height: layout.height };
}
