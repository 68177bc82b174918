/**
 * Parses the paragraph list of a citation as editors write it in MDX: "3", "3,7", "9-10", "2, 4-6".
 * Returns sorted, unique numbers, or throws an Error saying what is wrong.
 */
export function parseParagraphList(raw: string): number[] {
  const out = new Set<number>();
  const text = raw.trim();
  if (!text) throw new Error('The paragraph list is empty; write p="3", p="3,7" or p="9-10".');
  for (const part of text.split(',')) {
    const m = /^\s*(\d+)\s*(?:[-–]\s*(\d+)\s*)?$/.exec(part);
    if (!m) throw new Error(`"${part.trim()}" is not a paragraph number or range; write p="3", p="3,7" or p="9-10".`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to < from) throw new Error(`"${part.trim()}" is not a valid range; ranges go upwards from 1.`);
    for (let n = from; n <= to; n++) out.add(n);
  }
  return [...out].sort((a, b) => a - b);
}
