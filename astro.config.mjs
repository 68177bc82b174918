// @ts-check
// Wiring only: integrations, the Markdown processor and its plugins, URLs from the environment.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import remarkCitations from './src/plugins/remark-citations.ts';
import remarkEntityLinks from './src/plugins/remark-entity-links.ts';
import remarkMdxGuard from './src/plugins/remark-mdx-guard.ts';
import remarkSearchText from './src/plugins/remark-search-text.ts';
import devContentCheck from './src/integrations/dev-content-check.ts';
import timings from './src/integrations/timings.ts';
import { contentDir } from './src/lib/content/content-dir.ts';
import { markdownInputs } from './src/lib/content/content-files.ts';
import { readSettings } from './src/lib/pages/settings.ts';
import { SITE } from './src/site.ts';

// SITE_URL and BASE_PATH, checked: a bad value stops the build here with a message naming it.
const { site, base, siteGiven } = readSettings(process.env);
const { sources, targets } = markdownInputs(contentDir(), base);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  vite: {
    build: {
      rolldownOptions: {
        // Astro's own MDX output carries a "use astro:head-inject" directive that the bundler warns about for every
        // MDX file (46 warnings a build, none actionable): drop exactly that warning, so the project's own show.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  markdown: {
    processor: unified({
      gfm: false, // remark-gfm below does it, so there is one GFM in the pipeline
      smartypants: true,
      remarkPlugins: [
        [remarkMdxGuard, { contentDir: contentDir() }], // first: content that would run code or load from elsewhere never reaches the others
        remarkGfm,
        [remarkCitations, { sources, defaultSource: SITE.defaultSource }],
        [remarkEntityLinks, { targets, firstOnly: 'section' }],
        remarkSearchText,
      ],
    }),
  },
  // A sitemap lists absolute addresses: without SITE_URL there is none to list, and no sitemap is written.
  // After Astro, in a process of their own (scripts/build.ts): the search index, the PDF and the EPUB made from
  // /brief/, the offline edition (which carries them), the social preview images (src/integrations/post-build.ts).
  integrations: [
    timings(), devContentCheck(), mdx(), ...(siteGiven ? [sitemap({ filter: (page) => !page.endsWith('/404/') })] : []),
  ],
});
