/**
 * What many pages ask of the whole content graph, worked out once a graph rather than once a page: the derivation
 * runs on a graph's first call and its answer is kept (in a WeakMap, so it goes with the graph). Graphs are not
 * changed once built; in dev, where each load is a new graph, each load gets its own answer.
 *
 *   const positionsById = perGraph((g: BriefingGraph) => new Map(g.positions.map((p) => [p.id, p])));
 *   positionsById(graph).get('marco-rubio--talks-scope')
 */
export function perGraph<G extends object, T>(derive: (graph: G) => T): (graph: G) => T {
  const answers = new WeakMap<G, T>();
  return (graph) => {
    if (!answers.has(graph)) answers.set(graph, derive(graph));
    return answers.get(graph)!;
  };
}
