/**
 * Post-build step: the hosted edition's search index (Pagefind's Node API), written to dist/pagefind/. Pagefind
 * indexes each page's search document from the page manifest (src/lib/search-docs.ts), the same documents the
 * offline edition indexes, rather than the built HTML. One function, timed and logged, called from astro:build:done.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { readManifest } from '../lib/page-manifest.ts';
import { pagefindHtml } from '../lib/search-docs.ts';
import { recordTiming } from './timings.ts';

export async function indexSite(dir: string): Promise<{ pages: number }> {
  const { pages } = readManifest(dir);
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    let count = 0;
    for (const page of pages) {
      if (!page.search) continue;
      // Result URLs are site-relative; the search page gives Pagefind the base path (its baseUrl option).
      const url = `/${page.file.replace(/index\.html$/, '')}`;
      const added = await index.addHTMLFile({ url, content: pagefindHtml(page.search) });
      if (added.errors.length) throw new Error(`Pagefind could not index ${page.file}: ${added.errors.join('; ')}`);
      count++;
    }
    const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { pages: count };
  } finally {
    await index.deleteIndex();
  }
}

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'briefing:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        try {
          const { pages } = await indexSite(fileURLToPath(dir));
          logger.info(`indexed ${pages} pages in ${Math.round(performance.now() - started)} ms`);
          recordTiming('pagefind', performance.now() - started);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
