/**
 * Post-build step: the offline edition. From the built site in dist/ it writes dist-offline/, the same pages made to
 * work opened straight from disk (file://), and a zip of it into dist/ for the hosted site to offer.
 *
 * For each page (HTML parsed and rewritten with rehype, never with regular expressions):
 * - internal links, forms, stylesheets, scripts and images become relative and point at files (…/index.html);
 * - module scripts (blocked on file://) are replaced by classic scripts bundled with esbuild;
 * - a note says the page is an offline snapshot as of the build date and links the hosted edition;
 * - the search page gets MiniSearch over an index written as a classic script (search-index.js), built from the
 *   same text, filters and weights Pagefind indexes (src/lib/search-docs.ts).
 * Hosting-only files (Pagefind's bundle, sitemaps, robots.txt, 404 page, module scripts) are left out.
 */
import type { AstroIntegration } from 'astro';
import type { Element, Root } from 'hast';
import { build as esbuild } from 'esbuild';
import { zipSync } from 'fflate';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { buildDate, formatStamp } from '../lib/build-date.ts';
import { listFiles } from '../lib/files.ts';
import { hostedRoot, withBase } from '../lib/links.ts';
import { offlineHref, rootPrefix } from '../lib/offline-links.ts';
import { buildOfflinePayload } from '../lib/offline-search.ts';
import { extractSearchDoc, type SearchDoc } from '../lib/search-docs.ts';
import { SITE } from '../site.ts';
import { recordTiming } from './timings.ts';

export const ZIP_NAME = SITE.offlineZip;

/** Files of the hosted build that make no sense from disk. */
const HOSTING_ONLY = /^(pagefind\/|_astro\/|404\.html$|robots\.txt$|sitemap[^/]*\.xml$|[^/]+\.zip$)/;

export interface OfflineOptions {
  /** The built hosted site. */
  dist: string;
  /** Where the offline edition goes. */
  out: string;
  /** The hosted site's base path ('/' or '/x/y/'). */
  base: string;
  /** Absolute URL of the hosted edition (SITE_URL plus base). */
  hostedUrl: string;
  /** The build's date stamp. */
  stamp: Date;
}

export interface OfflineReport {
  pages: number;
  files: number;
  editionBytes: number;
  indexBytes: number;
  zipBytes: number;
}

const el = (tagName: string, properties: Element['properties'], text?: string): Element => ({
  type: 'element', tagName, properties, children: text === undefined ? [] : [{ type: 'text', value: text }],
});

