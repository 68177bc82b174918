/**
 * One ranking for both editions. Each engine (Pagefind hosted, MiniSearch offline) only finds candidate pages; this
 * module, over the same search documents and the same query plan, decides which candidates answer, in what order,
 * and what each result shows. So a query gives the same list in both editions, and the words a reader sees under a
 * result are the page's own text, never its recall aids (names, aliases, vocabulary), which count but are not shown.
 *
 *   rankPages(['israeli', 'air', 'campaign', 'june'], docs)
 *   → { results: [{ path: '/briefing/military-context/', matched: 4, score: 31.2 }, { path: '/timeline/', … }, …], anyWord: false }
 *   answerSnippet(doc, ['israeli', 'air', 'campaign'])
 *   → { html: 'In June 2025 (…), US forces struck … of an <mark>Israeli</mark> <mark>air</mark> <mark>campaign</mark> that …', anchor: 'strikes-during-an-israeli-campaign' }
 *
 * Rules, the same everywhere:
 * - A query word matches a word of the page when their stems are equal (full credit) or the page's word starts with
 *   the query's (half credit: "negotiable" → negotiations, "missile" → missiles).
 * - Fields weigh: names and aliases 6, title 5, headings 2, text 1 (repeats in the text count less and less, and a
 *   long text counts each word less, BM25-like). Rare words weigh more (idf over every document).
 * - Query words next to each other in the page's title or text ("air campaign") add a bonus.
 * - Pages with every word come first; if none has every word, pages with most of them (more than half), most first;
 *   a question the briefing cannot answer ("oil prices 2027") gets no results, and the words it never uses.
 */
import { FUNCTION_WORDS, words } from './search-vocabulary.ts';

export interface RankSection {
  /** Id of the heading that opens the section; none for the page's top. */
  anchor?: string;
  heading?: string;
  text: string;
}

/** One page as both editions rank it: the search document (src/lib/search/search-docs.ts), with its path. */
export interface RankDoc {
  /** Site-relative path: "/actors/iran/". */
  path: string;
  title: string;
  type: string;
  actors: string[];
  issues: string[];
  /** One line about the page (a position's headline; a term's definition). */
  summary: string;
  stance?: string;
  /** Recall aids: names, aliases, other names and vocabulary. Matched, weighted highest, never shown. */
  keywords: string;
  sections: RankSection[];
}

export const FIELD_WEIGHTS = { keywords: 6, title: 5, heading: 2, text: 1 } as const;
type Field = keyof typeof FIELD_WEIGHTS;
const FIELDS = Object.keys(FIELD_WEIGHTS) as Field[];
/** Credit for a page word that only starts with the query word. */
const PREFIX_CREDIT = 0.5;
/** Bonus for each pair of query words found side by side, as a share of the pair's weight. */
const PHRASE_BONUS = 0.75;
/** BM25's saturation and length normalisation, for the text. */
const K1 = 1.2;
const B = 0.75;

/**
 * A word's stem, light and the same in both editions: plural and common verb endings off.
 *   missiles → missile, negotiable → negoti, negotiations → negotiation, enriched → enrich, talks → talk
 */
export function stemWord(w: string): string {
  let s = w;
  if (s.length > 4 && s.endsWith('ies')) s = `${s.slice(0, -3)}y`;
  else if (s.length > 3 && s.endsWith('s') && !s.endsWith('ss') && !s.endsWith('us')) s = s.slice(0, -1);
  for (const suffix of ['able', 'ing', 'ed']) if (s.length - suffix.length >= 4 && s.endsWith(suffix)) return s.slice(0, -suffix.length);
  return s;
}

/** The content words of a query as stems: function words dropped (all kept if nothing else is left). */
export function queryStems(term: string | null): string[] {
  const all = words(term ?? '');
  const content = all.filter((w) => !FUNCTION_WORDS.has(w));
  return [...new Set((content.length ? content : all).map(stemWord))];
}

interface Prepared {
  doc: RankDoc;
  fields: Record<Field, string[]>;
}

