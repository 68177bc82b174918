/**
 * The printed briefing read back page by page, for the PDF audits (test/audit/documents.test.ts): each page's lines as
 * pdftotext lays them out, without Chromium's running head and foot, and which headings a page ends on.
 *
 *   pageLines(pdf)                         → [['As of 6 February 2026 · based on one news report', 'The whole briefing', …], …]
 *   headingsAtFoot(pages, ['Europe', …])   → [{ page: 4, heading: 'Every stance, by issue' }]   a heading with nothing after it
 *
 * Pure but for pageLines, which runs pdftotext (poppler-utils: a test tool, never a build one).
 */
import { execFileSync } from 'node:child_process';

/** Text as a reader compares it: curly quotes straightened, whitespace collapsed. */
export const normal = (s: string): string => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();

/** Chromium's running head ("… · as of 6 February 2026", the page's title) and foot (the URL, "4 / 25"). */
const RUNNING = [/· as of \d{1,2} \w+ \d{4}/, /^The whole briefing · /, /(^|\s)\d+ \/ \d+$/];

/** Each page's non-empty lines, in layout order, running head and foot dropped, whitespace collapsed. */
export function pageLines(pdfPath: string): string[][] {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-'], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
  return text.split('\f').slice(0, -1).map((page) => page.split('\n').map(normal).filter((l) => l && !RUNNING.some((r) => r.test(l))));
}

/**
 * Headings a page ends on: the page's last line is the end of the heading and the lines before it hold the rest, so
 * the heading is printed with nothing of what it heads. Page numbers from 1.
 */
export function headingsAtFoot(pages: readonly (readonly string[])[], headings: readonly string[]): { page: number; heading: string }[] {
  const found: { page: number; heading: string }[] = [];
  const wanted = [...new Set(headings.map(normal))].filter(Boolean);
  pages.forEach((lines, i) => {
    const last = lines.at(-1);
    if (!last) return;
    const tail = normal(lines.slice(-4).join(' '));
    for (const heading of wanted) if (heading.endsWith(last) && tail.endsWith(heading)) found.push({ page: i + 1, heading });
  });
  return found;
}

/** The page (from 1) each text first appears on, as a whole line or the start of one; undefined when none. */
export function pageOfLine(pages: readonly (readonly string[])[], text: string, from = 0): number | undefined {
  const t = normal(text);
  for (let i = from; i < pages.length; i++) if (pages[i]!.some((l) => l === t || l.startsWith(`${t} `))) return i + 1;
  return undefined;
}
