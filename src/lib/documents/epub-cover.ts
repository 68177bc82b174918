/**
 * The EPUB's cover: a portrait PNG drawn like the social preview images (src/lib/images/og-image.ts: the light palette, the
 * accent bar, Noto Sans as paths), saying only what the briefing says of itself: its name, what it covers and its
 * "as of" date. And the cover page that shows it, first in the book's reading order.
 *
 *   drawCover({ title: 'Muscat talks briefing', asOf: '6 February 2026' })
 *   → PNG 800×1200: "Muscat talks briefing" (large), "Iran–US talks in Muscat", and at the foot, under a rule,
 *     "As of 6 February 2026"
 *
 * A PNG rather than SVG: e-readers draw their library's thumbnails from the cover image, and not all of them read SVG.
 * Flat colours keep it a palette PNG of about 20 KB, and the same input gives the same bytes.
 */
import { box, COLOURS, drawPng, FONT_FAMILY } from '../images/og-image.ts';
import { escapeXml } from '../output/xml.ts';

export const COVER_WIDTH = 800;
export const COVER_HEIGHT = 1200;
/** What the briefing covers, as the cover says it under the title. */
export const COVER_SUBJECT = 'Iran–US talks in Muscat';

export interface CoverInput {
  /** The briefing's name (SITE.title). */
  title: string;
  /** The "as of" date as the pages show it ("6 February 2026"). */
  asOf: string;
}

/** The lines of text on the cover, top to bottom: also the cover page's alternative text. */
export const coverLines = ({ title, asOf }: CoverInput): string[] => [title, COVER_SUBJECT, `As of ${asOf}`];

export function drawCover(input: CoverInput): Promise<Uint8Array> {
  const [title, subject, asOf] = coverLines(input) as [string, string, string];
  const layout = box({ display: 'flex', width: '100%', height: '100%', backgroundColor: COLOURS.background, fontFamily: FONT_FAMILY }, [
    box({ width: 24, height: '100%', flexShrink: 0, backgroundColor: COLOURS.accent }),
    box({ display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '150px 72px 96px 64px' }, [
      box({ display: 'flex', fontSize: 104, fontWeight: 700, lineHeight: 1.1, letterSpacing: -1, color: COLOURS.text }, title),
      box({ display: 'flex', fontSize: 46, lineHeight: 1.25, color: COLOURS.muted, marginTop: 48 }, subject),
      box({ display: 'flex', flexGrow: 1 }),
      box({ display: 'flex', borderTop: `3px solid ${COLOURS.rule}`, paddingTop: 32, fontSize: 38, fontWeight: 700, color: COLOURS.text }, asOf),
    ]),
  ]);
  return drawPng(layout, COVER_WIDTH, COVER_HEIGHT, coverLines(input).join(''));
}

/** The cover page (XHTML body): the picture alone, its text as the alternative. */
export function coverBody(input: CoverInput, image: string): string {
  return `<section epub:type="cover" class="cover"><img src="${escapeXml(image)}" alt="${escapeXml(coverLines(input).join('. '))}"/></section>`;
}
