/**
 * What the build knows that a full-text index does not: the names of things. The vocabulary lists each actor,
 * issue and glossary term with every name a reader may type for it (name, short name, aliases, transliterations),
 * and each position by actor, issue and stance. Both editions' search pages read it (hosted: search-vocabulary.json;
 * offline: inside search-index.js) and plan each query with it before the engine runs:
 *
 *   planQuery('who wants sanctions relief', vocabulary)
 *   → { term: 'sanctions relief', best: [{ path: '/positions/iran--sanctions-relief/', … }, { path: '/issues/sanctions-relief/', … }, …] }
 *   planQuery('Rubbio', vocabulary)
 *   → { term: 'rubio', corrections: [{ from: 'rubbio', to: 'rubio' }], best: [{ path: '/actors/marco-rubio/', … }] }
 *
 * - Function words ("who", "does", "the", "stand") are dropped, so a question searches its content words.
 * - A name, alias or short name in the query makes that page a best match; a name part that belongs to one entry
 *   only ("Khorramshahr", "consortium") does too, after whole names.
 * - An actor, an issue or a stance word ("wants", "rejects") together pick the positions that answer them, first.
 * - A word that is no word of the briefing at all, but within a small edit distance of a name's word (via
 *   fastest-levenshtein), is read as that name when that completes a name ("Kusner" → Kushner), and the page says so.
 *   A word the briefing uses is searched as typed ("Israeli" is not read as Israel).
 * - A query in double quotes is searched as typed.
 * Pure functions: the build makes the vocabulary from the graph, the browser plans with it.
 */
import { distance } from 'fastest-levenshtein';
import { STANCES, type Stance } from '../../schemas/stance.ts';
import type { BriefingGraph } from '../content/briefing-graph.ts';
import { entryPath } from '../pages/links.ts';

/** Where the build writes the vocabulary, relative to the site's root. */
export const VOCABULARY_FILE = 'search-vocabulary.json';

export type VocabularyKind = 'actor' | 'issue' | 'term';

export interface VocabularyEntry {
  /** Site-relative path of the entry's page: "/actors/iran/". */
  path: string;
  kind: VocabularyKind;
  id: string;
  /** Every name a reader may type for it, the display name first. */
  names: string[];
}

export interface VocabularyPosition {
  path: string;
  actor: string;
  issue: string;
  stance: Stance;
}

export interface SearchVocabulary {
  entries: VocabularyEntry[];
  positions: VocabularyPosition[];
}

/** A page to show first, and how to find it in the engine (its type and, for a position, its actor and issue). */
export interface BestMatch {
  path: string;
  type: 'actor' | 'issue' | 'glossary' | 'position';
  /** What to search for to find it: its display name (none for a position, found by its filters alone). */
  name: string | null;
  actor?: string;
  issue?: string;
}

export interface QueryPlan {
  /** What the engine searches for: the content words, corrected; null when nothing is left to search. */
  term: string | null;
  /** Words read as a name they nearly match. */
  corrections: { from: string; to: string }[];
  /** Pages to show first, best first. */
  best: BestMatch[];
  /** The reader asked for the words as typed ("…"). */
  verbatim: boolean;
}

/** The vocabulary of a briefing, from its graph. */
export function buildVocabulary(graph: BriefingGraph): SearchVocabulary {
  const unique = (names: readonly (string | undefined)[]) => [...new Map(names.filter((n): n is string => !!n).map((n) => [n.toLowerCase(), n])).values()];
  return {
    entries: [
      ...graph.actors.map((a): VocabularyEntry => ({ path: entryPath('actors', a.id), kind: 'actor', id: a.id, names: unique([a.data.name, a.data.shortName, ...a.data.aliases, ...a.data.otherNames]) })),
      ...graph.issues.map((i): VocabularyEntry => ({ path: entryPath('issues', i.id), kind: 'issue', id: i.id, names: unique([i.data.title, i.data.shortTitle, ...i.data.aliases]) })),
      ...graph.glossary.map((t): VocabularyEntry => ({ path: entryPath('glossary', t.id), kind: 'term', id: t.id, names: unique([t.data.term, ...t.data.aliases]) })),
    ],
    positions: graph.positions.map((p) => ({ path: entryPath('positions', p.id), actor: p.data.actor.id, issue: p.data.issue.id, stance: p.data.stance })),
  };
}

/** Words that carry no content in a reader's question. */
export const FUNCTION_WORDS = new Set(
  ('a an the of on in at to for from by with about into over and or but is are was were be been being do does did ' +
    'has have had who whom whose what which where when why how it its they their them this that these those there ' +
    'stand stands stance stances position positions view views think thinks say says said side sides').split(' '),
);

