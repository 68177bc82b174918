/**
 * "Cite this page": one page of the briefing as a reference in four styles, as plain text. The site is the corporate
 * author (the briefing has no personal authors). The date is the site's own: when its content was last revised (the
 * latest commit to content/, src/lib/record/build-date.ts), never the story's dateline, which is the page's "as of" and says
 * what the page covers, not when it was written. The accessed date is the build's date.
 *
 *   citeFormats({ title: 'Iran', site: 'Muscat talks briefing', path: '/actors/iran/', revised: 2026-11-30,
 *                 accessed: 2026-12-02, url: 'https://example.org/actors/iran/' })
 *   → apa:     'Muscat talks briefing. (2026, November 30). Iran. Retrieved December 2, 2026, from https://example.org/actors/iran/'
 *     mla:     '“Iran.” Muscat talks briefing, 30 Nov. 2026, example.org/actors/iran/. Accessed 2 Dec. 2026.'
 *     chicago: 'Muscat talks briefing. “Iran.” Last modified November 30, 2026. https://example.org/actors/iran/.'
 *     bibtex:  '@misc{muscat-talks-briefing-actors-iran, …}'
 *
 * `url: null` is a build given no web address (no SITE_URL): the references name none rather than an address that
 * leads nowhere. The offline edition then says what it is instead (`medium: OFFLINE_COPY`):
 *
 *   url: null                          → apa: 'Muscat talks briefing. (2026, November 30). Iran.'
 *   url: null, medium: 'Offline copy'  → apa: 'Muscat talks briefing. (2026, November 30). Iran [Offline copy].'
 */
import { isoDay, MONTHS } from '../../schemas/dates.ts';

/** The styles, in the order the page lists them, with their labels. */
export const CITE_STYLES = { apa: 'APA', mla: 'MLA', chicago: 'Chicago', bibtex: 'BibTeX' } as const;
export type CiteStyle = keyof typeof CITE_STYLES;

export interface CiteInput {
  /** The page's title, as its h1 shows it. */
  title: string;
  /** The site's name (SITE.title): the corporate author and the website. */
  site: string;
  /** The page's site-relative path ('/actors/iran/'), for the BibTeX key. */
  path: string;
  /** When the site's content was last revised (its latest commit): the reference's date. */
  revised: Date;
  /** When the page was retrieved: the build's date. */
  accessed: Date;
  /** The page's canonical URL; null when the build was given no web address (SITE_URL). */
  url: string | null;
  /** With no URL, what the copy is ("Offline copy"), written where the address would be; none: nothing is. */
  medium?: string | undefined;
}

export const OFFLINE_COPY = 'Offline copy';

/**
 * Said under the references when they name no address: the same words on the site and in the offline edition, for
 * readers (no setting's name in it).
 */
export const NO_ADDRESS_NOTE = 'This copy was made without a web address, so these references name none.';

/** MLA's abbreviated months (May, June and July are written out). */
const MLA_MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const BIB_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "February 6, 2026" (APA, Chicago). */
const monthDayYear = (d: Date) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
/** "6 Feb. 2026" (MLA). */
const mlaDay = (d: Date) => `${d.getUTCDate()} ${MLA_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;

/** A title closed by a full stop, unless it already ends in one, a question or an exclamation mark. */
const closed = (s: string) => (/[.?!]$/.test(s) ? s : `${s}.`);
/** A title inside double quotes: its own double quotes become single ones. */
const quoted = (s: string) => `“${closed(s.replace(/"([^"]*)"/g, '‘$1’').replace(/“/g, '‘').replace(/”/g, '’'))}”`;

export function apa(c: CiteInput): string {
  const date = `${c.revised.getUTCFullYear()}, ${MONTHS[c.revised.getUTCMonth()]} ${c.revised.getUTCDate()}`;
  // APA leaves the site's name out when the group author has the same name; a page that changes gets a retrieval date.
  const head = `${closed(c.site)} (${date}).`;
  if (c.url === null) return c.medium ? `${head} ${c.title} [${c.medium}].` : `${head} ${closed(c.title)}`;
  return `${head} ${closed(c.title)} Retrieved ${monthDayYear(c.accessed)}, from ${c.url}`;
}

export function mla(c: CiteInput): string {
  // MLA starts with the title when the author and the website are one, and drops the URL's scheme.
  if (c.url === null) return `${quoted(c.title)} ${c.site}, ${mlaDay(c.revised)}.${c.medium ? ` ${c.medium}.` : ''}`;
  return `${quoted(c.title)} ${c.site}, ${mlaDay(c.revised)}, ${c.url.replace(/^https?:\/\//, '')}. Accessed ${mlaDay(c.accessed)}.`;
}

export function chicago(c: CiteInput): string {
  // Bibliography entry; the owner stands in as author, and a dated page needs no access date.
  const head = `${closed(c.site)} ${quoted(c.title)} Last modified ${monthDayYear(c.revised)}.`;
  if (c.url === null) return c.medium ? `${head} ${c.medium}.` : head;
  return `${head} ${c.url}.`;
}

/** Escapes what TeX would read as markup (\ { } $ & % # _ ^ ~), and writes dashes the TeX way (– as --, — as ---). */
export function texEscape(s: string): string {
  return s
    .replace(/[\\{}$&%#_^~]/g, (ch) =>
      ch === '\\' ? '\\textbackslash{}' : ch === '^' ? '\\textasciicircum{}' : ch === '~' ? '\\textasciitilde{}' : `\\${ch}`)
    .replace(/—/g, '---')
    .replace(/–/g, '--');
}

/** A key that stays the same for as long as the page keeps its path: 'muscat-talks-briefing-actors-iran'. */
export function bibKey(site: string, path: string): string {
  const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return [slug(site), ...path.split('/').map(slug).filter(Boolean)].join('-');
}

export function bibtex(c: CiteInput): string {
  const fields: [string, string][] = [
    // Double braces: a corporate author is one name, and the title keeps its capitals.
    ['author', `{{${texEscape(c.site)}}}`],
    ['title', `{{${texEscape(c.title)}}}`],
    ['year', `{${c.revised.getUTCFullYear()}}`],
    ['month', BIB_MONTHS[c.revised.getUTCMonth()]!],
    ['date', `{${isoDay(c.revised)}}`],
    ...(c.url === null
      ? c.medium ? [['howpublished', `{${texEscape(c.medium)}}`] as [string, string]] : []
      : [['url', `{${c.url}}`], ['urldate', `{${isoDay(c.accessed)}}`]] as [string, string][]),
  ];
  const width = Math.max(...fields.map(([k]) => k.length));
  return `@misc{${bibKey(c.site, c.path)},\n${fields.map(([k, v]) => `  ${k.padEnd(width)} = ${v}`).join(',\n')}\n}`;
}

/** Every style's reference for one page. */
export function citeFormats(c: CiteInput): Record<CiteStyle, string> {
  return { apa: apa(c), mla: mla(c), chicago: chicago(c), bibtex: bibtex(c) };
}