/** Documents tokenised once, with the statistics scores need. */
export interface RankIndex {
  docs: Prepared[];
  byPath: Map<string, Prepared>;
  averageText: number;
  /** Every word of the documents (folded, as typed and stemmed): what the query plan must not correct. */
  vocabulary: Set<string>;
  /** How many documents use each word (folded, as typed). */
  documentFrequency: Map<string, number>;
}

export function prepareIndex(docs: readonly RankDoc[]): RankIndex {
  const prepared = docs.map((doc): Prepared => ({
    doc,
    fields: {
      keywords: words(doc.keywords).map(stemWord),
      title: words(doc.title).map(stemWord),
      heading: doc.sections.flatMap((s) => (s.anchor && s.heading ? words(s.heading) : [])).map(stemWord),
      text: doc.sections.flatMap((s) => words(s.text)).map(stemWord),
    },
  }));
  const vocabulary = new Set<string>();
  const documentFrequency = new Map<string, number>();
  for (const doc of docs) {
    const own = new Set(words([doc.title, doc.keywords, ...doc.sections.flatMap((s) => [s.heading ?? '', s.text])].join(' ')));
    for (const w of own) {
      vocabulary.add(w).add(stemWord(w));
      documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1);
    }
  }
  const averageText = prepared.reduce((sum, p) => sum + p.fields.text.length, 0) / Math.max(1, prepared.length);
  return { docs: prepared, byPath: new Map(prepared.map((p) => [p.doc.path, p])), averageText: averageText || 1, vocabulary, documentFrequency };
}

const credit = (token: string, stem: string) => (token === stem ? 1 : stem.length >= 3 && token.startsWith(stem) ? PREFIX_CREDIT : 0);

export interface Ranked {
  path: string;
  /** How many of the query's words the page has. */
  matched: number;
  score: number;
}

function scoreDoc(p: Prepared, stems: readonly string[], idf: readonly number[], averageText: number): Ranked {
  let score = 0;
  let matched = 0;
  stems.forEach((stem, i) => {
    let s = 0;
    for (const field of FIELDS) {
      const tokens = p.fields[field];
      let tf = 0;
      for (const t of tokens) tf += credit(t, stem);
      if (tf === 0) continue;
      s += field === 'text'
        ? (FIELD_WEIGHTS.text * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * tokens.length) / averageText))
        : FIELD_WEIGHTS[field] * Math.min(tf, 1.5);
    }
    if (s > 0) matched++;
    score += idf[i]! * s;
  });
  // Words side by side, as typed, in the title or the text.
  for (let i = 0; i + 1 < stems.length; i++) {
    for (const field of ['title', 'text'] as const) {
      const tokens = p.fields[field];
      if (tokens.some((t, at) => credit(t, stems[i]!) > 0 && at + 1 < tokens.length && credit(tokens[at + 1]!, stems[i + 1]!) > 0)) {
        score += PHRASE_BONUS * (idf[i]! + idf[i + 1]!) * (field === 'title' ? 2 : 1);
        break;
      }
    }
  }
  return { path: p.doc.path, matched, score };
}

/**
 * Ranks the candidate pages (every document when `candidates` is omitted) for a query's stems: those with every word,
 * best first; when none has every word, those with more than half of them, most words first (`anyWord`). `missing`:
 * the stems no document has.
 */
