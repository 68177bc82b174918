/**
 * Social preview images (OpenGraph): one 1200×630 PNG per page, drawn with satori (layout to SVG, text as paths) and
 * resvg (SVG to pixels), then written as a palette PNG. Flat colours from the site's light palette, so each image stays
 * well under 50 KB.
 *
 *   renderOgImage({ title: 'Marco Rubio', type: 'actor', siteTitle: 'Muscat talks briefing' })
 *   → PNG: "ACTOR" (small, accent), "Marco Rubio" (large), a rule, then the site's name and what the briefing covers.
 *
 * Long titles get a smaller type size until they fit; only beyond the smallest size are they cut with an ellipsis.
 * Satori, resvg and the fonts load on the first render only, so the layout can import the small helpers here cheaply.
 * This module also runs on worker threads (src/lib/images/og-worker.ts), loaded by Node itself: erasable TypeScript only.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire, findPackageJSON } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import { PAGE_TYPES, isPageType, type PageType } from '../../schemas/page-types.ts';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** The line under the site's name on every image. */
export const OG_TAGLINE = 'Iran–US talks, Muscat, 6 February 2026';

/** The kicker word for a page type id (as SearchTags emits it); pages without a type (search, 404) are a "Page". */
export function pageTypeLabel(type: string | undefined): string {
  return isPageType(type) ? PAGE_TYPES[type] : 'Page';
}

/**
 * Where a page's image lives, relative to the site's root, from the page's path relative to the same root.
 *
 *   ogImagePath('')                     → 'og/index.png'
 *   ogImagePath('actors/marco-rubio/')  → 'og/actors/marco-rubio.png'
 */
export function ogImagePath(pagePath: string): string {
  const trimmed = pagePath.replace(/^\/+|\/+$/g, '');
  return `og/${trimmed || 'index'}.png`;
}

/**
 * A page type's pages each have a preview image of their own while the briefing has at most this many of them (the
 * real briefing's largest type, positions, has 27). Past it, the type's pages share one image: it shows the type
 * ("POSITION" over "Positions"), since a preview of one of hundreds of like pages adds nothing its og:title, which
 * every platform shows beside the image, does not say, and drawing hundreds costs 20 ms or more each on a clean build.
 */
export const OG_OWN_IMAGES_MAX = 100;

/** The title of the image a type's pages share: what they are together, as a heading names them. */
export const SHARED_OG_TITLES: Record<PageType, string> = {
  briefing: 'The briefing', actor: 'Actors', issue: 'Issues', position: 'Positions', event: 'Timeline', glossary: 'Glossary', source: 'Sources',
};

/** The image the pages of a type share past OG_OWN_IMAGES_MAX: 'og/shared/position.png'. */
export const sharedOgImagePath = (type: PageType): string => `og/shared/${type}.png`;
const SHARED = /^og\/shared\/([a-z]+)\.png$/;

/** The page type whose shared image this is ('og/shared/position.png' → 'position'), or undefined for a page's own. */
export function sharedOgImageType(image: string): PageType | undefined {
  const type = SHARED.exec(image)?.[1];
  return isPageType(type) ? type : undefined;
}

/** Each page's preview image, by path: its own, or its type's shared one when the type has more than `max` pages. */
export function ogImagesOf(pages: readonly { path: string; type: PageType | undefined }[], max = OG_OWN_IMAGES_MAX): Map<string, string> {
  const count = new Map<PageType, number>();
  for (const { type } of pages) if (type) count.set(type, (count.get(type) ?? 0) + 1);
  return new Map(pages.map(({ path, type }) => [path, type && count.get(type)! > max ? sharedOgImagePath(type) : ogImagePath(path)]));
}

export interface OgImageInput {
  /** The page's title (its og:title). */
  title: string;
  /** The page's type id (actor, issue, …), or undefined for pages without one. */
  type: string | undefined;
  /** The site's name, shown at the bottom. */
  siteTitle: string;
}

