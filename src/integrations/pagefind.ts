/**
 * Post-build step: the hosted edition's search index (Pagefind's Node API), written to dist/pagefind/. Pagefind
 * indexes each page's search document from the page manifest (src/lib/search/search-docs.ts), the same documents the
 * offline edition indexes, rather than the built HTML. One function, timed and logged, run by the post-build step (post-build.ts).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { readManifest } from '../lib/pages/page-manifest.ts';
import { pagefindHtml, rankDoc, RANK_FILE, type RankFile } from '../lib/search/search-docs.ts';
import { recordTiming, type StepLogger } from './timings.ts';

export async function indexSite(dir: string): Promise<{ pages: number }> {
  const { pages } = readManifest(dir);
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    let count = 0;
    const docs: RankFile['docs'] = [];
    for (const page of pages) {
      if (!page.search) continue;
      // Result URLs are site-relative; the search page gives Pagefind the base path (its baseUrl option).
      const url = `/${page.file.replace(/index\.html$/, '')}`;
      const added = await index.addHTMLFile({ url, content: pagefindHtml(page.search) });
      if (added.errors.length) throw new Error(`Pagefind could not index ${page.file}: ${added.errors.join('; ')}`);
      docs.push(rankDoc(url, page.search));
      count++;
    }
    const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    const file: RankFile = { docs, pagefind: fragmentPaths(join(dir, 'pagefind', 'fragment')) };
    writeFileSync(join(dir, RANK_FILE), JSON.stringify(file));
    return { pages: count };
  } finally {
    await index.deleteIndex();
  }
}

/**
 * Pagefind's page ids (its results' `id`, the name of each fragment file) → site-relative paths, read back from the
 * fragments it wrote, so the search page knows which pages are candidates without loading one fragment per result.
 */
export function fragmentPaths(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  const SIGNATURE = 'pagefind_dcd';
  for (const name of readdirSync(folder).filter((f) => f.endsWith('.pf_fragment')).sort()) {
    let text = gunzipSync(readFileSync(join(folder, name))).toString('utf8');
    if (text.startsWith(SIGNATURE)) text = text.slice(SIGNATURE.length);
    const data = JSON.parse(text) as { url?: string } | Record<string, { url: string }>;
    const id = name.replace(/\.pf_fragment$/, '');
    if (typeof data.url === 'string') out[id] = data.url;
    else for (const [hash, fragment] of Object.entries(data as Record<string, { url: string }>)) out[hash] = fragment.url;
  }
  return out;
}

/** The step as the build runs it (post-build.ts): the index into dist/pagefind/, logged and timed. */
export async function indexSiteStep(dist: string, logger: StepLogger): Promise<void> {
  const started = performance.now();
  try {
    const { pages } = await indexSite(dist);
    logger.info(`indexed ${pages} pages in ${Math.round(performance.now() - started)} ms`);
    recordTiming('pagefind', performance.now() - started);
  } finally {
    await pagefind.close();
  }
}
