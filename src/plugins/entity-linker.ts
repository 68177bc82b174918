/**
 * The linker behind cross-links, previews and backlinks: finds mentions of glossary terms and actors (by name or
 * alias) in an mdast tree and turns the first one per section into a link to the entry's page.
 *
 * Rules: longest name first ("highly enriched uranium" before "uranium"); whole words only (not inside "Iranian" or
 * "Iran-aligned"); plurals and possessives count ("sanctions", "Iran's"); acronyms (all capitals, like "US" or
 * "HEU") match only in capitals, other names in any case; never inside headings, links, code or MDX expressions,
 * and never to the page's own entry.
 */
import type { Link, Nodes, Root, RootContent, Text } from 'mdast';
import { findAndReplace, type RegExpMatchObject } from 'mdast-util-find-and-replace';

export type TargetKind = 'term' | 'actor';

export interface LinkTarget {
  /** "glossary/enrichment", "actors/iran": collection and id. */
  key: string;
  kind: TargetKind;
  /** Where the link goes (with the base path). */
  url: string;
  /** The entry's name first, then its aliases. */
  names: readonly string[];
  /** What the preview says: a term's definition, an actor's role. */
  preview: string;
  /** The file the entry comes from, for error messages. */
  file?: string;
}

export interface Matcher {
  regex: RegExp;
  resolve(text: string): LinkTarget | undefined;
}

export type FirstOnly = 'section' | 'page' | false;

export interface LinkOptions {
  /** Link only the first mention per section (default), per page, or every mention. */
  firstOnly?: FirstOnly;
  /** Key of the entry whose page this is: never linked to itself. */
  selfKey?: string | undefined;
  /**
   * What is already linked, shared across several calls that make up one page section (e.g. a list of summaries),
   * so that each entry is still linked once there. Keys are "<section>:<entry key>".
   */
  linked?: Set<string>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** "US", "U.S.", "HEU", "JCPOA": capitals (and dots or digits) only, with at least one capital. */
export const isAcronym = (s: string) => /^[\p{Lu}\p{N}.]+$/u.test(s) && /\p{Lu}/u.test(s);
const fold = (s: string) => s.toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, ' ');
const SUFFIX = /(?:['’]s|es|s)$/i;

/**
 * Words too common to be a name or an alias: each would link (and claim a mention on) nearly every page.
 */
export const COMMON_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'can', 'could', 'did', 'do', 'for', 'from', 'had', 'has', 'have',
  'he', 'her', 'his', 'if', 'in', 'into', 'is', 'it', 'its', 'may', 'no', 'not', 'of', 'on', 'or', 'our', 'said', 'says',
  'she', 'so', 'than', 'that', 'the', 'their', 'them', 'they', 'this', 'those', 'to', 'us', 'was', 'we', 'were', 'what',
  'when', 'which', 'who', 'will', 'with', 'would', 'you',
]);

/**
 * Every name the linker could not tell apart, as messages naming both files: the same name twice (case-insensitive),
 * or a name that is another's plural or possessive ("Iran's" beside "Iran"), which would take over that entry's
 * mentions; and every name that is a common word ("the"). Acronyms count as written.
 */
export function aliasClashes(targets: readonly LinkTarget[]): string[] {
  const owner = new Map<string, LinkTarget>();
  const problems: string[] = [];
  const claim = (key: string, name: string, t: LinkTarget, how: string) => {
    const prior = owner.get(key);
    if (prior && prior.key !== t.key)
      problems.push(
        `The name "${name}" ${how} ${prior.file ?? prior.key} and ${t.file ?? t.key}. ` +
          'Remove it from the aliases of one of them, so each mention links to one entry.',
      );
    else if (!prior) owner.set(key, t);
  };
  for (const t of targets)
    for (const name of new Set(t.names.map(fold))) {
      if (COMMON_WORDS.has(name) && !t.names.some((n) => fold(n) === name && isAcronym(n)))
        problems.push(`${t.file ?? t.key}: the name "${name}" is a common word, so it would link nearly every page. Fix: remove it from the aliases, or use a longer phrase.`);
      claim(name, name, t, 'is claimed by');
    }
  // Plurals and possessives: the linker reads "Iran's" as a mention of "Iran" unless another entry owns "Iran's".
  for (const t of targets)
    for (const name of new Set(t.names.filter((n) => !isAcronym(n)).map(fold))) {
      const bare = name.replace(SUFFIX, '');
      if (bare !== name && bare.length > 1) {
        const base = owner.get(bare);
        if (base && base.key !== t.key)
          problems.push(
            `The name "${name}" of ${t.file ?? t.key} is a plural or possessive of "${bare}", the name of ${base.file ?? base.key}, ` +
              `so it would take over that entry's mentions. Remove it from the aliases of ${t.file ?? t.key}.`,
          );
      }
    }
  return problems;
}

