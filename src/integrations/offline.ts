/**
 * Post-build step: the offline edition. From the built site in dist/ it writes dist-offline/, the same pages made to
 * work opened straight from disk (file://), and a zip of it into dist/ for the hosted site to offer.
 *
 * For each page (HTML parsed and rewritten with rehype, never with regular expressions):
 * - internal links, forms, stylesheets, scripts and images become relative and point at files (…/index.html);
 * - module scripts (blocked on file://) are replaced by classic scripts bundled with esbuild;
 * - a note says the page is an offline snapshot as of the build date and links the hosted edition;
 * - "Cite this page" names the hosted page when there is a hosted address; without one, its references are written
 *   again as an offline copy's, with no address (src/lib/record/cite-formats.ts);
 * - the search page gets MiniSearch over an index written as classic scripts (search-index.js, and shards loaded on
 *   demand when the index is large: src/lib/search/offline-search.ts), built from each page's search document in the page
 *   manifest, the same text, filters and weights Pagefind indexes. Pages are parsed once, for the rewrite.
 * Hosting-only files (Pagefind's bundle, sitemaps, robots.txt, 404 page, module scripts, the page manifest, the Atom
 * feed, the social preview images) are left out. Of Astro's build folder (_astro/), the edition carries the files its pages show: images a
 * page's content refers to (img src and srcset, picture sources, posters), copied as they are. A feed reader cannot follow a file on disk, so the feed's links (the head's rel=alternate and the
 * one on /changes/) point at the hosted feed; with no hosted address the head link goes and the other becomes text.
 */
import type { Element, Root } from 'hast';
import { build as esbuild } from 'esbuild';
import { Zip, type ZipInputFile } from 'fflate';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { crc32, deflateRawSync } from 'node:zlib';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { buildDate, contentDatesOnce, formatStamp } from '../lib/record/build-date.ts';
import { contentDir } from '../lib/content/content-dir.ts';
import { citeFormats, NO_ADDRESS_NOTE, OFFLINE_COPY, type CiteStyle } from '../lib/record/cite-formats.ts';
import { formatBytes, listFiles } from '../lib/output/files.ts';
import { withBase } from '../lib/pages/links.ts';
import { offlineHref, rootPrefix } from '../lib/pages/offline-links.ts';
import { buildOfflinePayload, payloadFiles, type PayloadOptions } from '../lib/search/offline-search.ts';
import { MANIFEST_FILE, readManifest, type PageRecord } from '../lib/pages/page-manifest.ts';
import { RANK_FILE } from '../lib/search/search-docs.ts';
import { VOCABULARY_FILE, type SearchVocabulary } from '../lib/search/search-vocabulary.ts';
import { SITE } from '../site.ts';
import { threadAnswer } from './thread.ts';
import { recordTiming, type StepLogger } from './timings.ts';

export const ZIP_NAME = SITE.offlineZip;
/** The one folder the zip unpacks into: "muscat-talks-briefing-offline/". */
export const ZIP_FOLDER = `${ZIP_NAME.replace(/\.zip$/, '')}/`;

/** Astro's folder of built assets: bundled scripts (hosting only), and the images content pages show. */
const ASSETS = '_astro/';
/** Attributes that name a file a page shows; srcset names several, each with its width or density. */
const FILE_ATTRIBUTES = ['src', 'href', 'poster', 'srcSet'] as const;

/** Each URL of a srcset ("/_astro/a.webp 640w, /_astro/b.webp 1280w"). */
const srcsetUrls = (value: unknown): string[] => String(value).split(',').map((c) => c.trim().split(/\s+/)[0]!).filter(Boolean);

/**
 * The files under _astro/ that a rewritten page points at (its links are relative to `file` by then), as paths from
 * the edition's root: 'actors/iran/index.html' with <img src="../../_astro/map.a1b2.webp"> → ['_astro/map.a1b2.webp'].
 */