export function rankPages(stems: readonly string[], index: RankIndex, candidates?: Iterable<string>): { results: Ranked[]; anyWord: boolean; missing: string[] } {
  if (stems.length === 0) return { results: [], anyWord: false, missing: [] };
  const n = index.docs.length;
  const dfs = stems.map((stem) => index.docs.filter((p) => FIELDS.some((f) => p.fields[f].some((t) => credit(t, stem) > 0))).length);
  const idf = dfs.map((df) => Math.log(1 + (n - df + 0.5) / (df + 0.5)));
  const missing = stems.filter((_, i) => dfs[i] === 0);
  const pool = candidates ? [...new Set(candidates)].flatMap((path) => index.byPath.get(path) ?? []) : index.docs;
  const scored = pool.map((p) => scoreDoc(p, stems, idf, index.averageText)).filter((r) => r.matched > 0);
  const order = (a: Ranked, b: Ranked) => b.matched - a.matched || b.score - a.score || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const all = scored.filter((r) => r.matched === stems.length).sort(order);
  if (all.length > 0 || stems.length === 1) return { results: all, anyWord: false, missing };
  // Most of the words, or nothing: one word of two is a different question, and the page says what is missing.
  const least = Math.floor(stems.length / 2) + 1;
  return { results: scored.filter((r) => r.matched >= least).sort(order), anyWord: true, missing };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Words of a snippet at most; a longer sentence is cut around its first match. */
const SNIPPET_WORDS = 32;

/** A sentence's words, each with whether it matches a query stem. */
function markWords(sentence: string, stems: readonly string[]): { word: string; hit: boolean }[] {
  return sentence.split(/\s+/).filter(Boolean).map((word) => {
    const folded = words(word);
    return { word, hit: folded.length > 0 && folded.some((w) => stems.some((s) => credit(stemWord(w), s) > 0)) };
  });
}

/** The sentences of a text: cut after . ! ? before a capital, a digit or a quote. */
export const sentences = (text: string): string[] => text.split(/(?<=[.!?…])\s+(?=[\p{Lu}\p{N}“"‘'(¶])/u).filter((s) => s.trim());

export interface Snippet {
  /** HTML: the sentence, escaped, matched words in <mark>. */
  html: string;
  anchor?: string;
  heading?: string;
}

/**
 * The sentence of a page's own text (never its keywords) that answers the query: the one with most of its words,
 * then most matches, then the earliest. Null when no sentence has any of them.
 */
export function answerSnippet(doc: Pick<RankDoc, 'sections'>, stems: readonly string[], within?: (section: RankSection, i: number) => boolean): Snippet | null {
  let best: { marked: { word: string; hit: boolean }[]; distinct: number; hits: number; section: RankSection } | null = null;
  doc.sections.forEach((section, i) => {
    if (within && !within(section, i)) return;
    for (const sentence of sentences(section.text)) {
      const marked = markWords(sentence, stems);
      const hits = marked.filter((m) => m.hit).length;
      if (hits === 0) continue;
      const distinct = stems.filter((s) => marked.some((m) => m.hit && words(m.word).some((w) => credit(stemWord(w), s) > 0))).length;
      if (!best || distinct > best.distinct || (distinct === best.distinct && hits > best.hits)) best = { marked, distinct, hits, section };
    }
  });
  if (!best) return null;
  const { marked, section } = best as { marked: { word: string; hit: boolean }[]; section: RankSection };
  // A long sentence is cut where the window holds most of the query's words, with a little lead-in.
  let start = 0;
  if (marked.length > SNIPPET_WORDS) {
    let most = -1;
    for (let at = 0; at + SNIPPET_WORDS <= marked.length; at++) {
      const inside = new Set(marked.slice(at, at + SNIPPET_WORDS).filter((m) => m.hit).map((m) => stemWord(words(m.word)[0] ?? ''))).size;
      if (inside > most) [most, start] = [inside, at];
    }
    const first = marked.findIndex((m, i) => i >= start && m.hit);
    start = Math.max(0, Math.min(first - 6, marked.length - SNIPPET_WORDS));
  }
  // The mark holds the word, not the punctuation around it: "<mark>missiles</mark>."
  const mark = (word: string) => word.replace(/^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u, (_, lead: string, core: string, tail: string) => `${escapeHtml(lead)}<mark>${escapeHtml(core)}</mark>${escapeHtml(tail)}`);
  const shown = marked.slice(start, start + SNIPPET_WORDS).map((m) => (m.hit ? mark(m.word) : escapeHtml(m.word)));
  const html = `${start > 0 ? '… ' : ''}${shown.join(' ')}${start + SNIPPET_WORDS < marked.length ? ' …' : ''}`;
  return { html, ...(section.anchor ? { anchor: section.anchor, heading: section.heading ?? '' } : {}) };
}