/**
 * The names as one pattern shaped like a trie: "iran", "iranian" and "iraq" give "(?:ira(?:n(?:ian|)|q))". A flat
 * "iranian|iran|iraq" makes the regex engine try every name in turn at every position of every text, which at
 * 10,000 entries (about 7,600 names) was most of the content checks' time; the trie tries only the names that share
 * what has matched so far. It matches what the flat list, longest first, matches: the names that fit at one position
 * are prefixes of one another, and at each node the trie tries to go on before it ends there (the empty branch is
 * last), so the longest is tried first and a shorter one only when what follows the longer fails. A space matches
 * any run of whitespace, and an apostrophe either apostrophe, as in the text.
 */
function namesPattern(names: readonly string[]): string {
  interface Node { next: Map<string, Node>; end: boolean }
  const root: Node = { next: new Map(), end: false };
  for (const name of names) {
    let node = root;
    for (const char of name) { // by code point, so a character outside the BMP stays whole
      let child = node.next.get(char);
      if (!child) node.next.set(char, (child = { next: new Map(), end: false }));
      node = child;
    }
    node.end = true;
  }
  const atom = (char: string) => (char === ' ' ? '\\s+' : char === "'" ? "['’]" : escape(char));
  const pattern = (node: Node): string => {
    const branches = [...node.next].map(([char, child]) => atom(char) + pattern(child));
    if (node.end) branches.push('');
    return branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
  };
  return `(?:${pattern(root)})`;
}

export function createMatcher(targets: readonly LinkTarget[]): Matcher {
  const byName = new Map<string, { target: LinkTarget; exact: string | undefined }>();
  for (const t of targets)
    for (const name of t.names) if (name.trim().length > 1) byName.set(fold(name), { target: t, exact: isAcronym(name) ? name : undefined });
  const names = [...byName.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  // No letter, digit or hyphen on either side: whole words, and not part of a compound like "Iran-aligned".
  const regex = names.length
    ? new RegExp(`(?<![\\p{L}\\p{N}-])${namesPattern(names)}(?:['’]s|es|s)?(?![\\p{L}\\p{N}]|-\\p{L})`, 'giu')
    : /(?!)/g;
  const lookup = (text: string) => {
    const exact = byName.get(fold(text));
    if (exact) return { entry: exact, bare: text };
    const bare = text.replace(SUFFIX, '');
    const entry = byName.get(fold(bare));
    return entry ? { entry, bare } : undefined;
  };
  return {
    regex,
    resolve(text) {
      const found = lookup(text);
      if (!found) return undefined;
      // Acronyms count only as written: "US" is the United States, "us" is not.
      if (found.entry.exact !== undefined && !found.bare.replace(/\s+/g, ' ').startsWith(found.entry.exact)) return undefined;
      return found.entry.target;
    },
  };
}

const IGNORE = ['heading', 'link', 'linkReference', 'definition', 'inlineCode', 'code', 'html', 'mdxTextExpression', 'mdxFlowExpression', 'mdxjsEsm'];

/**
 * Links mentions in `tree` in place and returns the keys of every entry mentioned (linked or not), in order of
 * first mention. Sections are the stretches between headings at the top level of the tree.
 */
export function linkEntities(tree: Root, matcher: Matcher, options: LinkOptions = {}): string[] {
  const { firstOnly = 'section', selfKey, linked = new Set<string>() } = options;
  const sectionOf = new Map<RootContent, number>();
  let section = 0;
  for (const child of tree.children) {
    if (child.type === 'heading') section++;
    sectionOf.set(child, section);
  }
  const mentioned = new Set<string>();
  findAndReplace(
    tree as Nodes,
    [
      matcher.regex,
      (value: string, match: RegExpMatchObject) => {
        const target = matcher.resolve(value);
        if (!target || target.key === selfKey) return false;
        mentioned.add(target.key);
        const top = match.stack[1] as RootContent | undefined;
        const scope = firstOnly === 'section' ? `${top ? sectionOf.get(top) ?? 0 : 0}:` : '';
        if (firstOnly && linked.has(`${scope}${target.key}`)) return false;
        linked.add(`${scope}${target.key}`);
        const link: Link = {
          type: 'link',
          url: target.url,
          children: [{ type: 'text', value } satisfies Text],
          data: { hProperties: { className: ['xref', `xref-${target.kind}`], dataPreview: target.preview } },
        };
        return link;
      },
    ],
    { ignore: IGNORE },
  );
  return [...mentioned];
}
