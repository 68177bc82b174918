/**
 * The EPUB's style sheet (briefing.css in the book): the site's type scale and rhythm (src/styles/global.css), the
 * stance tags' tints, the lists the brief is made of, and drawings that fit the page.
 *
 * Written for e-readers rather than browsers: no web fonts, no CSS variables, no dark scheme (a reader's night mode
 * recolours text itself; only the tinted tags fix their text colour, so it stays dark on their light tint), sizes in
 * em so the reader's own text size scales everything, and block and inline layout with hanging indents instead of
 * grid or flex, which older reading systems ignore. Page breaks: each part of the brief starts a page; headings keep
 * with what follows; an entry, an event or a drawing is not split.
 *
 * The book's markup has no data-* attributes (EPUB forbids none, but the step drops them), so the stance a tag shows
 * is a class: <span class="stance stance-demands"> (src/integrations/epub.ts puts it there from data-stance).
 */
import { STANCE_KEYS, type Stance } from '../../schemas/stance.ts';
import { LIGHT } from '../graphics/style.ts';

/**
 * Each stance's light tint, the same as the site's tinted lists (src/components/StanceEntry.astro,
 * `.tinted [data-stance=…]`; a unit test keeps the two equal). The symbol and the word say the stance; the tint helps.
 */
export const STANCE_TINTS: Record<Stance, string> = {
  demands: '#fbe0de',
  rejects: '#e6e1f6',
  'open-to': '#dcf0dc',
  conditional: '#fbecc9',
  warns: '#fde1cc',
  urges: '#d9e8f7',
  concerned: '#f1edc4',
  criticises: '#f7dbee',
  defends: '#e4e6ea',
};

/** The class the book gives a tag showing `stance`. */
export const stanceClass = (stance: Stance): string => `stance-${stance}`;

const tints = STANCE_KEYS.map((s) => `.tinted .${stanceClass(s)} { background-color: ${STANCE_TINTS[s]}; }`).join('\n');

