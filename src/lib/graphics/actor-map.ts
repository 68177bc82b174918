/**
 * Layout of the actor map: actors as labelled boxes, relations and memberships as lines. The groups are placed by
 * d3-force from fixed seeds, their members on the free spots round them, so every build draws the same map. Pure
 * numbers, no markup: the component draws it.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import { estimateWidth } from './text.ts';

export interface MapNodeInput {
  id: string;
  label: string;
  /** An actor that belongs to no other: placed in the first stage and drawn larger than members. */
  major: boolean;
}
export interface MapEdgeInput {
  from: string;
  to: string;
  /** A member's line to the actor it belongs to (drawn plain, and placing the member next to it). */
  membership: boolean;
  /** Words printed on the line, if any: the layout keeps them clear of the boxes. */
  label?: string | undefined;
}
export interface MapNode extends MapNodeInput { x: number; y: number; width: number; height: number }
export interface MapEdge extends MapEdgeInput {
  /** End points on the two boxes' borders, not their centres, so arrowheads land on the box. */
  x1: number; y1: number; x2: number; y2: number;
  /** Middle of the visible line, for its label (kept inside the drawing), and the label's box round it. */
  mx: number; my: number;
  /** Width and height of the label's background box, centred on (mx, my); 0 when the line has no label. */
  lw: number; lh: number;
}
export interface ActorMapLayout { width: number; height: number; nodes: MapNode[]; edges: MapEdge[]; fontSize: number; majorFontSize: number; labelSize: number }

/**
 * `seeds`: how many layouts of the groups to try (the tidiest wins); a few milliseconds each for our 18 actors.
 * Scoring and the members' free-spot search are quadratic, so above `tidyUpTo` actors one seed is used and members
 * take the widest free angle round their group (a map that large needs a different view anyway).
 */
export const MAP_OPTIONS = {
  fontSize: 13, majorFontSize: 15, labelSize: 11, padX: 10, padY: 7, margin: 14, ticks: 300, aspect: 1.3, seeds: 60, tidyUpTo: 60,
  /** The widest the drawing may be: every box is held inside it (the phone's drawing is narrow and tall). */
  maxWidth: Infinity,
  /** How far apart linked groups settle, and how much room each group keeps round its box. */
  linkDistance: 260, collidePad: 60,
};

/** The drawing for phones: words large enough that, scaled to a 320 px screen's 286 px frame, none is under 11 px. */
export const PHONE_MAP_OPTIONS: Partial<typeof MAP_OPTIONS> = { fontSize: 13, majorFontSize: 14, labelSize: 13, maxWidth: 330, aspect: 0.6, linkDistance: 220, collidePad: 70 };

/** Width of a box's label: node labels are drawn bold (600), so every box is measured bold. */
const labelWidth = (text: string, size: number) => estimateWidth(text, size, true);

interface SimNode extends SimulationNodeDatum, MapNodeInput { width: number; height: number }

const round = (n: number) => Math.round(n * 10) / 10;

/** Where the segment from the box's centre towards (tx, ty) leaves the box. */
function exitPoint(n: { x: number; y: number; width: number; height: number }, tx: number, ty: number): [number, number] {
  const dx = tx - n.x;
  const dy = ty - n.y;
  if (dx === 0 && dy === 0) return [n.x, n.y];
  const sx = dx === 0 ? Infinity : (n.width / 2 + 3) / Math.abs(dx);
  const sy = dy === 0 ? Infinity : (n.height / 2 + 3) / Math.abs(dy);
  const s = Math.min(sx, sy, 1);
  return [n.x + dx * s, n.y + dy * s];
}

/**
 * Where along its line (0 at the start, 1 at the end) the label of the k-th of `count` lines between one pair sits:
 * the middle for a single line, staggered for several, counted along the pair's canonical direction.
 */
