/**
 * "Treatment of Iran's population" → "treatment of Iran's population": lower-cases the first letter of a title used
 * inside a sentence, unless the first word is an acronym or a name written with capitals ("U.S. military pressure",
 * "HEU stockpile"), which keeps its case.
 */
export const lowerFirst = (s: string): string => (/^\p{Lu}[\p{Lu}.]/u.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1));
