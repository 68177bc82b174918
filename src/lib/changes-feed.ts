/**
 * The Atom feed of the briefing's updates (/changes.xml), written with the `feed` library: one entry per update, as
 * /changes/ lists them (src/lib/changes.ts), newest first.
 *
 *   changesFeed(changeLog(graph), { root: 'https://example.org/briefings/muscat/', title: 'Muscat talks briefing' })
 *   → <feed xmlns="http://www.w3.org/2005/Atom"><id>https://example.org/briefings/muscat/changes/</id>
 *       <updated>2026-02-20T00:00:00.000Z</updated> …
 *       <entry><title type="html">Update of 20 February 2026: 1 stance changed; 1 event added</title>
 *         <id>https://example.org/briefings/muscat/changes/#update-2026-02-20</id> … </entry> …</feed>
 *
 * Dates are the site's own: an entry is published when the commit that added its sources landed (src/lib/build-date.ts),
 * not on the source's dateline, and the feed's `updated` is the latest of them; never the time of the build, so two
 * builds of one commit write the same feed. Each entry's id is its place on /changes/, which a later update does not
 * move. Links are absolute, from the hosted root (SITE_URL and BASE_PATH). Characters XML 1.0 forbids (a \v or \f
 * in a source title) are dropped, and the feed is parsed before it is published (src/lib/xml.ts).
 */
import { Feed } from 'feed';
import { SITE } from '../site.ts';
import { STANCES } from '../schemas/stance.ts';
import type { ChangeEntry, ChangeLink } from './changes.ts';
import { formatDay } from './dates.ts';
import { assertWellFormedXml, xmlChars } from './xml.ts';

export interface FeedOptions {
  /** The hosted site's root, absolute, ending in "/" (hostedRoot in links.ts). */
  root: string;
  /** The site's name. */
  title: string;
  /** The site's language ("en-GB"). */
  language?: string;
  /**
   * When an update reached the site (the commit that added its sources): the entry's published and updated dates.
   * Without it, the update's source date stands in (tests).
   */
  published?: (u: ChangeEntry) => Date;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The absolute URL of a site-relative path ("/changes/#x") under the hosted root. */
export const absolute = (root: string, path: string): string => new URL(path.replace(/^\/+/, ''), root).href;

export function entryTitle(u: ChangeEntry): string {
  return u.first ? `First edition, ${formatDay(u.date)}` : `Update of ${formatDay(u.date)}: ${u.summary.replace(/\.$/, '')}`;
}

/** An update's changes as HTML, every link absolute. */
export function entryHtml(u: ChangeEntry, root: string): string {
  const a = (l: ChangeLink) => `<a href="${escapeHtml(absolute(root, l.path))}">${escapeHtml(l.title)}</a>`;
  const parts = [`<p>${escapeHtml(u.summary)}</p>`, `<p>${u.sources.length === 1 ? 'Source' : 'Sources'}: ${u.sources.map(a).join('; ')}.</p>`];
  if (u.changed.length)
    parts.push(`<p>Stances changed:</p><ul>${u.changed.map((c) =>
      `<li>${a({ title: `${c.actor} · ${c.issue}`, path: c.path })}: ${STANCES[c.from].label} → ${STANCES[c.to].label}</li>`).join('')}</ul>`);
  if (!u.first) for (const g of u.added) parts.push(`<p>Added, ${g.items.length} ${escapeHtml(g.label)}: ${g.items.map(a).join('; ')}.</p>`);
  if (u.revised.length) parts.push(`<p>Revised: ${u.revised.map(a).join('; ')}.</p>`);
  parts.push(`<p>${a({ title: 'What changed, on the briefing', path: `/changes/#${u.anchor}` })}</p>`);
  return parts.join('');
}

export function changesFeed(log: readonly ChangeEntry[], options: FeedOptions): string {
  const { root, title } = options;
  const page = absolute(root, '/changes/');
  const published = (u: ChangeEntry) => options.published?.(u) ?? u.date;
  const feed = new Feed({
    id: page,
    title: `${title}: what changed`,
    description: 'Each update of the briefing: its sources, the stances that changed, and the entries it added or revised.',
    link: page,
    feedLinks: { atom: absolute(root, '/changes.xml') },
    language: options.language ?? 'en',
    // The newest update's publication, so two builds of the same commit write the same feed.
    updated: log.reduce((latest, u) => (published(u) > latest ? published(u) : latest), new Date(0)),
    author: { name: title, link: root },
    // The licence the open data files carry (SITE.licence): the feed's summaries are the same own-words text.
    copyright: `${title}, in its own words from the sources it cites. ${SITE.licence.name} (${SITE.licence.id}): ${SITE.licence.url}`,
    generator: false,
  });
  for (const u of log) {
    const link = absolute(root, `/changes/#${u.anchor}`);
    feed.addItem({
      title: escapeHtml(entryTitle(u)), id: link, link, date: published(u), published: published(u),
      description: escapeHtml(u.summary), content: entryHtml(u, root),
    });
  }
  // The feed library escapes "&" and "<" (titles and content go in CDATA), but passes control characters through.
  const xml = xmlChars(feed.atom1());
  assertWellFormedXml('changes.xml', xml, 'reword the text at that place in content/ (src/lib/changes-feed.ts drops the characters XML forbids, but cannot write this).');
  return xml;
}
