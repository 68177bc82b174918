import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { ogJobs, warmOgCache, warmOgCacheAside, writeOgImages, type OgResult } from '../src/integrations/og-images.ts';
import { ogCacheKey, pruneOgCache } from '../src/lib/images/og-cache.ts';
import { ogDrawThreads, POOL_MIN_IMAGES } from '../src/lib/images/og-draw.ts';
import { indexedPng, missingGlyphs, ogImagePath, ogImagesOf, ogRendererFingerprint, pageTypeLabel, renderOgImage, sharedOgImageType } from '../src/lib/images/og-image.ts';
import { MANIFEST_FILE, type PageRecord } from '../src/lib/pages/page-manifest.ts';
import { SITE } from '../src/site.ts';
import { readContent } from '../src/lib/content/content-files.ts';

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

test('draws Persian and Arabic names, and refuses a title with characters the fonts lack, naming them', async () => {
  assert.deepEqual(missingGlyphs('“Quotes” – dashes, 3×, Āyatollāh, café, عباس عراقچی, سلطنة عُمان'), []);
  const persian = await render('عباس عراقچی · Abbas Araqchi', 'actor');
  assert.ok(persian.byteLength > 5_000 && persian.byteLength < 50_000, `${persian.byteLength} bytes`);
  await assert.rejects(render('北京', 'actor'), /"北" \(U\+5317\), "京" \(U\+4EAC\)\. Fix: add the @fontsource package/);
});

test('every title field of the content uses only characters the fonts have', async () => {
  // Page titles are made from these fields (positions join an actor's name and an issue's title).
  const titles = readContent('content').entries.flatMap((e) =>
    ['title', 'shortTitle', 'navTitle', 'name', 'shortName', 'term'].map((f) => e.data[f]).filter((v): v is string => typeof v === 'string'));
  assert.ok(titles.length > 50, `only ${titles.length} titles found`);
  assert.deepEqual(missingGlyphs(titles.join('') + SITE.title), []);
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

// The post-build step (src/integrations/og-images.ts), from a page manifest in to images and a cache out.

const record = (file: string, title: string, type: PageRecord['type'], ogImage: string): PageRecord =>
  ({ url: `/${file.replace(/index\.html$/, '')}`, file, title, type, ogImage, search: null });

/** The fixture: five pages, two of which (like positions with the same actor and issue) share title and type. */
const FIXTURE: PageRecord[] = [
  record('index.html', 'Muscat talks briefing', 'briefing', 'og/index.png'),
  record('actors/marco-rubio/index.html', 'Marco Rubio', 'actor', 'og/actors/marco-rubio.png'),
  record('glossary/snapback/index.html', 'Snapback', 'glossary', 'og/glossary/snapback.png'),
  record('positions/iran--enrichment/index.html', 'Iran on uranium enrichment', 'position', 'og/positions/iran--enrichment.png'),
  record('positions/iran--enrichment--2/index.html', 'Iran on uranium enrichment', 'position', 'og/positions/iran--enrichment--2.png'),
];

const scratchDirs: string[] = [];
const scratch = () => {
  scratchDirs.push(mkdtempSync(join(tmpdir(), 'og-step-')));
  return scratchDirs.at(-1)!;
};
after(() => { for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true }); });

/** A built site with only the manifest in it, as the post-build steps find it. */
function fixtureDist(pages: readonly PageRecord[]): string {
  const dist = scratch();
  writeFileSync(join(dist, MANIFEST_FILE), JSON.stringify({ base: '/', pages }));
  return dist;
}

/** Every image the step wrote, by path. */
const imagesIn = (dist: string, pages: readonly PageRecord[]) => new Map(pages.map((p) => [p.ogImage, readFileSync(join(dist, p.ogImage))]));

test('og step: a second run with the same inputs draws nothing and writes the same bytes', async () => {
  const cacheDir = scratch();
  const first = fixtureDist(FIXTURE);
  const cold = await writeOgImages(first, { cacheDir, threads: 0 });
  assert.deepEqual(pick(cold), { images: 5, drawn: 4, cached: 0 }, 'the two pages with the same title and type share one drawing');
  const second = fixtureDist(FIXTURE);
  const warm = await writeOgImages(second, { cacheDir, threads: 0 });
  assert.deepEqual(pick(warm), { images: 5, drawn: 0, cached: 5 });
  assert.deepEqual(imagesIn(second, FIXTURE), imagesIn(first, FIXTURE));
  assert.equal(warm.bytes, cold.bytes);
  // The cached images are exactly what the drawing gives.
  assert.deepEqual(readFileSync(join(second, 'og/actors/marco-rubio.png')), Buffer.from(await render('Marco Rubio', 'actor')));
  assert.equal(readdirSync(cacheDir).length, 4);
});

