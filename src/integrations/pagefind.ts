/**
 * Post-build step: index the built site with Pagefind (its Node API), writing dist/pagefind/.
 * One function, timed and logged, called from astro:build:done.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { recordTiming } from './timings.ts';

export async function indexSite(dir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length) throw new Error(`Pagefind could not index ${dir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${dir.replace(/\/$/, '')}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
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
