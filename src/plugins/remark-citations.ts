/**
 * remark-citations: checks every <Cite> in an MDX body at compile time and records it.
 *
 * In:   Iran wants its right to enrich recognised<Cite p="3, 7" />.
 * Out:  the same element with normalised attributes, which the Cite component renders as a link:
 *         <Cite s="muscat-2026-02-06" p="3,7" />  →  <sup class="cite"><a href=".../sources/muscat-2026-02-06/#p3">¶3</a>…</sup>
 *       and `file.data.astro.frontmatter.bodyCitations` = [{ source: 'muscat-2026-02-06', paragraphs: [3, 7] }],
 *       which pages read (via render()'s remarkPluginFrontmatter) to list who cites each paragraph.
 *
 * A missing or unknown source, an unparsable list or a paragraph the source does not have fails the build with the
 * file, the line, what was written and how to fix it.
 */
import type { Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import type { Citation } from '../schemas/citations.ts';
import { expandParagraphRanges, parseParagraphRanges } from '../schemas/paragraphs.ts';
import { contentError } from './content-error.ts';

export interface RemarkCitationsOptions {
  /**
   * Number of paragraphs of each known source, by source id (Infinity: the source exists but cannot be counted, and
   * its own message says why). Looked up as own keys only, so `s="constructor"` is an unknown source.
   */
  sources: Readonly<Record<string, number>>;
  /** Source used when a <Cite> has no `s` attribute. */
  defaultSource: string;
}

export type { Citation };

type JsxElement = MdxJsxTextElement | MdxJsxFlowElement;

function attribute(node: JsxElement, name: string): string | undefined {
  const attr = node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name);
  if (!attr) return undefined;
  if (typeof attr.value === 'string') return attr.value;
  if (attr.value && typeof attr.value === 'object') return attr.value.value; // p={"3"} or p={3}
  return undefined;
}

function setAttribute(node: JsxElement, name: string, value: string): void {
  const existing = node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name);
  if (existing) existing.value = value;
  else node.attributes.push({ type: 'mdxJsxAttribute', name, value });
}

export default function remarkCitations(options: RemarkCitationsOptions) {
  const { sources, defaultSource } = options;
  return (tree: Root, file: VFile) => {
    const found: Citation[] = [];
    const fail = (node: JsxElement, message: string): never => {
      throw contentError(file.path, node, message);
    };
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxTextElement' && node.type !== 'mdxJsxFlowElement') return;
      const el = node as JsxElement;
      if (el.name !== 'Cite') return;
      const source = attribute(el, 's') ?? defaultSource;
      const count = Object.hasOwn(sources, source) ? sources[source] : undefined;
      if (count === undefined)
        fail(el, `<Cite s="${source}"> names an unknown source. Known sources: ${Object.keys(sources).join(', ')}. ` +
          'Fix the s attribute or add the source to content/sources/.');
      const raw = attribute(el, 'p');
      if (raw === undefined) fail(el, '<Cite> has no p attribute. Write the paragraph numbers, e.g. <Cite p="3" />.');
      let ranges: [number, number][] = [];
      try {
        ranges = parseParagraphRanges(String(raw));
      } catch (error) {
        fail(el, `<Cite p="${raw}">: ${(error as Error).message}`);
      }
      // The ends are checked before anything is expanded: "1-99999999" is refused at once.
      const missing = ranges.filter(([, to]) => to > count!).map(([from, to]) => {
        const first = Math.max(from, count! + 1);
        return first === to ? `${to}` : `${first}–${to}`;
      });
      if (missing.length)
        fail(el, `<Cite p="${raw}"> cites paragraph ${missing.join(', ')}, but source "${source}" has paragraphs 1–${count}. ` +
          'Cite an existing paragraph.');
      // A source that cannot be counted fails the build on its own; its citations are not expanded.
      const paragraphs = Number.isFinite(count) ? expandParagraphRanges(ranges) : [];
      setAttribute(el, 's', source);
      setAttribute(el, 'p', paragraphs.join(','));
      found.push({ source, paragraphs });
    });
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.bodyCitations = found;
  };
}