function labelAt(k: number, count: number, forward: boolean): number {
  const along = 0.5 + (k - (count - 1) / 2) * 0.34;
  return forward ? along : 1 - along;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** For each line, its rank k among the `count` lines joining the same two actors (in order), for labelAt. */
function pairRanks(lines: readonly { a: string; b: string }[]): { k: number; count: number }[] {
  const count = new Map<string, number>();
  for (const l of lines) count.set(pairKey(l.a, l.b), (count.get(pairKey(l.a, l.b)) ?? 0) + 1);
  const seen = new Map<string, number>();
  return lines.map((l) => {
    const key = pairKey(l.a, l.b);
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    return { k, count: count.get(key)! };
  });
}

/** Whether two boxes overlap, each grown by half of `pad`. */
const overlaps = (m: Box, n: Box, pad = 0) =>
  Math.abs(m.x - n.x) * 2 < m.width + n.width + pad && Math.abs(m.y - n.y) * 2 < m.height + n.height + pad;

/** A small deterministic random source (the LCG d3 itself uses), so every build draws the same map. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (1664525 * state + 1013904223) % 4294967296) / 4294967296;
}

type Box = { x: number; y: number; width: number; height: number };

/** Whether segments p1p2 and p3p4 cross (touching at a shared end does not count). */
function crosses(p1: Box, p2: Box, p3: Box, p4: Box): boolean {
  const d = (a: Box, b: Box, c: Box) => (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
  return d(p3, p4, p1) * d(p3, p4, p2) < 0 && d(p1, p2, p3) * d(p1, p2, p4) < 0;
}

/** Whether the segment from a to b passes through box n (grown by a margin), by Liang–Barsky clipping. */
function passesThrough(a: Box, b: Box, n: Box, margin = 6): boolean {
  const [dx, dy] = [b.x - a.x, b.y - a.y];
  const [left, right, top, bottom] = [n.x - n.width / 2 - margin, n.x + n.width / 2 + margin, n.y - n.height / 2 - margin, n.y + n.height / 2 + margin];
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [[-dx, a.x - left], [dx, right - a.x], [-dy, a.y - top], [dy, bottom - a.y]] as const) {
    if (p === 0) { if (q < 0) return false; continue; }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t); else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/**
 * How untidy a drawing is: crossings of lines, lines through boxes or line labels on boxes (worse), boxes on boxes
 * (worst). Lower is better. `labels` are the boxes of the words printed on lines.
 */
export function untidiness(nodes: readonly Box[], edges: readonly [Box, Box][], labels: readonly Box[] = []): number {
  let score = 0;
  for (const l of labels) for (const n of [...nodes, ...labels]) if (n !== l && overlaps(l, n)) score += 3;
  for (let i = 0; i < edges.length; i++)
    for (let j = i + 1; j < edges.length; j++) {
      const [a, b] = edges[i]!;
      const [c, d] = edges[j]!;
      if (a === c || a === d || b === c || b === d) continue;
      if (crosses(a, b, c, d)) score += 1;
    }
  for (const [a, b] of edges) for (const n of nodes) if (n !== a && n !== b && passesThrough(a, b, n)) score += 4;
  for (let i = 0; i < nodes.length; i++)
    for (let j = i + 1; j < nodes.length; j++) {
      const [m, n] = [nodes[i]!, nodes[j]!];
      if (overlaps(m, n)) score += 10;
    }
  return score;
}

type Link = { source: string; target: string; membership: boolean; label?: string | undefined };

/**
 * Stage 1, from a given seed: the actors that belong to no other, with the relations among them. Few nodes, so
 * d3-force finds a clean arrangement; a firm pull to the middle keeps actors without relations near the rest.
 * Positions are written onto the nodes; members are left for stage 2.
 */
function placeGroups(nodes: SimNode[], links: readonly Link[], seed: number, o: typeof MAP_OPTIONS): void {
  const random = lcg(seed);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const n of nodes) { delete n.fx; delete n.fy; n.vx = 0; n.vy = 0; n.x = (random() - 0.5) * 600; n.y = (random() - 0.5) * 400; }

  const majors = nodes.filter((n) => n.major);
  // One link per pair: two relations between the same actors should not pull them twice as close.
  const pairs = new Set<string>();
  const majorLinks = links.filter((l) => {
    const key = pairKey(l.source, l.target);
    if (l.membership || !byId.get(l.source)!.major || !byId.get(l.target)!.major || pairs.has(key)) return false;
    pairs.add(key);
    return true;
  }).map((l) => ({ ...l }));
  const simulation = forceSimulation(majors)
    .randomSource(random)
    .force('link', forceLink<SimNode, (typeof majorLinks)[number]>(majorLinks).id((n) => n.id).distance(o.linkDistance).strength(0.7))
    .force('charge', forceManyBody<SimNode>().strength(-900))
    .force('collide', forceCollide<SimNode>((n) => n.width / 2 + o.collidePad).strength(1))
    .force('x', forceX<SimNode>(0).strength(0.08))
    .force('y', forceY<SimNode>(0).strength(0.08 * o.aspect * o.aspect))
    .stop();
  // Held inside the allowed width after every tick, so the others settle round a box kept at the edge.
  for (let i = 0; i < o.ticks; i++) {
    simulation.tick();
    for (const n of majors) n.x = clampX(n.x!, n.width, o);
  }
}

/** The x nearest to `x` at which a box of this width lies inside the allowed width (centred on 0). */
function clampX(x: number, width: number, o: typeof MAP_OPTIONS): number {
  const half = Math.max(0, o.maxWidth / 2 - o.margin - width / 2);
  return Number.isFinite(half) ? Math.max(-half, Math.min(half, x)) : x;
}

/**
 * Stage 2: the groups stay put, and each member takes the free spot round the actor it belongs to. Chosen from a
 * fixed set of candidates, not simulated: forces pulling along membership lines drag wide boxes back across the
 * relation lines, and the candidates already keep clear of every box placed before.
 */
function placeMembers(nodes: SimNode[], links: readonly Link[], thorough: boolean, o: typeof MAP_OPTIONS): void {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const majors = nodes.filter((n) => n.major);
  // What a member's box must keep clear of: the relation lines between groups and their labels, the boxes placed so
  // far, and (once both ends are placed) relations between members.
  const parentOf = new Map(links.filter((l) => l.membership).map((l) => [l.source, byId.get(l.target)!]));
  const placedIds = new Set(majors.map((n) => n.id));
  const segments: [Box, Box][] = [];
  const taken = new Map<string, number[]>();
  const addSegments = () => {
    segments.length = 0;
    for (const l of links)
      if (!l.membership && placedIds.has(l.source) && placedIds.has(l.target)) segments.push([byId.get(l.source)! as Box, byId.get(l.target)! as Box]);
  };
  addSegments();
  for (const [a, b] of segments) {
    const [p, q] = [a as SimNode, b as SimNode];
    (taken.get(p.id) ?? taken.set(p.id, []).get(p.id)!).push(Math.atan2(q.y! - p.y!, q.x! - p.x!));
    (taken.get(q.id) ?? taken.set(q.id, []).get(q.id)!).push(Math.atan2(p.y! - q.y!, p.x! - q.x!));
  }
  const labels = lineLabels(majors, links.filter((l) => placedIds.has(l.source) && placedIds.has(l.target)), o.labelSize);
  const gap = (angle: number, others: readonly number[]) =>
    Math.min(Math.PI, ...others.map((t) => Math.abs(Math.atan2(Math.sin(angle - t), Math.cos(angle - t)))));
  const placed: Box[] = majors.map((n) => n as Box);
  // Past tidyUpTo actors, checking every box and line is quadratic: members then take the widest free angle only,
  // at the nearest distance, and nothing else is costed.
  const distances = thorough ? ([[40, 0], [90, 0.5], [150, 1]] as const) : ([[40, 0]] as const);
  for (const n of nodes) {
    const parent = parentOf.get(n.id);
    if (n.major || !parent) continue;
    const others = taken.get(parent.id) ?? taken.set(parent.id, []).get(parent.id)!;
    // Lines this member will draw to actors already placed: they must not run through other boxes either.
    const ownEnds = !thorough ? [] : links
      .filter((l) => !l.membership && (l.source === n.id || l.target === n.id))
      .map((l) => byId.get(l.source === n.id ? l.target : l.source)!)
      .filter((m) => placedIds.has(m.id));
    const through = (a: Box, b: Box) => placed.filter((p) => p !== a && p !== b && passesThrough(a, b, p)).length;
    const costOf = (box: Box) =>
      segments.filter(([a, b]) => passesThrough(a, b, box, 8)).length * 4 +
      labels.filter((l) => overlaps(l, box, 4)).length * 3 +
      placed.filter((p) => overlaps(p, box, 16)).length * 10 +
      (through(box, parent as Box) + ownEnds.reduce((t, m) => t + through(box, m as Box), 0)) * 4;
    let best: { x: number; y: number; angle: number; cost: number; room: number } | undefined;
    for (let step = 0; step < 36; step++) {
      const angle = (step / 36) * 2 * Math.PI - Math.PI;
      const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
      // Far enough that the two boxes clear each other in this direction, plus room for the line between them; or
      // further out, at a small cost, where the group's lines have spread apart.
      const clear = ((parent.width + n.width) / 2) * Math.abs(cos) + ((parent.height + n.height) / 2) * Math.abs(sin);
      for (const [extra, far] of distances) {
        const reach = clear + extra;
        // Moved in from the sides where the drawing's width ends.
        const box = { x: clampX(parent.x! + cos * reach, n.width, o), y: parent.y! + sin * reach, width: n.width, height: n.height };
        const cost = thorough ? far + costOf(box) : 0;
        const room = gap(angle, others);
        if (!best || cost < best.cost || (cost === best.cost && room > best.room + 1e-9)) best = { ...box, angle, cost, room };
      }
    }
    n.x = best!.x;
    n.y = best!.y;
    others.push(best!.angle);
    placed.push(n as Box);
    placedIds.add(n.id);
    if (thorough) addSegments();
  }
}

/** Boxes of the words printed on lines, where the drawing puts them (staggered for lines that run side by side). */
function lineLabels(nodes: readonly SimNode[], links: readonly Link[], size: number): Box[] {
  const at = new Map(nodes.map((n) => [n.id, n]));
  const ranks = pairRanks(links.map((l) => ({ a: l.source, b: l.target })));
  return links.flatMap((l, i) => {
    const [a, b] = [at.get(l.source), at.get(l.target)];
    if (!l.label || !a || !b) return [];
    const t = labelAt(ranks[i]!.k, ranks[i]!.count, l.source < l.target);
    return [{ x: a.x! + (b.x! - a.x!) * t, y: a.y! + (b.y! - a.y!) * t, ...labelBox(l.label, size) }];
  });
}

/** The background box of the words on a line: the estimated width plus a little room each side. */
const labelBox = (label: string, size: number) => ({ width: Math.ceil(estimateWidth(label, size) + 8), height: Math.ceil(size * 1.4) });

/** The untidiness of the drawing of these nodes and links as they stand, line labels included. */
function scoreDrawing(nodes: readonly SimNode[], links: readonly Link[], size: number): number {
  const at = new Map(nodes.map((n) => [n.id, n as Box]));
  return untidiness([...at.values()], links.map((l) => [at.get(l.source)!, at.get(l.target)!] as [Box, Box]), lineLabels(nodes, links, size));
}

export function layoutActorMap(nodesIn: readonly MapNodeInput[], edgesIn: readonly MapEdgeInput[], options: Partial<typeof MAP_OPTIONS> = {}): ActorMapLayout {
  const o = { ...MAP_OPTIONS, ...options };
  const nodes: SimNode[] = nodesIn.map((n) => {
    const size = n.major ? o.majorFontSize : o.fontSize;
    return { ...n, width: Math.ceil(labelWidth(n.label, size) + 2 * o.padX), height: Math.ceil(size * 1.3 + 2 * o.padY) };
  });
  const ids = new Set(nodes.map((n) => n.id));
  const links = edgesIn.filter((e) => ids.has(e.from) && ids.has(e.to)).map((e) => ({ source: e.from, target: e.to, membership: e.membership, label: e.label }));

  // Force layouts settle in local optima: place the groups from several fixed seeds and keep the tidiest drawing of
  // them and their relations, then place the members round them.
  const groups = nodes.filter((n) => n.major);
  const groupIds = new Set(groups.map((n) => n.id));
  const groupLinks = links.filter((l) => groupIds.has(l.source) && groupIds.has(l.target));
  const tidy = nodes.length <= o.tidyUpTo;
  let best: { seed: number; score: number } | undefined;
  for (let seed = 1; tidy && seed <= o.seeds; seed++) {
    placeGroups(nodes, links, seed, o);
    const score = scoreDrawing(groups, groupLinks, o.labelSize);
    if (!best || score < best.score) best = { seed, score };
  }
  placeGroups(nodes, links, best?.seed ?? 1, o);
  placeMembers(nodes, links, tidy, o);

  const minX = Math.min(...nodes.map((n) => n.x! - n.width / 2)) - o.margin;
  const minY = Math.min(...nodes.map((n) => n.y! - n.height / 2)) - o.margin;
  const maxX = Math.max(...nodes.map((n) => n.x! + n.width / 2)) + o.margin;
  const maxY = Math.max(...nodes.map((n) => n.y! + n.height / 2)) + o.margin;
  const placed: MapNode[] = nodes.map((n) => ({ id: n.id, label: n.label, major: n.major, width: n.width, height: n.height, x: round(n.x! - minX), y: round(n.y! - minY) }));
  const at = new Map(placed.map((n) => [n.id, n]));
  const width = Math.ceil(maxX - minX);

  // Two relations between the same pair (in talks with, and has warned) run side by side, a few units apart.
  const kept = edgesIn.filter((e) => at.has(e.from) && at.has(e.to));
  const ranks = pairRanks(kept.map((e) => ({ a: e.from, b: e.to })));
  const edges: MapEdge[] = kept.map((e, i) => {
    const a = at.get(e.from)!;
    const b = at.get(e.to)!;
    const { k, count } = ranks[i]!;
    // Offset along the normal of the pair's canonical direction, so both lines of a pair agree on which side is which.
    const [p, q] = e.from < e.to ? [a, b] : [b, a];
    const len = Math.hypot(q.x - p.x, q.y - p.y) || 1;
    const shift = (k - (count - 1) / 2) * 9;
    const nx = (-(q.y - p.y) / len) * shift;
    const ny = ((q.x - p.x) / len) * shift;
    const [x1, y1] = exitPoint({ ...a, x: a.x + nx, y: a.y + ny }, b.x + nx, b.y + ny);
    const [x2, y2] = exitPoint({ ...b, x: b.x + nx, y: b.y + ny }, a.x + nx, a.y + ny);
    // Labels of lines that run side by side are staggered along them so they do not print over each other.
    const t = labelAt(k, count, e.from < e.to);
    const box = e.label ? labelBox(e.label, o.labelSize) : { width: 0, height: 0 };
    // A label near the edge of the drawing is moved in along x so that its box stays inside.
    const mx = Math.max(box.width / 2 + 1, Math.min(width - box.width / 2 - 1, x1 + (x2 - x1) * t));
    return { ...e, x1: round(x1), y1: round(y1), x2: round(x2), y2: round(y2), mx: round(mx), my: round(y1 + (y2 - y1) * t), lw: box.width, lh: box.height };
  });
  return { width, height: Math.ceil(maxY - minY), nodes: placed, edges, fontSize: o.fontSize, majorFontSize: o.majorFontSize, labelSize: o.labelSize };
}