/** The site's light palette, flat: every image drawn here (and the EPUB's cover, src/lib/documents/epub-cover.ts) uses it. */
export const COLOURS = { background: '#fdfcfa', text: '#1c1c1e', accent: '#8a4b00', muted: '#55575d', rule: '#d6d3cc' } as const;
/** Title sizes tried in turn, largest first; the last one clamps with an ellipsis if even it does not fit. */
const TITLE_SIZES = [84, 72, 62, 54, 46, 40] as const;
const TITLE_LINE_HEIGHT = 1.2;
/**
 * The fonts drawn with: Noto Sans for Latin script, Noto Sans Arabic for Arabic and Persian names (a briefing on Iran
 * meets both), each as @fontsource ships its subsets. A title with a character outside them all is refused rather
 * than drawn as a box; the validator checks every name before the build (missingGlyphs).
 */
const FONT_SETS = [
  { family: 'Noto Sans', pkg: '@fontsource/noto-sans', file: 'noto-sans', subsets: ['latin', 'latin-ext'] },
  { family: 'Noto Sans Arabic', pkg: '@fontsource/noto-sans-arabic', file: 'noto-sans-arabic', subsets: ['arabic'] },
] as const;
const SUBSETS = FONT_SETS.flatMap((f) => f.subsets.map((subset) => `${f.family} ${subset}`));
/** The font-family a box gives to draw with the bundled fonts. */
export const FONT_FAMILY = SUBSETS.join(', ');

export type Style = Record<string, string | number>;
/** A box of satori's layout (a div with a style and children), as `box` builds it. */
export interface Box {
  type: 'div';
  key?: string;
  props: { style: Style; children?: string | Box | Box[] };
}
export const box = (style: Style, children?: string | Box | Box[], key?: string): Box => ({
  type: 'div', ...(key ? { key } : {}), props: { style, ...(children === undefined ? {} : { children }) },
});

interface Engine {
  satori: typeof import('satori').default;
  renderSvg: typeof import('@resvg/resvg-js').renderAsync;
  fonts: import('satori').Font[];
}

const require = createRequire(import.meta.url);

/** The font files drawn with: each subset of each font set in regular and bold. */
const fontFiles = () =>
  FONT_SETS.flatMap((set) => set.subsets.flatMap((subset) => ([400, 700] as const).map((weight) => ({
    name: `${set.family} ${subset}`, weight, path: require.resolve(`${set.pkg}/files/${set.file}-${subset}-${weight}-normal.woff`),
  }))));

let engine: Promise<Engine> | undefined;

/** Loads satori, resvg and the four font files once per process (or worker thread). */
function loadEngine(): Promise<Engine> {
  engine ??= (async () => {
    const [{ default: satori }, { renderAsync: renderSvg }] = await Promise.all([import('satori'), import('@resvg/resvg-js')]);
    // Each subset is its own family: satori uses one font per name and weight, and falls back across families.
    const fonts = fontFiles().map(({ name, weight, path }) => ({ name, data: readFileSync(path), weight, style: 'normal' as const }));
    return { satori, renderSvg, fonts };
  })();
  return engine;
}

/** '"ب" (U+0628), "…"': characters as a message lists them. */
export const describeChars = (chars: readonly string[]): string =>
  chars.map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');

let ranges: [number, number][] | undefined;

/** The code point ranges the fonts cover, from each package's unicode.json (read once; no font is loaded). */
function glyphRanges(): [number, number][] {
  ranges ??= FONT_SETS.flatMap((set) => {
    const unicode = JSON.parse(readFileSync(require.resolve(`${set.pkg}/unicode.json`), 'utf8')) as Record<string, string>;
    return set.subsets.flatMap((subset) =>
      (unicode[subset] ?? '').split(',').map((r): [number, number] => {
        const [from, to = from] = r.trim().replace(/^U\+/, '').split('-') as [string, string?];
        return [parseInt(from, 16), parseInt(to, 16)];
      }),
    );
  });
  return ranges;
}

/**
 * Characters of `text` that the bundled fonts do not cover (whitespace and joining controls aside), each listed
 * once. The validator calls it on every name and title before the build, so a title the images cannot draw is
 * refused there, naming its file and field.
 */
export function missingGlyphs(text: string): string[] {
  const covered = glyphRanges();
  return [...new Set(text)].filter((ch) => {
    const cp = ch.codePointAt(0)!;
    return !/[\s\u200c\u200d]/.test(ch) && !covered.some(([from, to]) => cp >= from && cp <= to);
  });
}