/** Words that name a stance, as readers ask ("who wants …", "who rejects …"), besides each stance's own label. */
const STANCE_WORDS: Record<string, Stance[]> = {
  want: ['demands'], wants: ['demands'], demand: ['demands'], insist: ['demands'], insists: ['demands'], seek: ['demands'], seeks: ['demands'],
  reject: ['rejects'], refuse: ['rejects'], refuses: ['rejects'], oppose: ['rejects'], opposes: ['rejects'], against: ['rejects'],
  open: ['open-to', 'conditional'], consider: ['open-to', 'conditional'], considers: ['open-to', 'conditional'], accept: ['open-to', 'conditional'],
  warn: ['warns'], threaten: ['warns'], threatens: ['warns'],
  urge: ['urges'], call: ['urges'], calls: ['urges'],
  concern: ['concerned'], worried: ['concerned'], fear: ['concerned'], fears: ['concerned'],
  criticise: ['criticises'], criticize: ['criticises'], criticizes: ['criticises'], condemn: ['criticises'], condemns: ['criticises'],
  defend: ['defends'], justify: ['defends'], justifies: ['defends'],
};
for (const [key, { label }] of Object.entries(STANCES)) for (const word of label.toLowerCase().split(' ')) if (!FUNCTION_WORDS.has(word)) STANCE_WORDS[word] ??= [key as Stance];

