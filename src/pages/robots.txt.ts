import type { APIRoute } from 'astro';
import { withBase } from '../lib/links.ts';

/** robots.txt: allow everything and point to the sitemap at this build's SITE_URL and base. */
export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(withBase(import.meta.env.BASE_URL, 'sitemap-index.xml'), site);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap.href}\n`, { headers: { 'Content-Type': 'text/plain' } });
};
