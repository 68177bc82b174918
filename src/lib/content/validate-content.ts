/**
 * Checks the whole content folder before Astro builds anything, so that a bad edit fails in a second with one clear
 * message per problem, each naming the file, the field and the fix:
 *
 *   content/positions/iran--talks-scope.yaml: field "stance": is "maybe". Fix: use one of demands, rejects, …
 *
 * Files are read and schema-checked by content-files.ts; MDX bodies go through the same citation and cross-link
 * plugins as the build; then the content graph (briefing-graph.ts) makes the cross-entry checks, the same function
 * the pages' data comes from, so the validator and the site report the same problems in the same words.
 */
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkCitations from '../../plugins/remark-citations.ts';
import remarkEntityLinks from '../../plugins/remark-entity-links.ts';
import remarkMdxGuard from '../../plugins/remark-mdx-guard.ts';
import { buildBriefing, linkTargetsOf, type BodyFacts, type BriefingGraph } from './briefing-graph.ts';
import type { Citation } from '../../schemas/citations.ts';
import { COLLECTION_TABLE, type CollectionSpec } from '../../schemas/collections.ts';
import { describeChars, missingGlyphs } from '../images/og-image.ts';
import { citableSources, groupEntries, readContent, type ContentFile } from './content-files.ts';

export interface ValidationResult {
  problems: string[];
  warnings: string[];
  entries: ContentFile[];
  /** The content graph the checks were made on (its problems are among `problems`). */
  graph: BriefingGraph;
}

export function validateContent(contentDir: string, defaultSource: string): ValidationResult {
  const read = readContent(contentDir);
  const problems = [...read.problems];
  const grouped = groupEntries(read.entries);
  const sources = citableSources(read);
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkMdxGuard, { contentDir })
    .use(remarkGfm)
    .use(remarkCitations, { sources, defaultSource })
    .use(remarkEntityLinks, { targets: linkTargetsOf(grouped, '/') });

  // Each MDX body: its <Cite>s checked and recorded, its mentions found, or its syntax error reported.
  const bodies = new Map<string, BodyFacts>();
  for (const e of read.entries) {
    if (!e.filePath.endsWith('.mdx')) continue;
    const vfile = new VFile({ path: e.filePath, value: e.body });
    try {
      processor.runSync(processor.parse(vfile), vfile);
      const facts = (vfile.data as { astro?: { frontmatter?: { bodyCitations?: Citation[]; mentions?: string[] } } }).astro?.frontmatter;
      bodies.set(`${e.collection}/${e.id}`, { citations: facts?.bodyCitations ?? [], mentions: facts?.mentions ?? [] });
    } catch (error) {
      // Our plugins (remark-citations, remark-mdx-guard) throw "file:line: message"; remark-mdx throws a VFileMessage
      // with a line. Either way the line is the body's, and the message names the file's.
      const err = error as Error & { line?: number };
      const prefixed = err.message.startsWith(`${e.filePath}:`) ? /^.*?:(\d+): ([\s\S]*)$/.exec(err.message) : null;
      const line = prefixed ? Number(prefixed[1]) : err.line;
      const message = prefixed ? prefixed[2]! : err.message;
      const where = line ? `${e.filePath}:${line + e.bodyLine - 1}` : e.filePath;
      problems.push(
        prefixed
          ? `${where}: ${message}`
          : `${where}: the MDX body cannot be read (${message}). Fix: correct the markup; in MDX, < and { start code, so write them as words or escape them.`,
      );
    }
  }

  // Every name and title is drawn on a preview image: one the bundled fonts cannot draw is refused here, not at the
  // end of the build.
  for (const e of read.entries) {
    const field = (COLLECTION_TABLE[e.collection] as CollectionSpec).titleField;
    const value = field ? e.data[field] : undefined;
    const missing = typeof value === 'string' ? missingGlyphs(value) : [];
    if (missing.length)
      problems.push(`${e.filePath}: field "${field}": "${value}" has characters the preview images cannot draw: ${describeChars(missing)}. ` +
        'Fix: write the name in a script the bundled fonts cover (Latin, Arabic, Persian), or add a font for it to FONT_SETS in src/lib/images/og-image.ts.');
  }

  const graph = buildBriefing(grouped, { base: '/', bodies, known: read.known, paragraphCounts: read.paragraphCounts });
  problems.push(...graph.problems);
  return { problems, warnings: graph.warnings, entries: read.entries, graph };
}
