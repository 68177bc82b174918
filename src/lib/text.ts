/** "Treatment of Iran's population" → "treatment of Iran's population": lower-cases only the first letter. */
export const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