export const EPUB_CSS = `/* Muscat talks briefing, the book: made from the site's styles (src/lib/documents/epub-style.ts). */
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; line-height: 1.55; margin: 0 0.5em; }
h1, h2, h3, h4 { line-height: 1.25; page-break-after: avoid; break-after: avoid; page-break-inside: avoid; break-inside: avoid; }
h1 { font-size: 1.75em; margin: 0.4em 0 0.5em; }
h2 { font-size: 1.4em; margin: 1.6em 0 0.5em; }
h3 { font-size: 1.15em; margin: 1.5em 0 0.4em; }
h4 { font-size: 1em; margin: 1.2em 0 0.3em; }
p { margin: 0.6em 0; }
ul, ol { margin: 0.6em 0; padding-left: 1.4em; }
li { margin: 0.3em 0; }
a { color: ${LIGHT.link}; }
.lede { font-size: 1.1em; }
.note, .when, .derived, .sources-line { color: ${LIGHT.muted}; }
.note, .when { font-size: 0.9em; }
.derived, .sources-line { font-size: 0.85em; }

/* Visually hidden, read aloud: "source paragraph" before each ¶ marker, a stance's headline in the by-party list. */
.vh { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
sup.cite { font-size: 0.72em; line-height: 0; vertical-align: super; white-space: nowrap; }
.cite a { text-decoration: none; }

/* The cover page: the picture alone, as large as the page allows. */
.cover { margin: 0; padding: 0; text-align: center; }
/* A little under the page's height: a cover a pixel too tall would push a blank page after it. */
.cover img { display: block; margin: 0 auto; max-width: 100%; max-height: 95vh; height: auto; }

/* The parts: each starts a page; the brief's own contents in one column. */
.brief-part { page-break-before: always; break-before: page; }
.brief-part > h2 { margin-top: 0.5em; }
.brief-toc ol { padding-left: 1.6em; }
.brief-toc li { margin: 0.15em 0; }

/* Stance tags: symbol and word, bold, on a light tint where the site tints them. */
.stance { font-weight: 600; white-space: nowrap; }
.tinted .stance { padding: 0 0.3em; border-radius: 0.25em; color: ${LIGHT.fg}; background-color: ${LIGHT.panel}; }
${tints}

/* Positions: one entry per stance, with room between them; compact entries read as one paragraph. */
.entries { list-style: none; padding: 0; margin: 0.5em 0 1.25em; }
.entries .entry { margin: 0.9em 0; page-break-inside: avoid; break-inside: avoid; }
.entries .entry-head { margin: 0 0 0.15em; font-weight: 600; }
.entries .entry-text, .entries .sources-line, .entries .changed-line { margin: 0.15em 0; }
.entries.compact .entry { margin: 0.6em 0; }
.entries.compact .entry > p { display: inline; margin: 0 0.5em 0 0; }
.brief-issue h4 { margin-top: 1.4em; }

/* What each side wants: a short list per side, the tag first, the wording after it on a hanging indent. */
.sides section { margin: 0 0 1em; }
.sides h4 { margin: 0.8em 0 0.3em; }
.sides ul { list-style: none; padding: 0; margin: 0; }
.sides li { margin: 0.35em 0; }
.sides .stance { font-size: 0.88em; }
.sides-more { font-size: 0.9em; }

/* Who wants what, by party: the issue in a column of its own, its stances beside it, wrapping under themselves. */
.by-party section { margin: 0 0 0.8em; page-break-inside: avoid; break-inside: avoid; }
.by-party h4, .by-party h3 { font-size: 1em; margin: 1em 0 0.25em; border-bottom: 1px solid ${LIGHT.line}; padding-bottom: 0.15em; }
.by-party ul { list-style: none; padding: 0; margin: 0; }
.by-party li { font-size: 0.9em; margin: 0.25em 0; padding-left: 8.5em; text-indent: -8.5em; }
.by-party li * { text-indent: 0; }
.by-party .issue { display: inline-block; width: 8em; margin-right: 0.5em; vertical-align: top; color: ${LIGHT.fg}; }
/* Each stance (with its speaker) is one unbreakable piece; the line wraps between them. */
.by-party .stances > a, .by-party .stances > span { display: inline-block; margin-right: 0.6em; }
.by-party .who { font-weight: 600; margin-right: 0.3em; }
.by-party a { text-decoration: none; }

/* Term and definition lists (actors, issues, glossary), key facts, the timeline's events, the source notes. */
dl { margin: 0.8em 0; }
dt { font-weight: 600; margin-top: 0.7em; page-break-after: avoid; break-after: avoid; }
dd { margin: 0.1em 0 0 1em; }
.brief-events { list-style: none; padding: 0; }
.brief-events li { margin: 1.1em 0; page-break-inside: avoid; break-inside: avoid; }
.brief-events h3 { font-size: 1.05em; margin: 0 0 0.2em; }
.brief-events .date { color: ${LIGHT.accent}; }
.endnotes { padding-left: 2em; }
.endnotes li { margin: 0.45em 0; }

/* Tables, should a page carry one: full width, ruled, the head shaded. */
table { border-collapse: collapse; width: 100%; font-size: 0.9em; margin: 1em 0; }
th, td { border: 1px solid ${LIGHT.line}; padding: 0.3em 0.45em; text-align: left; vertical-align: top; }
thead th { background-color: ${LIGHT.panel}; }

/* Drawings (the actor map, the timeline) fit the page's width and height, never split (the tall map is drawn smaller
   rather than cut across two pages); their keys wrap below. */
figure { margin: 1.2em 0; page-break-inside: avoid; break-inside: avoid; }
figure svg[viewBox] { display: block; max-width: 100%; max-height: 95vh; height: auto; margin: 0 auto; }
figcaption { font-size: 0.85em; color: ${LIGHT.muted}; margin-top: 0.5em; }
figcaption .key { display: inline-block; margin: 0 1em 0.2em 0; white-space: nowrap; }
figcaption .key svg { vertical-align: middle; overflow: visible; }
`;