function card({ title, type, siteTitle }: OgImageInput, size: number, clampLines?: number): Box {
  const family = FONT_FAMILY;
  const titleStyle: Style = {
    fontSize: size, fontWeight: 700, lineHeight: TITLE_LINE_HEIGHT, color: COLOURS.text, letterSpacing: -0.5, flexShrink: 0,
    ...(clampLines ? { display: 'block', lineClamp: clampLines } : { display: 'flex' }),
  };
  return box({ display: 'flex', width: '100%', height: '100%', backgroundColor: COLOURS.background, fontFamily: family }, [
    box({ width: 16, height: '100%', flexShrink: 0, backgroundColor: COLOURS.accent }),
    box({ display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '64px 80px 56px 72px' }, [
      box({ display: 'flex', fontSize: 28, fontWeight: 700, letterSpacing: 3, color: COLOURS.accent }, pageTypeLabel(type).toUpperCase()),
      box({ display: 'flex', flexDirection: 'column', flexGrow: 1, flexShrink: 1, marginTop: 24, marginBottom: 32, overflow: 'hidden' },
        box(titleStyle, title, 'title'), 'title-box'),
      box({ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', borderTop: `2px solid ${COLOURS.rule}`, paddingTop: 24 }, [
        box({ display: 'flex', fontSize: 30, fontWeight: 700, color: COLOURS.text }, siteTitle),
        box({ display: 'flex', fontSize: 26, color: COLOURS.muted }, OG_TAGLINE),
      ]),
    ]),
  ]);
}

/** Renders a page's social preview image as a PNG (1200×630). The same input always gives the same bytes. */
export async function renderOgImage(input: OgImageInput): Promise<Uint8Array> {
  const { satori, fonts } = await loadEngine();
  const missing = missingGlyphs(`${input.title}${input.siteTitle}`);
  if (missing.length) {
    throw new Error(
      `The preview image for "${input.title}" needs characters the bundled fonts (${SUBSETS.join(', ')}) lack: ` +
        `${describeChars(missing)}. Fix: add the @fontsource package and subset that cover them to FONT_SETS in src/lib/images/og-image.ts.`,
    );
  }
  // Try each size in turn: satori reports every box's laid-out height, so a title fits when its box is no taller than
  // the space it has. The smallest size clamps to the lines that fit, ending in an ellipsis.
  let svg = '';
  for (const size of TITLE_SIZES) {
    const heights = new Map<string, number>();
    svg = await satori(card(input, size) as never, {
      width: OG_WIDTH, height: OG_HEIGHT, fonts,
      onNodeDetected: (node) => { if (typeof node.key === 'string') heights.set(node.key, node.height); },
    });
    const room = heights.get('title-box') ?? 0;
    if ((heights.get('title') ?? Infinity) <= room) break;
    if (size === TITLE_SIZES.at(-1)) {
      const lines = Math.max(1, Math.floor(room / (size * TITLE_LINE_HEIGHT)));
      svg = await satori(card(input, size, lines) as never, { width: OG_WIDTH, height: OG_HEIGHT, fonts });
    }
  }
  return rasterise(svg);
}

/** satori's SVG to a PNG: a palette PNG when it has at most 256 colours (flat drawings do), else resvg's own. */
async function rasterise(svg: string): Promise<Uint8Array> {
  const { renderSvg } = await loadEngine();
  // renderAsync, not `new Resvg(svg).render()`: as fast, and it frees the parsed SVG at once, where a Resvg object
  // holds it until the garbage collector gets round to it (1.6 GB of memory after 240 images).
  const image = await renderSvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } });
  const png = indexedPng(image.pixels, image.width, image.height) ?? image.asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

/**
 * Draws a layout of boxes as a PNG of the given size with the bundled fonts, text as paths: the same input, the same
 * bytes. `text` is every string the layout shows, checked against the fonts first (a missing glyph is refused).
 */
export async function drawPng(layout: Box, width: number, height: number, text: string): Promise<Uint8Array> {
  const missing = missingGlyphs(text);
  if (missing.length) throw new Error(`The bundled fonts (${FONT_FAMILY}) lack ${describeChars(missing)}; add the @fontsource package and subset that cover them to FONT_SETS in src/lib/images/og-image.ts.`);
  const { satori, fonts } = await loadEngine();
  return rasterise(await satori(layout as never, { width, height, fonts }));
}

