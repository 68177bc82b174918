/**
 * The Atom feed of the briefing's updates (/changes.xml), written with the `feed` library: one entry per update, as
 * /changes/ lists them (src/lib/record/changes.ts), newest first.
 *
 *   changesFeed(changeLog(graph), { root: 'https://example.org/briefings/muscat/', title: 'Muscat talks briefing' })
 *   → <feed xmlns="http://www.w3.org/2005/Atom"><id>https://example.org/briefings/muscat/changes/</id>
 *       <updated>2026-02-20T00:00:00.000Z</updated> …
 *       <entry><title type="html">Update of 20 February 2026: 1 stance changed; 1 event added</title>
 *         <id>https://example.org/briefings/muscat/changes/#update-2026-02-20</id> … </entry> …</feed>
 *
 * Dates are the site's own: an entry is published when the commit that added its sources landed (src/lib/record/build-date.ts),
 * not on the source's dateline, and the feed's `updated` is the latest of them; never the time of the build, so two
 * builds of one commit write the same feed. Each entry's id is its place on /changes/, which a later update does not
 * move. Links are absolute, from the hosted root (SITE_URL and BASE_PATH). Built without SITE_URL, `root` is the base
 * path ('/'): links are then relative to the site's root, which a feed reader resolves against the feed's own address
 * (RFC 4287 allows relative references), and ids, which must be absolute, are name-based UUIDs of the same places
 * ('urn:uuid:…'), so no placeholder host is named. Characters XML 1.0 forbids (a \v or \f in a source title) are
 * dropped, and the feed is parsed before it is published (src/lib/output/xml.ts).
 */
import { createHash } from 'node:crypto';
import { Feed } from 'feed';
import { SITE } from '../../site.ts';
import { STANCES } from '../../schemas/stance.ts';
import type { ChangeEntry, ChangeLink } from './changes.ts';
import { formatDay } from '../../schemas/dates.ts';
import { assertWellFormedXml, xmlChars } from '../output/xml.ts';

export interface FeedOptions {
  /** The hosted site's root, absolute, ending in "/" (hostedRoot in links.ts); without a web address, the base path ('/'). */
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

/** A root with a scheme is a web address; '/' or '/x/' is the base path of a build with none. */
const addressed = (root: string) => /^[a-z][a-z0-9+.-]*:/i.test(root);

/** The URL of a site-relative path ("/changes/#x") under the root: absolute under a web address, else from the base path. */
export const absolute = (root: string, path: string): string =>
  addressed(root) ? new URL(path.replace(/^\/+/, ''), root).href : `${root}${path.replace(/^\/+/, '')}`;

/**
 * An Atom id (an absolute IRI) for a place on the site: its URL under a web address; without one, a name-based UUID
 * (RFC 9562 version 5, SHA-1) of the site's name and the path, the same in every build.
 */
export function feedId(root: string, title: string, path: string): string {
  if (addressed(root)) return absolute(root, path);
  const hex = createHash('sha1').update(`${title}\n${absolute(root, path)}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

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

/**
 * The feed library parses every link as an absolute URL. Without a web address the links are written under this
 * origin, which no link keeps: it is taken out of every href and uri once the feed is written.
 */
const NO_HOST = 'https://no-address.invalid';

export function changesFeed(log: readonly ChangeEntry[], options: FeedOptions): string {
  const { root: siteRoot, title } = options;
  // The links' root as the library gets it (absolute); `siteRoot` is what the ids and the entries' HTML use.
  const root = addressed(siteRoot) ? siteRoot : `${NO_HOST}${siteRoot}`;
  const page = absolute(root, '/changes/');
  const published = (u: ChangeEntry) => options.published?.(u) ?? u.date;
  const feed = new Feed({
    id: feedId(siteRoot, title, '/changes/'),
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
      title: escapeHtml(entryTitle(u)), id: feedId(siteRoot, title, `/changes/#${u.anchor}`), link, date: published(u), published: published(u),
      description: escapeHtml(u.summary), content: entryHtml(u, siteRoot),
    });
  }
  // The feed library escapes "&" and "<" (titles and content go in CDATA), but passes control characters through.
  let xml = xmlChars(feed.atom1());
  if (root !== siteRoot) {
    xml = xml.replaceAll(`href="${NO_HOST}/`, 'href="/').replaceAll(`<uri>${NO_HOST}/`, '<uri>/');
    if (xml.includes(NO_HOST)) throw new Error(`changes.xml: a link still names ${NO_HOST}, which stands in while the feed is written (src/lib/record/changes-feed.ts).`);
  }
  assertWellFormedXml('changes.xml', xml, 'reword the text at that place in content/ (src/lib/record/changes-feed.ts drops the characters XML forbids, but cannot write this).');
  return xml;
}
