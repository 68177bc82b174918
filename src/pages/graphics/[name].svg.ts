import type { APIRoute, GetStaticPaths } from 'astro';
import { graphicFile, type GraphicFile } from '../../lib/graphics/files.ts';
import { entryHref, paragraphHref } from '../../lib/pages/href.ts';
import { GRAPHICS, hostedRoot } from '../../lib/pages/links.ts';
import { readSettings } from '../../lib/pages/settings.ts';
import { loadBriefing } from '../../lib/content/site-data.ts';

/** The graphics as standalone SVG files for reuse (src/lib/graphics/files.ts). */
export const getStaticPaths = (() => GRAPHICS.map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const given = readSettings(process.env).siteGiven && site;
  const svg = graphicFile(params.name as GraphicFile, await loadBriefing(), {
    absolute: given ? (path) => new URL(path, site).href : undefined,
    hosted: given ? hostedRoot(site.href, import.meta.env.BASE_URL) : undefined,
    entryHref, paragraphHref,
  });
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
};