/**
 * Re-encodes opaque RGBA pixels as an 8-bit palette PNG, losslessly, when they use at most 256 colours (flat colours
 * and their anti-aliased edges do: about a hundred). A quarter of the raw data of resvg's RGBA PNG, and about a third
 * of its size. Returns undefined if the image has transparency or more colours; the caller keeps resvg's PNG then.
 *
 * Hand-written because no maintained package does as well. Measured on the site's 81 images (ms per image, mean and
 * largest bytes): this 5–7 ms, 14.8 / 25.1 KB; sharp 0.35 RGBA 5 ms, 32.9 / 45.8 KB; @napi-rs/image 1.15 RGBA 5 ms,
 * 32.8 / 45.7 KB (both near the 50 KB budget); sharp's palette (libimagequant, which may move colours: it did on a
 * 200-colour test image) 30 ms, 14.1 KB; fast-png 8 given our palette 12 ms, 16.9 KB; oxipng (@napi-rs/image) 160 ms,
 * 12.0 KB; pngjs and fast-png write no palette from RGBA (34–44 ms, 25–38 KB).
 */
export function indexedPng(rgba: Uint8Array, width: number, height: number): Buffer | undefined {
  // One 32-bit word per pixel: compared as a whole, in whatever byte order the machine has.
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice();
  const pixels = new Uint32Array(aligned.buffer, aligned.byteOffset, width * height);
  const palette = new Map<number, number>(); // pixel word → palette index, in order of first appearance
  const firstSeen: number[] = []; // palette index → a pixel of that colour, to read its red, green and blue from
  const rows = new Uint8Array((width + 1) * height); // each row: filter type 0 (none), then one index per pixel
  for (let y = 0, p = 0; y < height; y++) {
    const row = y * (width + 1) + 1;
    // A run of one colour at a time, filled at once: flat cards are mostly long runs (half the time of pixel by pixel).
    for (let x = 0; x < width;) {
      const word = pixels[p]!;
      let run = 1;
      while (x + run < width && pixels[p + run] === word) run++;
      let index = palette.get(word);
      if (index === undefined) {
        if (aligned[p * 4 + 3] !== 255 || palette.size === 256) return undefined;
        palette.set(word, (index = palette.size));
        firstSeen.push(p);
      }
      rows.fill(index, row + x, row + x + run);
      x += run;
      p += run;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
    return [head, data, crc];
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8); // bit depth 8, colour type 3 (palette), deflate, adaptive filtering, no interlace
  const plte = Buffer.from(firstSeen.flatMap((p) => [aligned[p * 4]!, aligned[p * 4 + 1]!, aligned[p * 4 + 2]!]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    ...chunk('IHDR', header),
    ...chunk('PLTE', plte),
    // zlib's default level. Level 9 saves a seventh and takes seven times as long; Z_RLE takes a fifth of the time
    // (1.3 ms against 6 ms) for a fifth more bytes (17.8 KB against 14.8 KB on average).
    ...chunk('IDAT', deflateSync(rows)),
    ...chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A hash of everything besides the page's own inputs that decides an image's bytes: this file's source (layout,
 * colours, sizes, encoder), the installed versions of satori and resvg and of their dependencies, the font files, and
 * the zlib that deflates the pixels.
 * Cached images are keyed by it (src/lib/images/og-cache.ts), so a change to any of these redraws every image.
 */
export function ogRendererFingerprint(): string {
  const hash = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url)));
  // The drawing packages and the packages they use as installed (satori's text shaping and line breaking among them).
  const installed = (pkg: string, from: string) => {
    const path = findPackageJSON(pkg, from);
    if (!path) throw new Error(`Cannot find ${pkg}'s package.json from ${from}; run npm install.`);
    const { version, dependencies = {} } = JSON.parse(readFileSync(path, 'utf8')) as { version: string; dependencies?: Record<string, string> };
    return { path, version, dependencies: Object.keys(dependencies) };
  };
  for (const pkg of ['satori', '@resvg/resvg-js']) {
    const main = installed(pkg, import.meta.url);
    hash.update(`\0${pkg}@${main.version}`);
    for (const dep of main.dependencies) hash.update(`\0${dep}@${installed(dep, pathToFileURL(main.path).href).version}`);
  }
  hash.update(`\0zlib@${process.versions.zlib} ${process.platform}-${process.arch}`);
  for (const { path } of fontFiles()) hash.update(readFileSync(path));
  return hash.digest('hex');
}