export function assetsOf(tree: Root, file: string): string[] {
  const found = new Set<string>();
  visit(tree, 'element', (node) => {
    for (const attr of FILE_ATTRIBUTES) {
      const value = node.properties[attr];
      if (value === undefined || value === null) continue;
      for (const url of attr === 'srcSet' ? srcsetUrls(value) : [String(value)]) {
        if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(url)) continue;
        let path: string;
        try {
          path = posix.normalize(posix.join(posix.dirname(file), decodeURI(url.split(/[?#]/)[0]!)));
        } catch {
          continue; // malformed %-escapes name no file
        }
        if (path.startsWith(ASSETS) && !path.endsWith('.js')) found.add(path);
      }
    }
  });
  return [...found];
}

/** Files of the hosted build that make no sense from disk. */
const HOSTING_ONLY = /^(pagefind\/|og\/|_astro\/|404\.html$|robots\.txt$|sitemap[^/]*\.xml$|[^/]+\.zip$|changes\.xml$)/;
/** The Atom feed's file in the hosted build (src/pages/changes.xml.ts). */
export const FEED_FILE = 'changes.xml';
// The search vocabulary and documents ship inside search-index.js (file:// pages cannot fetch them).
const leftOut = (file: string) => HOSTING_ONLY.test(file) || file === MANIFEST_FILE || file === VOCABULARY_FILE || file === RANK_FILE;

export interface OfflineOptions {
  /** The built hosted site. */
  dist: string;
  /** Where the offline edition goes. */
  out: string;
  /** The hosted site's base path ('/' or '/x/y/'). */
  base: string;
  /** Absolute URL of the hosted edition (SITE_URL plus base); null when SITE_URL was not set (no real address). */
  hostedUrl: string | null;
  /** The build's date stamp. */
  stamp: Date;
  /** When the content was last revised (src/lib/record/build-date.ts): the date "Cite this page" gives. */
  revised: Date;
  /** Excerpt bound and shard sizes of the search index (defaults in src/lib/search/offline-search.ts). */
  search?: PayloadOptions;
  /**
   * Settles when the files still being made beside this step (the PDF and the EPUB, then their sizes on the home
   * page) are in dist/: the edition writes every other page first, then waits, then takes the home page and those
   * files. Without it they are taken with the rest.
   */
  documents?: Promise<unknown> | undefined;
}

export interface OfflineReport {
  pages: number;
  files: number;
  editionBytes: number;
  /** All search index files together, and how many there are. */
  indexBytes: number;
  indexFiles: number;
  zipBytes: number;
  /** How long it waited for the documents (options.documents). */
  waitedMs: number;
}

const el = (tagName: string, properties: Element['properties'], text?: string): Element => ({
  type: 'element', tagName, properties, children: text === undefined ? [] : [{ type: 'text', value: text }],
});

/** What "Cite this page" needs to be written again: the page's title and site-relative path ("as of" day kept in the record). */
export interface CitedPage {
  title: string;
  path: string;
  asOf: string;
}

/** Rewrites one hosted page (as a hast tree) into its offline form, in place. */
export function rewritePage(tree: Root, file: string, options: Pick<OfflineOptions, 'base' | 'hostedUrl' | 'stamp' | 'revised'>, page?: CitedPage): void {
  const root = rootPrefix(file);
  const hosted = options.hostedUrl;
  // With no hosted address the references name none: the canonical URL is a placeholder that leads nowhere.
  const offlineCite = !hosted && page
    ? citeFormats({ title: page.title, site: SITE.title, path: page.path, revised: options.revised, accessed: options.stamp, url: null, medium: OFFLINE_COPY })
    : undefined;
  const isSearch = file === 'search/index.html';
  visit(tree, 'element', (node, index, parent) => {
    const p = node.properties;
    for (const attr of ['href', 'src', 'action', 'poster'] as const) {
      if (typeof p[attr] === 'string') p[attr] = offlineHref(p[attr], file, options.base);
    }
    // A srcset is one string ("/_astro/a.webp 1x, /_astro/b.webp 2x") to hast: each candidate's URL is rewritten.
    if (typeof p.srcSet === 'string')
      p.srcSet = p.srcSet.split(',').map((candidate) => {
        const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
        return [offlineHref(url, file, options.base), ...descriptor].join(' ');
      }).join(', ');
    if (node.tagName === 'html') p.dataBase = root;
    if (node.tagName === 'link' && ([] as unknown[]).concat(p.rel ?? []).includes('sitemap') && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    const feedLink = (node.tagName === 'link' && p.type === 'application/atom+xml') || p.dataFeedLink !== undefined;
    if (feedLink && hosted) p.href = new URL(FEED_FILE, hosted).href;
    else if (feedLink && node.tagName === 'link' && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    } else if (feedLink) {
      node.tagName = 'span';
      delete p.href;
      delete p.type;
      node.children = [{ type: 'text', value: 'Atom feed (on the hosted edition)' }];
    }
    if (node.tagName === 'script' && p.type === 'module' && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    if (p.dataOfflineDownload !== undefined) {
      // The download link of the hosted home page: offline, point at the hosted zip (a link, not a request); with no
      // hosted address, say that this is that copy instead of linking a placeholder.
      if (hosted) p.href = new URL(ZIP_NAME, hosted).href;
      else {
        node.tagName = 'span';
        delete p.href;
        delete p.download;
        node.children = [{ type: 'text', value: 'This is the offline copy' }];
      }
    }
    if (typeof p.dataCiteText === 'string' && !hosted) {
      if (!offlineCite)
        throw new Error(`${file} has "Cite this page" but no record to write it again from: its page-manifest record needs title and asOf (src/lib/pages/page-manifest.ts).`);
      node.children = [{ type: 'text', value: offlineCite[p.dataCiteText as CiteStyle] }];
    }
    // The hosted page built without an address carries the note already (src/components/CiteThisPage.astro).
    if (p.dataCite !== undefined && !hosted && node.tagName === 'details' && !node.children.some((c) => c.type === 'element' && ([] as unknown[]).concat(c.properties.className ?? []).includes('cite-note')))
      node.children.push(el('p', { className: ['cite-note'] }, NO_ADDRESS_NOTE));
    if (isSearch && node.tagName === 'form' && p.id === 'search') {
      delete p.dataBundle;
      delete p.dataBase;
      p.dataRoot = root;
    }
    if (node.tagName === 'main') {
      // When the copy was made, not the briefing's own "as of" date, which the page states beside it.
      const note = el('p', { className: ['offline-note'] }, `Offline copy made on ${formatStamp(options.stamp)}. `);
      if (hosted) note.children.push({ type: 'text', value: 'The hosted edition, with any later updates: ' }, el('a', { href: hosted }, hosted), { type: 'text', value: '.' });
      else note.children.push({ type: 'text', value: 'It was made without a web address, so it names no online edition.' });
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

/** A file of the edition, deflated as it is written, so the zip needs neither the bytes again nor a second read. */
interface Packed {
  size: number;
  crc: number;
  /** 8 = deflate; 0 = stored, when deflating would not make it smaller. */
  compression: 0 | 8;
  data: Uint8Array<ArrayBuffer>;
}

function pack(bytes: Uint8Array<ArrayBuffer>): Packed {
  const deflated = deflateRawSync(bytes, { level: ZIP_LEVEL });
  return deflated.byteLength < bytes.byteLength
    ? { size: bytes.byteLength, crc: crc32(bytes), compression: 8, data: deflated }
    : { size: bytes.byteLength, crc: crc32(bytes), compression: 0, data: bytes };
}

/**
 * Node's zlib at its default level: at 1,000 generated entries 6× faster than fflate's JavaScript deflate at level 9,
 * and the zip comes out smaller. fflate still writes the archive. The bytes are reproducible for a given Node (the
 * `node` devDependency pins it), since zlib's output can change between zlib versions.
 */
const ZIP_LEVEL = 6;

/** The zip: the files in the order given, each with `mtime` (zip times start in 1980). */
function zipFiles(files: readonly [string, Packed][], stamp: Date): Uint8Array {
  const mtime = new Date(Math.max(stamp.getTime(), Date.UTC(1980, 0, 2)));
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw new Error('Failed to write the offline edition\'s zip.', { cause: error });
    chunks.push(chunk);
  });
  for (const [filename, packed] of files) {
    // Everything inside one folder, so unpacking the zip makes one folder, not ten loose items.
    const entry: ZipInputFile = { filename: `${ZIP_FOLDER}${filename}`, size: packed.size, crc: packed.crc, compression: packed.compression, mtime };
    zip.add(entry);
    entry.ondata!(null, packed.data, true);
  }
  zip.end();
  return Buffer.concat(chunks);
}

/** The hosted home page's download link ([data-zip-size]) says how big the zip is. */
export function stampZipSize(home: Root, bytes: number): void {
  stampSize(home, 'dataZipSize', 'zip', bytes);
}

/** A download's size into the element carrying `attribute` (data-zip-size, data-pdf-size…): "(PDF, 512 KB)". */
export function stampSize(home: Root, attribute: 'dataZipSize' | 'dataPdfSize' | 'dataEpubSize', kind: string, bytes: number): void {
  const label = `(${kind}, ${formatBytes(bytes)})`;
  visit(home, 'element', (node) => {
    if (node.properties[attribute] !== undefined) node.children = [{ type: 'text', value: label }];
  });
}

/**
 * Writes dist-offline/ from dist/ and the page manifest, the zip into dist/, and the zip's size into dist/index.html.
 * Each page is parsed once: its tree is rewritten and printed (the home page's hosted tree is kept for the stamp).
 */
export async function buildOfflineEdition(options: OfflineOptions): Promise<OfflineReport> {
  const { dist, out } = options;
  const manifest = readManifest(dist);
  if (withBase(manifest.base, '') !== withBase(options.base, ''))
    throw new Error(`${join(dist, MANIFEST_FILE)} was written for base path "${manifest.base}", but the offline edition is built for "${options.base}": both must come from the same build.`);
  const records = new Map<string, PageRecord>(manifest.pages.map((p) => [p.file, p]));
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const parser = unified().use(rehypeParse);
  const printer = unified().use(rehypeStringify);
  const packed = new Map<string, Packed>();
  let editionBytes = 0;
  const folders = new Set<string>();
  const write = (file: string, bytes: Uint8Array<ArrayBuffer>) => {
    const target = join(out, file);
    const folder = dirname(target);
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    writeFileSync(target, bytes);
    packed.set(file, pack(bytes));
    editionBytes += bytes.byteLength;
  };
  const assets = new Set<string>();
  let home: Root | undefined;
  let pages = 0;
  const take = (file: string) => {
    const source = readFileSync(join(dist, file));
    if (!file.endsWith('.html')) {
      write(file, source);
      return;
    }
    const record = records.get(file);
    if (!record)
      throw new Error(`${join(dist, MANIFEST_FILE)} has no record for ${file}: add its page spec to sitePages() in src/lib/pages/site-pages.ts (search: null if search skips it).`);
    const tree = parser.parse(source.toString('utf8'));
    if (file === 'index.html') home = structuredClone(tree);
    const path = `/${record.url.slice(withBase(manifest.base, '').length)}`;
    rewritePage(tree, file, options, record.asOf ? { title: record.title, path, asOf: record.asOf } : undefined);
    for (const asset of assetsOf(tree, file)) assets.add(asset);
    write(file, Buffer.from(printer.stringify(tree)));
    pages++;
  };
  // The home page and the documents come last, once they are finished (options.documents); every other file first.
  const later = options.documents ? new Set(['index.html', SITE.briefPdf, SITE.briefEpub]) : new Set<string>();
  // Folders left out are not entered: Pagefind and the preview images may still be writing into theirs.
  const files = listFiles(dist, { skipFolder: (folder) => HOSTING_ONLY.test(folder) }).filter((file) => !leftOut(file));
  for (const file of files) if (!later.has(file)) take(file);

  // The search index, from each page's search document in the manifest, in the order of the pages' files.
  const docs = files.flatMap((path) => {
    const doc = path.endsWith('.html') ? records.get(path)?.search : undefined;
    return doc ? [{ path, doc }] : [];
  });
  let indexBytes = 0;
  const vocabulary = JSON.parse(readFileSync(join(dist, VOCABULARY_FILE), 'utf8')) as SearchVocabulary;
  const index = payloadFiles(buildOfflinePayload(docs, { ...options.search, vocabulary }));
  for (const [file, text] of index) {
    const bytes = Buffer.from(text);
    write(file, bytes);
    indexBytes += bytes.byteLength;
  }
  await bundleScripts(out);

  const waiting = performance.now();
  await options.documents;
  const waitedMs = performance.now() - waiting;
  for (const file of [...later].sort()) if (existsSync(join(dist, file))) take(file);
  // The images pages show, from _astro/ (left out above with Astro's scripts); one a page names but the build did
  // not write is a broken link, which the link audit reports.
  for (const asset of [...assets].sort()) {
    const source = join(dist, asset);
    if (existsSync(source)) write(asset, readFileSync(source));
  }

  // The zip: every file of the edition, sorted, with the build's date as every file's time, so it is reproducible.
  const zipped = listFiles(out).map((f): [string, Packed] => {
    if (packed.has(f)) return [f, packed.get(f)!];
    const bytes = readFileSync(join(out, f)); // the bundled scripts, written by esbuild
    editionBytes += bytes.byteLength;
    return [f, pack(bytes)];
  });
  const zip = zipFiles(zipped, options.stamp);
  writeFileSync(join(dist, ZIP_NAME), zip);
  if (home) {
    stampZipSize(home, zip.byteLength);
    writeFileSync(join(dist, 'index.html'), printer.stringify(home));
  }
  return { pages, files: zipped.length, editionBytes, indexBytes, indexFiles: index.size, zipBytes: zip.byteLength, waitedMs };
}

/** The edition's thread (offline-worker.ts), loaded by Node from source like the preview images' workers. */
const OFFLINE_WORKER = new URL('./offline-worker.ts', import.meta.url);

/**
 * Builds the edition on a thread of its own (offline-worker.ts): the same buildOfflineEdition, so the same bytes.
 * `documents` is passed on as a message when it settles; if it fails, the thread is stopped (the build fails with
 * the documents' error, and its folder is discarded).
 */
export function buildOfflineEditionOnThread({ documents, ...options }: OfflineOptions): Promise<OfflineReport> {
  const worker = new Worker(OFFLINE_WORKER, { workerData: { options, waitForDocuments: documents !== undefined } });
  documents?.then(() => worker.postMessage('documents'), () => void worker.terminate());
  return threadAnswer<{ report: OfflineReport }>(worker, "The offline edition's thread").then(({ report }) => report);
}

/**
 * The step as the build runs it (post-build.ts): dist-offline/ beside dist/, dated with the build date the post-build
 * steps worked out (`built`), built on a thread of its own, logged, and timed for the bench without the time it
 * waited for the documents.
 */
export async function writeOfflineEdition(dist: string,
  { base, hostedUrl, documents, built: { date, from } }: Pick<OfflineOptions, 'base' | 'hostedUrl' | 'documents'> & { built: ReturnType<typeof buildDate> },
  logger: StepLogger): Promise<OfflineReport> {
  const started = performance.now();
  const report = await buildOfflineEditionOnThread({ dist, out: join(dist, '..', 'dist-offline'), base, hostedUrl, documents, stamp: date, revised: contentDatesOnce(contentDir()).latest });
  const ms = performance.now() - started - report.waitedMs;
  recordTiming('offline edition', ms);
  logger.info(
    `dist-offline/: ${report.pages} pages, ${report.files} files, ${Math.round(report.editionBytes / 1024)} KB ` +
      `(search index ${Math.round(report.indexBytes / 1024)} KB in ${report.indexFiles} file${report.indexFiles === 1 ? '' : 's'}); ${ZIP_NAME}: ${Math.round(report.zipBytes / 1024)} KB; ` +
      `stamped ${formatStamp(date)} from ${from}; ${Math.round(ms)} ms`,
  );
  return report;
}