test('og warm-up: on its own thread it draws only what the cache lacks, and the step then draws nothing, same bytes', async () => {
  const cacheDir = scratch();
  // One image in the cache already: the warm-up leaves it and draws the other three (two pages share a drawing).
  await warmOgCache(FIXTURE.slice(1, 2), cacheDir);
  assert.deepEqual(await warmOgCacheAside(FIXTURE, cacheDir), { drawn: 3, cached: 1 });
  assert.deepEqual(await warmOgCacheAside(FIXTURE, cacheDir), { drawn: 0, cached: 4 });
  const warmed = fixtureDist(FIXTURE);
  assert.deepEqual(pick(await writeOgImages(warmed, { cacheDir, threads: 0 })), { images: 5, drawn: 0, cached: 5 });
  const drawn = fixtureDist(FIXTURE);
  await writeOgImages(drawn, { cacheDir: scratch(), threads: 0 });
  assert.deepEqual(imagesIn(warmed, FIXTURE), imagesIn(drawn, FIXTURE));
});

test('og warm-up: a page record it cannot use fails the thread with the step\'s message', async () => {
  await assert.rejects(warmOgCacheAside([record('x/index.html', '', 'actor', 'og/x.png')], scratch()), /x\/index\.html: the page manifest gives it no title/);
});

test('og step: changing one title redraws that image only', async () => {
  const cacheDir = scratch();
  const before = fixtureDist(FIXTURE);
  await writeOgImages(before, { cacheDir, threads: 0 });
  const changed = FIXTURE.map((p) => (p.file === 'glossary/snapback/index.html' ? { ...p, title: 'Snapback mechanism' } : p));
  const after = fixtureDist(changed);
  const result = await writeOgImages(after, { cacheDir, threads: 0 });
  assert.deepEqual(pick(result), { images: 5, drawn: 1, cached: 4 });
  const [old, now] = [imagesIn(before, FIXTURE), imagesIn(after, changed)];
  assert.deepEqual([...now.keys()].filter((k) => !now.get(k)!.equals(old.get(k)!)), ['og/glossary/snapback.png']);
});

test('og step: a page type\'s word, like the title, is part of the cache key; the drawing code is too', () => {
  const fingerprint = ogRendererFingerprint();
  const input = { title: 'Marco Rubio', type: 'actor', siteTitle: SITE.title };
  assert.equal(ogCacheKey(fingerprint, input), ogCacheKey(ogRendererFingerprint(), { ...input }));
  assert.notEqual(ogCacheKey(fingerprint, { ...input, type: 'issue' }), ogCacheKey(fingerprint, input));
  assert.notEqual(ogCacheKey(fingerprint, { ...input, siteTitle: 'Other' }), ogCacheKey(fingerprint, input));
  assert.notEqual(ogCacheKey(`${fingerprint}x`, input), ogCacheKey(fingerprint, input));
  // Types without a word of their own draw "Page" alike, so they share an image.
  assert.equal(ogCacheKey(fingerprint, { ...input, type: undefined }), ogCacheKey(fingerprint, { ...input, type: 'nonsense' }));
});

test('og step: two pages naming one image fail, naming both pages, before anything is drawn', async () => {
  const pages = [...FIXTURE, record('actors/rubio/index.html', 'Rubio', 'actor', 'og/actors/marco-rubio.png')];
  const dist = fixtureDist(pages);
  await assert.rejects(writeOgImages(dist, { cacheDir: scratch(), threads: 0 }), {
    message: 'actors/marco-rubio/index.html and actors/rubio/index.html both name og/actors/marco-rubio.png as their ogImage; each page needs its own.',
  });
  assert.deepEqual(readdirSync(dist), [MANIFEST_FILE]);
});

test('og step: an ogImage that is not a relative og/….png path fails, naming the page and the fix', () => {
  for (const ogImage of ['https://example.org/og/x.png', '/og/x.png', 'og/../index.html', 'og/../../x.png', 'og/x.jpg', 'og//x.png', 'img/x.png']) {
    assert.throws(() => ogJobs([record('x/index.html', 'X', 'actor', ogImage)], SITE.title),
      { message: `x/index.html: ogImage is "${ogImage}", not a relative path like "og/actors/iran.png" in the built site; page records get it from ogImagePath() in src/lib/images/og-image.ts.` });
  }
  assert.throws(() => ogJobs([record('x/index.html', '', 'actor', 'og/x.png')], SITE.title), /^Error: x\/index\.html: the page manifest gives it no title/);
  assert.equal(ogJobs([record('x/index.html', 'X', 'actor', 'og/a/b.c.png')], SITE.title).length, 1);
});

test('og step: a missing page manifest fails naming the file', async () => {
  await assert.rejects(writeOgImages(scratch(), { cacheDir: scratch(), threads: 0 }), /page-manifest\.json is missing/);
});

