/**
 * The briefing as pages need it: Astro's collections, with each MDX body's citations and mentions, turned into the
 * content graph (briefing-graph.ts, the same function the validator runs before the build). Loaded once per build;
 * any content problem fails it with every message at once.
 */
import { getCollection, render } from 'astro:content';
import { buildBriefing, type BodyFacts } from './briefing-graph.ts';
import type { Citation } from './citations.ts';
import { linkedHtml } from './linked-text.ts';
import type { LinkOptions } from './entity-linker.ts';

export type { PageRef } from './briefing-graph.ts';

async function load() {
  const [briefing, actors, issues, positions, events, glossary, sources] = await Promise.all([
    getCollection('briefing'),
    getCollection('actors'),
    getCollection('issues'),
    getCollection('positions'),
    getCollection('events'),
    getCollection('glossary'),
    getCollection('sources'),
  ]);
  // Citations and mentions in MDX bodies, recorded by remark-citations and remark-entity-links during render.
  const bodies = new Map<string, BodyFacts>();
  for (const entry of [...briefing, ...actors, ...issues, ...glossary]) {
    const { remarkPluginFrontmatter: facts } = await render(entry);
    bodies.set(`${entry.collection}/${entry.id}`, {
      citations: (facts.bodyCitations as Citation[] | undefined) ?? [],
      mentions: (facts.mentions as string[] | undefined) ?? [],
    });
  }
  const graph = buildBriefing({ briefing, actors, issues, positions, events, glossary, sources }, { base: import.meta.env.BASE_URL, bodies });
  if (graph.problems.length) throw new Error(`The content has ${graph.problems.length} problem(s):\n- ${graph.problems.join('\n- ')}`);
  for (const w of graph.warnings) console.warn(`[briefing] ${w}`);
  return {
    ...graph,
    /** A frontmatter string with its mentions linked, as HTML (see linked-text.ts). */
    linkText: (text: string, options: LinkOptions = {}) => linkedHtml(text, graph.matcher, options).html,
  };
}

export type Briefing = Awaited<ReturnType<typeof load>>;

let cached: Promise<Briefing> | undefined;
/** The whole briefing, loaded and checked once per build (reloaded on each call in dev, so edits show). */
export function loadBriefing(): Promise<Briefing> {
  if (import.meta.env.DEV) return load();
  return (cached ??= load());
}