/** Rewrites one hosted page (as a hast tree) into its offline form, in place. */
export function rewritePage(tree: Root, file: string, options: Pick<OfflineOptions, 'base' | 'hostedUrl' | 'stamp'>): void {
  const root = rootPrefix(file);
  const zipUrl = new URL(ZIP_NAME, options.hostedUrl).href;
  const isSearch = file === 'search/index.html';
  visit(tree, 'element', (node, index, parent) => {
    const p = node.properties;
    for (const attr of ['href', 'src', 'action'] as const) {
      if (typeof p[attr] === 'string') p[attr] = offlineHref(p[attr], file, options.base);
    }
    if (node.tagName === 'html') p.dataBase = root;
    if (node.tagName === 'link' && ([] as unknown[]).concat(p.rel ?? []).includes('sitemap') && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    if (node.tagName === 'script' && p.type === 'module' && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    if (p.dataOfflineDownload !== undefined) {
      // The download link of the hosted home page: offline, point at the hosted zip (a link, not a request).
      p.href = zipUrl;
    }
    if (isSearch && node.tagName === 'form' && p.id === 'search') {
      delete p.dataBundle;
      delete p.dataBase;
      p.dataRoot = root;
    }
    if (node.tagName === 'main') {
      const note = el('p', { className: ['offline-note'] }, `Offline snapshot, as of ${formatStamp(options.stamp)}. The hosted edition, with any later updates: `);
      note.children.push(el('a', { href: options.hostedUrl }, options.hostedUrl), { type: 'text', value: '.' });
      node.children.unshift(note);
    }
    if (node.tagName === 'body') {
      if (isSearch) node.children.push(el('script', { src: `${root}search-index.js` }), el('script', { src: `${root}_offline/search.js` }));
      node.children.push(el('script', { src: `${root}_offline/site.js` }));
    }
    return undefined;
  });
}

async function bundleScripts(out: string): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  await esbuild({
    entryPoints: { site: join(here, '../scripts/offline-site.ts'), search: join(here, '../scripts/offline-search.ts') },
    outdir: join(out, '_offline'),
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2022',
    platform: 'browser',
    legalComments: 'none',
    logLevel: 'warning',
  });
}

export async function buildOfflineEdition(options: OfflineOptions): Promise<OfflineReport> {
  const { dist, out, base } = options;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const parser = unified().use(rehypeParse);
  const printer = unified().use(rehypeStringify);
  const docs: SearchDoc[] = [];
  let pages = 0;
  for (const file of listFiles(dist)) {
    if (HOSTING_ONLY.test(file)) continue;
    const target = join(out, file);
    mkdirSync(dirname(target), { recursive: true });
    if (!file.endsWith('.html')) {
      writeFileSync(target, readFileSync(join(dist, file)));
      continue;
    }
    const tree = parser.parse(readFileSync(join(dist, file), 'utf8'));
    const url = `${base}${file.replace(/index\.html$/, '')}`;
    const doc = extractSearchDoc(tree, url);
    if (doc) docs.push(doc);
    rewritePage(tree, file, options);
    writeFileSync(target, printer.stringify(tree));
    pages++;
  }
  await bundleScripts(out);
  const payload = buildOfflinePayload(docs, (url) => `${url.slice(base.length)}index.html`);
  const index = `window.BRIEFING_SEARCH=${JSON.stringify(payload)};\n`;
  writeFileSync(join(out, 'search-index.js'), index);

  // The zip: every file of the edition, sorted, with the build's date as every file's time, so it is reproducible.
  const files = listFiles(out);
  const mtime = new Date(Math.max(options.stamp.getTime(), Date.UTC(1980, 0, 2))); // zip times start in 1980
  const entries = Object.fromEntries(files.map((f) => [f, [readFileSync(join(out, f)), { mtime }] as const]));
  const zip = zipSync(entries as never, { level: 9 });
  writeFileSync(join(dist, ZIP_NAME), zip);
  const editionBytes = files.reduce((sum, f) => sum + statSync(join(out, f)).size, 0);
  return { pages, files: files.length, editionBytes, indexBytes: Buffer.byteLength(index), zipBytes: zip.byteLength };
}

/** Writes the zip's size into the hosted home page's download link ([data-zip-size]). */
export function stampZipSize(dist: string, bytes: number): void {
  const home = join(dist, 'index.html');
  const tree = unified().use(rehypeParse).parse(readFileSync(home, 'utf8'));
  const label = `(zip, ${bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`})`;
  visit(tree, 'element', (node) => {
    if (node.properties.dataZipSize !== undefined) node.children = [{ type: 'text', value: label }];
  });
  writeFileSync(home, unified().use(rehypeStringify).stringify(tree));
}

export default function offlineIntegration(): AstroIntegration {
  let base = '/';
  let hostedUrl = '';
  return {
    name: 'briefing:offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = withBase(config.base, '');
        hostedUrl = hostedRoot(config.site, config.base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const dist = fileURLToPath(dir);
        const { date, from } = buildDate();
        const report = await buildOfflineEdition({ dist, out: join(dist, '..', 'dist-offline'), base, hostedUrl, stamp: date });
        stampZipSize(dist, report.zipBytes);
        recordTiming('offline edition', performance.now() - started);
        logger.info(
          `dist-offline/: ${report.pages} pages, ${report.files} files, ${Math.round(report.editionBytes / 1024)} KB ` +
            `(search index ${Math.round(report.indexBytes / 1024)} KB); ${ZIP_NAME}: ${Math.round(report.zipBytes / 1024)} KB; ` +
            `stamped ${formatStamp(date)} from ${from}; ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
