// The Atom feed of the briefing's updates (src/lib/changes-feed.ts), advertised in every page's head (BaseLayout).
import type { APIRoute } from 'astro';
import { changeLog } from '../lib/changes.ts';
import { changesFeed } from '../lib/changes-feed.ts';
import { hostedRoot } from '../lib/links.ts';
import { loadBriefing } from '../lib/site-data.ts';
import { SITE } from '../site.ts';

export const GET: APIRoute = async ({ site }) => {
  const briefing = await loadBriefing();
  const xml = changesFeed(changeLog(briefing), { root: hostedRoot(site?.href, import.meta.env.BASE_URL), title: SITE.title, language: SITE.lang });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
