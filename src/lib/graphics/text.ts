/**
 * Text measures for build-time graphics. The pages use the reader's system font, so exact widths are unknowable at
 * build time; these estimates err wide (average sans-serif advance is about 0.55 em; bold and capitals more).
 */

/** Greedy word wrap to at most `max` characters a line; a single longer word gets a line of its own. */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Estimated width of a line of text at a font size, in the same units (generous, so boxes never clip). */
export function estimateWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const ch of text) ems += /[A-Z]/.test(ch) ? 0.68 : /[mw]/.test(ch) ? 0.85 : /[ilj.,'’ ]/.test(ch) ? 0.3 : 0.56;
  return ems * fontSize * (bold ? 1.15 : 1);
}