test('og step: drawing on worker threads gives the same bytes as drawing in-process', async () => {
  const inProcess = fixtureDist(FIXTURE);
  const onThreads = fixtureDist(FIXTURE);
  await writeOgImages(inProcess, { cacheDir: scratch(), threads: 0 });
  const result = await writeOgImages(onThreads, { cacheDir: scratch(), threads: 2 });
  assert.deepEqual({ ...pick(result), threads: result.threads }, { images: 5, drawn: 4, cached: 0, threads: 2 });
  assert.deepEqual(imagesIn(onThreads, FIXTURE), imagesIn(inProcess, FIXTURE));
});

test('og step: a drawing that fails on a worker thread names the image and its page', async () => {
  const pages = [...FIXTURE, record('actors/beijing/index.html', '北京', 'actor', 'og/actors/beijing.png')];
  await assert.rejects(writeOgImages(fixtureDist(pages), { cacheDir: scratch(), threads: 2 }),
    /^Error: Drawing the preview image og\/actors\/beijing\.png \(for actors\/beijing\/index\.html\) failed: The preview image for "北京" needs characters/);
});

test('og step: a pool only for enough images, and only with more than one core', () => {
  assert.equal(ogDrawThreads(POOL_MIN_IMAGES - 1, 8), 0);
  assert.equal(ogDrawThreads(POOL_MIN_IMAGES, 8), 2, "each thread gets half of POOL_MIN_IMAGES at least");
  assert.equal(ogDrawThreads(1000, 1), 0);
  assert.equal(ogDrawThreads(1000, 2), 2);
  assert.equal(ogDrawThreads(1000, 64), 8);
});

test('og cache: keeps this build\'s entries and as many recent others (at least 200), removes the rest and stale .part files', () => {
  const dir = scratch();
  const now = Date.now();
  const put = (name: string, ageMs: number) => {
    writeFileSync(join(dir, name), '');
    utimesSync(join(dir, name), (now - ageMs) / 1000, (now - ageMs) / 1000);
  };
  for (let i = 0; i < 300; i++) put(`old-${String(i).padStart(3, '0')}.png`, (i + 10) * 60_000); // old-000 the most recent
  put('used-a.png', 1e9); // used by this build, however long ago it was last touched
  put('used-b.png', 0);
  put('x.png.123.part', 2 * 3_600_000); // a stopped build's leftover
  put('y.png.456.part', 1_000); // being written by another build
  assert.equal(pruneOgCache(dir, new Set(['used-a', 'used-b']), now), 101);
  const left = readdirSync(dir).sort();
  assert.deepEqual(left.filter((n) => n.startsWith('old-')), Array.from({ length: 200 }, (_, i) => `old-${String(i).padStart(3, '0')}.png`));
  assert.deepEqual(left.filter((n) => !n.startsWith('old-')), ['used-a.png', 'used-b.png', 'y.png.456.part']);
  // Past 200 pages the spare room grows with the build.
  const big = scratch();
  const used = new Set<string>();
  for (let i = 0; i < 250; i++) { writeFileSync(join(big, `u${i}.png`), ''); used.add(`u${i}`); }
  for (let i = 0; i < 300; i++) writeFileSync(join(big, `o${i}.png`), '');
  assert.equal(pruneOgCache(big, used), 50);
});

function pick({ images, drawn, cached }: OgResult) {
  return { images, drawn, cached };
}

test('a page type past OG_OWN_IMAGES_MAX pages shares one image of the type; the others keep their own', () => {
  const pages = [
    { path: '/', type: undefined },
    ...['a', 'b', 'c'].map((id) => ({ path: `/positions/${id}/`, type: 'position' as const })),
    { path: '/actors/iran/', type: 'actor' as const },
  ];
  const images = ogImagesOf(pages, 2);
  assert.deepEqual([...images.values()], ['og/index.png', 'og/shared/position.png', 'og/shared/position.png', 'og/shared/position.png', 'og/actors/iran.png']);
  assert.equal(sharedOgImageType('og/shared/position.png'), 'position');
  assert.equal(sharedOgImageType('og/positions/a.png'), undefined);
  assert.deepEqual([...ogImagesOf(pages, 3).values()].filter((i) => i.startsWith('og/shared/')), [], 'at the limit, each page keeps its own');
  // The jobs: the shared image shows the type; a page of another type naming it is refused.
  const record = (file: string, type: PageRecord['type'], ogImage: string) => ({ url: `/${file}`, file, title: file, type, ogImage, search: null });
  const jobs = ogJobs([record('positions/a/index.html', 'position', 'og/shared/position.png'), record('positions/b/index.html', 'position', 'og/shared/position.png')], 'Site');
  assert.deepEqual(jobs.map((j) => j.input), [{ title: 'Positions', type: 'position', siteTitle: 'Site' }, { title: 'Positions', type: 'position', siteTitle: 'Site' }]);
  assert.throws(() => ogJobs([record('actors/x/index.html', 'actor', 'og/shared/position.png')], 'Site'),
    { message: 'actors/x/index.html is a page of type "actor" but names og/shared/position.png, the image pages of type "position" share.' });
});