/** The words of a text as typed, possessive "'s" dropped: "Iran’s talks" → ["Iran", "talks"]. */
const typedWords = (text: string) => text.replace(/['’]s\b/gu, '').split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);

/** A word folded for matching: lower case, accents off ("Ḥasan" → "hasan"). */
const fold = (word: string) => word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** The words of a text, folded: "Sylvania’s QUOTA, Ḥasan" → ["sylvania", "quota", "hasan"]. */
export function words(text: string): string[] {
  return typedWords(text).map(fold).filter(Boolean);
}

/** A word's plain form for matching: a plural "s" off ("missiles" → "missile", not "press"). */
const stem = (w: string) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

/** How far a word may be from a name's word to be read as it: none under 4 letters, 1 up to 7, 2 beyond. */
const tolerance = (w: string) => (w.length < 4 ? 0 : w.length < 8 ? 1 : 2);

interface Name {
  entry: VocabularyEntry;
  stems: string[];
}

interface Found {
  entry: VocabularyEntry;
  /** Query words the name covers. */
  covers: number;
  whole: boolean;
  at: number;
}

const KIND_ORDER: Record<VocabularyKind, number> = { actor: 0, issue: 1, term: 2 };
const TYPE_OF: Record<VocabularyKind, BestMatch['type']> = { actor: 'actor', issue: 'issue', term: 'glossary' };

/**
 * Plans a query (see the module comment). `isWord` says whether a folded word occurs anywhere in the briefing's
 * search documents: such a word is never corrected ("Israeli" stays Israeli, though it is one edit from Israel).
 * `isCommon` says whether it occurs on many pages: such a word does not pick an entry by being part of its name.
 */
export function planQuery(query: string, vocabulary: SearchVocabulary, isWord: (word: string) => boolean = () => false, isCommon: (word: string) => boolean = () => false): QueryPlan {
  const trimmed = query.trim();
  const quoted = /^".+"$/.test(trimmed);
  if (quoted) return { term: trimmed.slice(1, -1).trim() || null, corrections: [], best: [], verbatim: true };

  const names: Name[] = vocabulary.entries.flatMap((entry) =>
    entry.names.map((n) => ({ entry, stems: words(n).filter((w) => !FUNCTION_WORDS.has(w)).map(stem) })).filter((n) => n.stems.length > 0));
  const known = new Set(names.flatMap((n) => n.stems));
  // Which entries each name word belongs to: a word of one entry's names only is telling on its own.
  const owners = new Map<string, Set<string>>();
  for (const n of names) for (const s of n.stems) owners.set(s, (owners.get(s) ?? new Set()).add(n.entry.path));

  // Each content word as typed (what the engine searches for and the page shows) and folded (what is matched).
  const content = typedWords(trimmed).map((typed) => ({ typed, w: fold(typed) })).filter(({ w }) => w && !FUNCTION_WORDS.has(w));
  const isCue = (w: string) => !!STANCE_WORDS[w] && !known.has(stem(w));
  const stances = new Set<Stance>();
  const rest: { typed: string; w: string }[] = [];
  for (const word of content) {
    if (isCue(word.w)) STANCE_WORDS[word.w]!.forEach((s) => stances.add(s));
    else rest.push(word);
  }

  // Read near-misses as the name word they nearly match; kept only where that completes a name (below).
  const candidates = rest.map(({ typed, w }) => {
    const s = stem(w);
    if (known.has(s) || isWord(w) || /^\p{N}+$/u.test(w)) return { word: typed, stem: s, corrected: false };
    let best: string | undefined;
    let bestDistance = tolerance(w) + 1;
    for (const k of known) {
      if (Math.abs(k.length - s.length) >= bestDistance) continue;
      const d = distance(s, k);
      if (d < bestDistance) [best, bestDistance] = [k, d];
    }
    return best ? { word: typed, stem: best, corrected: true } : { word: typed, stem: s, corrected: false };
  });
  const stems = candidates.map((c) => c.stem);

  const found: Found[] = [];
  for (const n of names) {
    const len = n.stems.length;
    for (let at = 0; at + len <= stems.length; at++)
      if (n.stems.every((s, i) => stems[at + i] === s)) found.push({ entry: n.entry, covers: len, whole: true, at });
    // A part of a name that no other entry's names share ("Khorramshahr", "consortium").
    for (let at = 0; at < stems.length; at++) {
      const s = stems[at]!;
      // A word the briefing uses on many pages ("Iranian") says nothing on its own about which entry is meant.
      if (len > 1 && s.length >= 4 && n.stems.includes(s) && owners.get(s)?.size === 1 && !isCommon(s)) found.push({ entry: n.entry, covers: 1, whole: false, at });
    }
  }
  const used = new Set(found.map((f) => f.at));
  // A span covered by a whole name also counts the words it spans.
  for (const f of found) for (let i = f.at; i < f.at + f.covers; i++) used.add(i);
  const corrections = candidates.filter((c, i) => c.corrected && used.has(i)).map((c) => ({ from: c.word, to: displayWord(names, c.stem) }));
  const termWords = candidates.map((c, i) => (c.corrected && used.has(i) ? displayWord(names, c.stem) : c.word));

  // Best entry for each page: whole names before parts, more words covered first, then actors, issues, terms.
  const byPath = new Map<string, Found>();
  for (const f of found) {
    const seen = byPath.get(f.entry.path);
    if (!seen || rank(f, seen) < 0) byPath.set(f.entry.path, f);
  }
  const entries = [...byPath.values()].sort(rank);
  const actors = new Set(entries.filter((f) => f.entry.kind === 'actor' && f.whole).map((f) => f.entry.id));
  const issues = new Set(entries.filter((f) => f.entry.kind === 'issue').map((f) => f.entry.id));

  // Positions answer a query that names two of actor, issue and stance; a stance they do not hold is dropped.
  let positions: VocabularyPosition[] = [];
  const given = (actors.size > 0 ? 1 : 0) + (issues.size > 0 ? 1 : 0) + (stances.size > 0 ? 1 : 0);
  if (given >= 2) {
    const matching = (p: VocabularyPosition, withStance: boolean) =>
      (actors.size === 0 || actors.has(p.actor)) && (issues.size === 0 || issues.has(p.issue)) && (!withStance || stances.size === 0 || stances.has(p.stance));
    positions = vocabulary.positions.filter((p) => matching(p, true));
    if (positions.length === 0 && actors.size > 0 && issues.size > 0) positions = vocabulary.positions.filter((p) => matching(p, false));
  }

  const best: BestMatch[] = [
    ...positions.map((p): BestMatch => ({ path: p.path, type: 'position', name: null, actor: p.actor, issue: p.issue })),
    ...entries.map((f): BestMatch => ({
      path: f.entry.path, type: TYPE_OF[f.entry.kind], name: f.entry.names[0]!,
      ...(f.entry.kind === 'actor' ? { actor: f.entry.id } : f.entry.kind === 'issue' ? { issue: f.entry.id } : {}),
    })),
  ];
  // When names answered the query, stance words are not part of what to search for.
  const cues = content.filter(({ w }) => isCue(w)).map(({ typed }) => typed);
  const term = (given >= 2 || entries.length > 0 ? termWords : [...termWords, ...cues]).join(' ');
  return { term: term || (content.length ? content.map(({ typed }) => typed).join(' ') : null), corrections, best, verbatim: false };
}

/** A name word as a name spells it ("rubio" → "Rubio"). */
function displayWord(names: readonly Name[], target: string): string {
  for (const n of names) {
    if (!n.stems.includes(target)) continue;
    for (const token of n.entry.names.flatMap((name) => name.split(/[^\p{L}\p{N}]+/u))) if (stem(words(token)[0] ?? '') === target) return token;
  }
  return target;
}

function rank(a: Found, b: Found): number {
  return Number(b.whole) - Number(a.whole) || b.covers - a.covers || KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind] || a.at - b.at;
}
