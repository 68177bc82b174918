import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { indexedPng, missingGlyphs, ogImagePath, pageTypeLabel, renderOgImage } from '../src/lib/og-image.ts';
import { SITE } from '../src/site.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk, which must come first, right after the signature. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  assert.deepEqual([...png.subarray(0, 8)], PNG_SIGNATURE, 'PNG signature');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  assert.equal(new TextDecoder().decode(png.subarray(12, 16)), 'IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const render = (title: string, type?: string) => renderOgImage({ title, type, siteTitle: SITE.title });

test('draws a 1200×630 PNG under 50 KB', async () => {
  const png = await render('European parties to the 2015 agreement on risk of regional escalation', 'position');
  assert.deepEqual(pngSize(png), { width: 1200, height: 630 });
  assert.ok(png.byteLength < 50 * 1024, `${png.byteLength} bytes`);
});

test('a 300-character title still renders, and a 1,000-character one, within the budget', async () => {
  const words = 'Iran and the United States resume indirect talks in Muscat on enrichment, sanctions and missiles; ';
  const title = words.repeat(4).slice(0, 300);
  const png = await render(title, 'briefing');
  assert.deepEqual(pngSize(png), { width: 1200, height: 630 });
  assert.ok(png.byteLength < 50 * 1024, `${png.byteLength} bytes`);
  // Beyond what the smallest size holds, the title is cut with an ellipsis rather than overflowing the card.
  const clamped = await render(words.repeat(10), 'briefing');
  assert.deepEqual(pngSize(clamped), { width: 1200, height: 630 });
  assert.ok(clamped.byteLength < 50 * 1024, `${clamped.byteLength} bytes`);
});

test('the same input gives the same bytes; a different title, different ones', async () => {
  const a = await render('Marco Rubio', 'actor');
  const b = await render('Marco Rubio', 'actor');
  assert.deepEqual(Buffer.from(a), Buffer.from(b));
  assert.notDeepEqual(Buffer.from(await render('Marco Rubio', 'position')), Buffer.from(a));
});

test('refuses a title with characters the fonts lack, naming them', async () => {
  await assert.rejects(render('عراقچی', 'actor'), /"ع" \(U\+0639\)/);
  assert.deepEqual(await missingGlyphs('“Quotes” – dashes, 3×, Āyatollāh, café'), []);
});

test('every title field of the content uses only characters the fonts have', async () => {
  // Page titles are made from these fields (positions join an actor's name and an issue's title).
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
  const titles = files('content')
    .filter((f) => /\.(mdx?|ya?ml)$/.test(f))
    .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/^(?:title|shortTitle|navTitle|name|shortName|term):\s*(.*)$/gm)].map((m) => m[1]!));
  assert.ok(titles.length > 50, `only ${titles.length} titles found`);
  assert.deepEqual(await missingGlyphs(titles.join('') + SITE.title), []);
});

test('maps page paths to image paths and type ids to words', () => {
  assert.equal(ogImagePath(''), 'og/index.png');
  assert.equal(ogImagePath('/'), 'og/index.png');
  assert.equal(ogImagePath('actors/marco-rubio/'), 'og/actors/marco-rubio.png');
  assert.equal(ogImagePath('404/'), 'og/404.png');
  assert.equal(pageTypeLabel('glossary'), 'Glossary');
  assert.equal(pageTypeLabel('event'), 'Timeline');
  assert.equal(pageTypeLabel(undefined), 'Page');
  assert.equal(pageTypeLabel('toString'), 'Page');
});

test('the palette PNG keeps every pixel exactly, and gives way to resvg\'s PNG past 256 colours or with transparency', () => {
  const [width, height] = [64, 40];
  const rgba = new Uint8Array(width * height * 4);
  // 200 distinct opaque colours in stripes: more than a flat card has; every one must survive.
  for (let p = 0; p < width * height; p++) rgba.set([Math.floor((p % 200) * 1.2), 255 - (p % 200), ((p % 200) * 7) % 256, 255], p * 4);
  const png = indexedPng(rgba, width, height)!;
  assert.deepEqual(pngSize(png), { width, height });
  assert.equal(png[25], 3, 'colour type 3: palette');
  // Decode by hand: PLTE follows IHDR, IDAT follows PLTE; each row is a filter byte (0) and one index per pixel.
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const plteLength = view.getUint32(33);
  const plte = png.subarray(41, 41 + plteLength);
  const idatAt = 41 + plteLength + 4;
  const rows = inflateSync(png.subarray(idatAt + 8, idatAt + 8 + view.getUint32(idatAt)));
  const back = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    assert.equal(rows[y * (width + 1)], 0);
    for (let x = 0; x < width; x++) {
      const i = rows[y * (width + 1) + 1 + x]!;
      back.set([plte[i * 3]!, plte[i * 3 + 1]!, plte[i * 3 + 2]!, 255], (y * width + x) * 4);
    }
  }
  assert.deepEqual(back, rgba);
  const many = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) many.set([p % 256, p >> 8, 0, 255], p * 4); // 2,560 colours
  assert.equal(indexedPng(many, width, height), undefined, 'more than 256 colours');
  const seeThrough = rgba.slice();
  seeThrough[3] = 128;
  assert.equal(indexedPng(seeThrough, width, height), undefined, 'transparency');
});
