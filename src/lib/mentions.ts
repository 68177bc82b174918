/**
 * Finds which entries a text mentions, by name or alias, as whole words. Acronyms (all capitals, like "US") match
 * case-sensitively, other names case-insensitively; possessives and plurals ("Iran's", "sanctions") count.
 */
export interface Mentionable {
  key: string;
  names: readonly string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isAcronym = (s: string) => /^[A-Z0-9.]+$/.test(s) && /[A-Z]/.test(s);

function pattern(name: string): RegExp {
  const body = escape(name).replace(/\s+/g, '\\s+');
  // Not preceded by a letter or digit; followed by an optional possessive/plural and a non-word character.
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?:['’]s|s|es)?(?![\\p{L}\\p{N}])`, isAcronym(name) ? 'u' : 'iu');
}

export function createMentionFinder(entries: readonly Mentionable[]) {
  const compiled = entries.map((e) => ({ key: e.key, patterns: e.names.filter((n) => n.length > 1).map(pattern) }));
  return (text: string): string[] =>
    compiled.filter((e) => e.patterns.some((p) => p.test(text))).map((e) => e.key);
}
