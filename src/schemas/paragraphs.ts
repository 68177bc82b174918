/**
 * Parses the paragraph list of a citation as editors write it in MDX: "3", "3,7", "9-10", "2, 4-6".
 * Returns the ranges as written ([from, to], from ≥ 1, to ≥ from), or throws an Error saying what is wrong. Nothing
 * is expanded, so a range can be checked against the source's length first ("1-99999999" costs nothing).
 */
export function parseParagraphRanges(raw: string): [number, number][] {
  const text = raw.trim();
  if (!text) throw new Error('The paragraph list is empty; write p="3", p="3,7" or p="9-10".');
  return text.split(',').map((part) => {
    const m = /^\s*(\d+)\s*(?:[-–]\s*(\d+)\s*)?$/.exec(part);
    if (!m) throw new Error(`"${part.trim()}" is not a paragraph number or range; write p="3", p="3,7" or p="9-10".`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to < from) throw new Error(`"${part.trim()}" is not a valid range; ranges go upwards from 1.`);
    return [from, to];
  });
}

/** The numbers of a paragraph list, sorted and unique: "2, 4–6, 4" → [2, 4, 5, 6]. Check the ranges' ends first. */
export function expandParagraphRanges(ranges: readonly (readonly [number, number])[]): number[] {
  const out = new Set<number>();
  for (const [from, to] of ranges) for (let n = from; n <= to; n++) out.add(n);
  return [...out].sort((a, b) => a - b);
}

/** parseParagraphRanges, expanded: for lists already checked (remark-citations has normalised every <Cite>). */
export const parseParagraphList = (raw: string): number[] => expandParagraphRanges(parseParagraphRanges(raw));
