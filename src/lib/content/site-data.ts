/**
 * The briefing as pages need it: Astro's collections, with each MDX body's citations and mentions, turned into the
 * content graph (briefing-graph.ts, the same function the validator runs before the build). Loaded once per build;
 * any content problem fails it with every message at once.
 */
import { resolve } from 'node:path';
import { getCollection, render } from 'astro:content';
import { buildBriefing, type BodyFacts } from './briefing-graph.ts';
import type { Citation } from '../../schemas/citations.ts';
import { sitePages, type BodyText, type PageSpec } from '../pages/site-pages.ts';
import type { TextSection } from '../../plugins/remark-search-text.ts';
import { contentDir } from './content-dir.ts';
import { linkedHtml } from './linked-text.ts';
import { validateContent } from './validate-content.ts';
import { SITE } from '../../site.ts';
import type { LinkOptions } from '../../plugins/entity-linker.ts';

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
  // And each body's text by section (remark-search-text), with its headings' ids, for the search documents.
  const bodies = new Map<string, BodyFacts>();
  const bodyText = new Map<string, BodyText>();
  for (const entry of [...briefing, ...actors, ...issues, ...glossary]) {
    const { remarkPluginFrontmatter: facts, headings } = await render(entry);
    const key = `${entry.collection}/${entry.id}`;
    bodies.set(key, {
      citations: (facts.bodyCitations as Citation[] | undefined) ?? [],
      mentions: (facts.mentions as string[] | undefined) ?? [],
    });
    bodyText.set(key, { sections: (facts.searchText as TextSection[] | undefined) ?? [], headings });
  }
  const graph = buildBriefing({ briefing, actors, issues, positions, events, glossary, sources }, { base: import.meta.env.BASE_URL, bodies });
  if (graph.problems.length) throw new Error(`The content has ${graph.problems.length} problem(s):\n- ${graph.problems.join('\n- ')}`);
  for (const w of graph.warnings) console.warn(`[briefing] ${w}`);
  const specs = sitePages(graph, bodyText);
  const specByPath = new Map(specs.map((p) => [p.path, p]));
  return {
    ...graph,
    /** Every page of the site (site-pages.ts), in site order. */
    sitePages: specs,
    /** The page at a site-relative path ('/actors/iran/'); a route asking for one that does not exist is a bug. */
    pageAt: (path: string): PageSpec => {
      const spec = specByPath.get(path);
      if (!spec) throw new Error(`No page spec for ${path}: add it to sitePages() in src/lib/pages/site-pages.ts.`);
      return spec;
    },
    /** A frontmatter string with its mentions linked, as HTML (see linked-text.ts). */
    linkText: (text: string, options: LinkOptions = {}) => linkedHtml(text, graph.matcher, options).html,
  };
}

export type Briefing = Awaited<ReturnType<typeof load>>;

/**
 * In dev, the content files are checked as the build checks them before each load: Astro's collections keep the last
 * valid version of a file whose schema check fails, so without this an editor would see the old page and no error.
 * Throwing here shows every problem in Astro's error overlay until it is fixed.
 */
function checkFiles(): void {
  const { problems } = validateContent(contentDir(), SITE.defaultSource);
  if (!problems.length) return;
  const error = new Error(`The content has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  // Point the overlay's code frame (and "open in editor") at the first problem's file and line.
  const at = /^(.+?\.(?:mdx|yaml|yml))(?::(\d+))?: /.exec(problems[0]!);
  if (at) Object.assign(error, { loc: { file: resolve(at[1]!), line: Number(at[2] ?? 1), column: 1 } });
  throw error;
}

let cached: Promise<Briefing> | undefined;
/** The whole briefing, loaded and checked once per build (checked and reloaded on each call in dev, so edits show). */
export function loadBriefing(): Promise<Briefing> {
  if (import.meta.env.DEV) {
    checkFiles();
    return load();
  }
  return (cached ??= load());
}
