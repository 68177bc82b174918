/**
 * remark-mdx-guard: MDX content is data, not code. Refuses, at compile time and in the validator, everything in an
 * MDX body that would run at build time or pull in something from outside:
 *
 *   export const x = …      import …            {1 + 1}           <script>…</script>       <div {...props}>
 *   [click](javascript:…)    ![](https://other.example/x.png)    ![](../../../elsewhere/x.svg)    <Cite p="3" p="4" />
 *
 * Allowed: Markdown, the components in MDX_COMPONENTS with plain attribute values (p="3", p={3}), each attribute
 * once, links to pages, anchors, http(s) and mailto, and raster images (PNG, JPEG, WebP, AVIF, GIF) kept in the
 * content folder and linked by a relative path (`![Map](../images/map.png)`), which Astro copies into the site. An
 * image is checked wherever it is written, `![x](path)` or `![x][ref]` with `[ref]: path`. Each refusal names the
 * file, the line and the fix.
 */
import { closeSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Definition, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxAttributeValueExpression, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { contentError } from './content-error.ts';

/** The components MDX content may use (src/components/mdx-components.ts provides them). */
export const MDX_COMPONENTS = ['Cite', 'PositionMatrix', 'WhatEachSideWants'] as const;

const ALLOWED = new Set<string>(MDX_COMPONENTS);
/** A literal attribute expression: a number or a quoted string. */
const LITERAL = /^\s*(?:-?\d+(?:\.\d+)?|"[^"]*"|'[^']*')\s*$/;
/** Link targets a reader can follow safely: relative, anchors, http(s), mailto. */
const SAFE_LINK = /^(?:[#/?.]|https?:\/\/|mailto:|(?![a-z][a-z0-9+.-]*:))/i;

export interface RemarkMdxGuardOptions {
  /** The content folder (CONTENT_DIR): the only place images may come from. */
  contentDir: string;
}

/** The image formats content may use, by extension, with the bytes each file must start with. */
const RASTER: Record<string, (head: Buffer) => boolean> = {
  '.png': (h) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  '.jpg': (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff,
  '.jpeg': (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff,
  '.gif': (h) => /^GIF8[79]a/.test(h.toString('latin1', 0, 6)),
  '.webp': (h) => h.toString('latin1', 0, 4) === 'RIFF' && h.toString('latin1', 8, 12) === 'WEBP',
  '.avif': (h) => h.toString('latin1', 4, 8) === 'ftyp' && /^avi[fs]$/.test(h.toString('latin1', 8, 12)),
};
const RASTER_NAMES = 'PNG, JPEG, WebP, AVIF or GIF';
const IMAGE_FIX = `Fix: save the image as ${RASTER_NAMES} in content/images/ and link it relatively, e.g. ![A map](../images/map.png).`;

const head = (path: string): Buffer => {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(16);
    return buffer.subarray(0, readSync(fd, buffer, 0, 16, 0));
  } finally {
    closeSync(fd);
  }
};

/**
 * Why the image at `url`, written in `from` (the MDX file), may not be used, or undefined when it is a raster image
 * file inside `root`. The path is decoded first (%2F is a slash to the bundler), and followed through every link.
 */
export function imageProblem(url: string, from: string, root: string): string | undefined {
  const shown = `"${url.slice(0, 60)}"`;
  if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url))
    return `the image ${shown} comes from another host (or is inline data), and pages load nothing from elsewhere. ${IMAGE_FIX}`;
  // The bundler reads a query as an instruction (?raw, ?url, ?inline): an image path is a file and nothing else.
  if (/[?#]/.test(url))
    return `the image path ${shown} has a query or fragment (? or #), which the bundler would act on. ${IMAGE_FIX}`;
  let path: string;
  try {
    path = decodeURIComponent(url);
  } catch {
    return `the image path ${shown} has a broken %-escape. ${IMAGE_FIX}`;
  }
  if (isAbsolute(path) || path.startsWith('\\'))
    return `the image ${shown} is a path from the site's root, which points outside the content and breaks under a base path and offline. ${IMAGE_FIX}`;
  if (!Object.hasOwn(RASTER, extname(path).toLowerCase()))
    return `the image ${shown} is not a ${RASTER_NAMES} file (content may not use SVG, which can carry scripts, or other formats). ${IMAGE_FIX}`;
  const target = resolve(dirname(resolve(from)), path);
  let real: string;
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
    real = realpathSync(target);
  } catch {
    return `the image ${shown} does not exist (looked for ${relative(process.cwd(), target) || target}). ${IMAGE_FIX}`;
  }
  const inside = (p: string, r: string) => p.startsWith(r + sep);
  if (!inside(resolve(target), resolve(root)) || !inside(real, realRoot))
    return `the image ${shown} is outside the content folder, and content may only show images kept in it. ${IMAGE_FIX}`;
  if (!lstatSync(target).isFile())
    return `the image ${shown} is not a plain file (a link or a folder). ${IMAGE_FIX}`;
  if (!RASTER[extname(path).toLowerCase()]!(head(real)))
    return `the image ${shown} is not really a ${extname(path).slice(1).toUpperCase()} file (its first bytes say otherwise). ${IMAGE_FIX}`;
  return undefined;
}

export default function remarkMdxGuard(options: RemarkMdxGuardOptions) {
  const root = resolve(options.contentDir);
  return (tree: Root, file: VFile) => {
    const fail = (node: Parameters<typeof contentError>[1], message: string): never => {
      throw contentError(file.path, node, message);
    };
    // Image references (![x][ref]) use the URL of their definition ([ref]: path), as Astro does.
    const definitions = new Map<string, Definition>();
    visit(tree, 'definition', (node) => {
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
    });
    const checkImage = (node: Parameters<typeof contentError>[1], url: string) => {
      const problem = imageProblem(url.trim(), file.path ?? '', root);
      if (problem) fail(node, problem);
    };
    visit(tree, (node) => {
      switch (node.type) {
        case 'mdxjsEsm':
          return fail(node, `import and export run code at build time, and content may not run code. Fix: remove the line; use the components ${MDX_COMPONENTS.map((c) => `<${c}>`).join(', ')}, which need no import.`);
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          return fail(node, `{${node.value.trim().slice(0, 40)}} is code, and content may not run code. Fix: write the text itself, or escape the brace as \\{.`);
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement': {
          const el = node as MdxJsxFlowElement | MdxJsxTextElement;
          if (!el.name || !ALLOWED.has(el.name))
            return fail(el, `<${el.name ?? ''}> is not allowed in content: MDX here may use only ${MDX_COMPONENTS.map((c) => `<${c}>`).join(' and ')}. Fix: remove it, or write it in Markdown.`);
          const names = new Set<string>();
          for (const attr of el.attributes as (MdxJsxAttribute | MdxJsxExpressionAttribute)[]) {
            if (attr.type === 'mdxJsxExpressionAttribute') return fail(el, `<${el.name} {…}> spreads code into a component. Fix: write each attribute as name="value".`);
            if (names.has(attr.name))
              return fail(el, `<${el.name}> has the attribute ${attr.name} twice, and only the last would count. Fix: write it once${el.name === 'Cite' && attr.name === 'p' ? ', listing every paragraph, e.g. p="3,4"' : ''}.`);
            names.add(attr.name);
            const value = attr.value as string | MdxJsxAttributeValueExpression | null | undefined;
            if (value && typeof value === 'object' && !LITERAL.test(value.value))
              return fail(el, `<${el.name} ${attr.name}={${value.value.slice(0, 40)}}> is code. Fix: write a plain value, e.g. ${attr.name}="3".`);
          }
          return undefined;
        }
        case 'link':
        case 'definition':
          if (!SAFE_LINK.test(node.url.trim()))
            return fail(node, `the link to "${node.url.slice(0, 60)}" is not a page, an anchor, an http(s) or a mailto address. Fix: link to a page of the briefing or an http(s) address.`);
          return undefined;
        case 'image':
          return checkImage(node, node.url);
        case 'imageReference': {
          const definition = definitions.get(node.identifier);
          // Without a definition it is plain text ("![x][missing]"), as Markdown renders it.
          return definition ? checkImage(node, definition.url) : undefined;
        }
        case 'html':
          // remark-mdx parses no raw HTML (it is JSX, checked above); this is for any pipeline that would.
          return fail(node, 'raw HTML is not allowed in content. Fix: write it in Markdown.');
        default:
          return undefined;
      }
    });
  };
}
