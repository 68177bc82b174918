import type { APIRoute } from 'astro';
import { withBase } from '../lib/pages/links.ts';
import { readSettings } from '../lib/pages/settings.ts';

/**
 * robots.txt: allow everything and point to the sitemap at this build's SITE_URL and base. Without SITE_URL there is no
 * sitemap (its addresses must be absolute: astro.config.mjs), and no Sitemap line.
 */
export const GET: APIRoute = ({ site }) => {
  const sitemap = readSettings(process.env).siteGiven ? `\nSitemap: ${new URL(withBase(import.meta.env.BASE_URL, 'sitemap-index.xml'), site).href}\n` : '';
  return new Response(`User-agent: *\nAllow: /\n${sitemap}`, { headers: { 'Content-Type': 'text/plain' } });
};
