/**
 * What a page costs to load: its HTML and the stylesheets it links, gzipped (the first round trip), and the scripts
 * it runs without being asked (module imports followed, dynamic imports not), gzipped. Used by the budget tests
 * and the benchmark.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export const FIRST_ROUND_TRIP = 14_600; // RFC 6928: 10 segments of 1,460 bytes
export const SCRIPT_BUDGET = 3 * 1024;

const gz = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).byteLength;

export interface PageWeight {
  page: string;
  htmlCssGzip: number;
  scriptGzip: number;
  scripts: string[];
  /** Scripts in <head> that would block rendering (classic, without defer or async). */
  blocking: string[];
}

/** Resolves a site path ("/x/y.js", "../y.js") against the page's file to a file under `root`. */
function fileFor(root: string, pageFile: string, ref: string, base: string): string | undefined {
  if (/^[a-z]+:/i.test(ref) || ref.startsWith('//')) return undefined;
  const clean = ref.split(/[?#]/)[0]!;
  if (clean.startsWith('/')) return join(root, clean.startsWith(base) ? clean.slice(base.length) : clean);
  return join(dirname(join(root, pageFile)), clean);
}

/** A module's static imports ("./chunk.js"), not dynamic import() calls. */
function staticImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) out.push(m[1]!);
  for (const m of code.matchAll(/(?:^|[;\s}])export\s*(?:\*|\{[^}]*\})\s*from\s*["']([^"']+)["']/g)) out.push(m[1]!);
  return out;
}

export function weighPage(root: string, pageFile: string, base = '/'): PageWeight {
  const html = readFileSync(join(root, pageFile), 'utf8');
  const tree = unified().use(rehypeParse).parse(html) as Root;
  let css = '';
  const entry: string[] = [];
  const blocking: string[] = [];
  visit(tree, 'element', (node: Element, _i, parent) => {
    const p = node.properties;
    if (node.tagName === 'link' && ([] as unknown[]).concat(p.rel ?? []).includes('stylesheet') && typeof p.href === 'string') {
      const file = fileFor(root, pageFile, p.href, base);
      if (file && existsSync(file)) css += readFileSync(file, 'utf8');
    }
    if (node.tagName === 'script' && typeof p.src === 'string') {
      entry.push(p.src);
      const inHead = parent?.type === 'element' && (parent as Element).tagName === 'head';
      if (inHead && p.type !== 'module' && p.defer === undefined && p.async === undefined) blocking.push(p.src);
    }
  });
  const seen = new Set<string>();
  let scriptGzip = 0;
  const follow = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    scriptGzip += gz(code);
    for (const spec of staticImports(code)) if (spec.startsWith('.')) follow(posix.join(posix.dirname(file), spec));
  };
  for (const src of entry) {
    const file = fileFor(root, pageFile, src, base);
    if (file) follow(file);
  }
  return { page: pageFile, htmlCssGzip: gz(html + css), scriptGzip, scripts: [...seen], blocking };
}
