// The Atom feed of the briefing's updates (src/lib/record/changes-feed.ts), advertised in every page's head (BaseLayout).
import type { APIRoute } from 'astro';
import { contentDatesOnce } from '../lib/record/build-date.ts';
import { changeLog, type ChangeEntry } from '../lib/record/changes.ts';
import { contentDir } from '../lib/content/content-dir.ts';
import { changesFeed } from '../lib/record/changes-feed.ts';
import { hostedRoot, withBase } from '../lib/pages/links.ts';
import { readSettings } from '../lib/pages/settings.ts';
import { loadBriefing } from '../lib/content/site-data.ts';
import { SITE } from '../site.ts';

export const GET: APIRoute = async ({ site }) => {
  const briefing = await loadBriefing();
  const dates = contentDatesOnce(contentDir());
  const files = new Map(briefing.sources.map((s) => [s.id, s.filePath]));
  // An update is published when the last of its sources reached the site.
  const published = (u: ChangeEntry) =>
    u.sourceIds.map((id) => dates.added(files.get(id) ?? '')).reduce((a, b) => (b > a ? b : a), new Date(0));
  const xml = changesFeed(changeLog(briefing), { root: readSettings(process.env).siteGiven ? hostedRoot(site?.href, import.meta.env.BASE_URL) : withBase(import.meta.env.BASE_URL, ''), title: SITE.title, language: SITE.lang, published });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
