// The page manifest (src/lib/pages/page-manifest.ts): every page's title, type, preview image and search document, for
// the post-build steps. Removed from the built site once they have run (src/integrations/page-manifest.ts).
import type { APIRoute } from 'astro';
import { loadBriefing } from '../lib/content/site-data.ts';
import { pageManifest } from '../lib/pages/page-manifest.ts';

export const GET: APIRoute = async () => {
  const { sitePages } = await loadBriefing();
  return new Response(JSON.stringify(pageManifest(sitePages, import.meta.env.BASE_URL)));
};
