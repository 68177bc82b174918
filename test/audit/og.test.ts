// Every page of the hosted edition names a 1200×630 social preview image that exists in dist/; the offline edition
// carries none (it leaves og/ out: src/integrations/offline.ts). Built without SITE_URL (as npm
// test builds) the pages name no image and no og:url, whose addresses must be absolute; the images are drawn all the
// same, at the path each page's would have (ogImagePath), and checked there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { select } from 'hast-util-select';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { hostedRoot } from '../../src/lib/pages/links.ts';
import { ogImagePath } from '../../src/lib/images/og-image.ts';
import { readSettings } from '../../src/lib/pages/settings.ts';
import { SITE } from '../../src/site.ts';
import { htmlFiles } from './pages.ts';

// The hosted root, as the build worked it out (astro.config.mjs) from the same environment.
const settings = readSettings(process.env);
const siteUrl = hostedRoot(settings.site, settings.base);
const parser = unified().use(rehypeParse);

function meta(file: string, key: string): string | undefined {
  const tree = parser.parse(readFileSync(join('dist', file), 'utf8'));
  const el = select(`meta[property="${key}"], meta[name="${key}"]`, tree);
  const content = el?.properties.content;
  return typeof content === 'string' ? content : undefined;
}

test('dist: every page has og:image, its size and alt text, and a large-image Twitter card (with SITE_URL); none of them without', () => {
  const pages = htmlFiles('dist');
  assert.ok(pages.length > 70, `only ${pages.length} pages`);
  if (!settings.siteGiven) {
    const named = pages.flatMap((page) => ['og:image', 'og:image:width', 'og:image:height', 'og:image:alt', 'og:url'].filter((k) => meta(page, k)).map((k) => `${page}: ${k}`));
    assert.deepEqual(named, []);
    assert.deepEqual(pages.filter((page) => meta(page, 'twitter:card') !== 'summary' || !meta(page, 'og:site_name')), []);
    return;
  }
  const problems = pages.flatMap((page) => {
    const missing = ['og:image', 'og:image:alt', 'og:site_name', 'og:url'].filter((k) => !meta(page, k)).map((k) => `${page}: no ${k}`);
    if (meta(page, 'og:image:width') !== '1200') missing.push(`${page}: og:image:width is ${meta(page, 'og:image:width')}`);
    if (meta(page, 'og:image:height') !== '630') missing.push(`${page}: og:image:height is ${meta(page, 'og:image:height')}`);
    if (meta(page, 'twitter:card') !== 'summary_large_image') missing.push(`${page}: twitter:card is ${meta(page, 'twitter:card')}`);
    return missing;
  });
  assert.deepEqual(problems, []);
});

test('dist: each og:image is a 1200×630 PNG of this site, one per page', () => {
  const seen = new Map<string, string>();
  const problems: string[] = [];
  for (const page of htmlFiles('dist')) {
    // Without SITE_URL, the image the page would name.
    const path = `/${page.replace(/index\.html$/, '').replace(/\.html$/, '/')}`;
    const url = settings.siteGiven ? meta(page, 'og:image') ?? '' : `${siteUrl}${ogImagePath(path)}`;
    if (!url.startsWith(siteUrl)) { problems.push(`${page}: ${url} is not under ${siteUrl}`); continue; }
    const file = decodeURIComponent(url.slice(siteUrl.length));
    if (seen.has(file)) problems.push(`${page}: ${file} is also ${seen.get(file)}'s image`);
    seen.set(file, page);
    if (!existsSync(join('dist', file))) { problems.push(`${page}: ${file} does not exist`); continue; }
    const png = readFileSync(join('dist', file));
    const header = png.subarray(0, 8).toString('hex') === '89504e470d0a1a0a' && png.subarray(12, 16).toString('latin1') === 'IHDR';
    if (!header || png.readUInt32BE(16) !== 1200 || png.readUInt32BE(20) !== 630) problems.push(`${page}: ${file} is not a 1200×630 PNG`);
  }
  assert.deepEqual(problems, []);
  const sizes = [...seen.keys()].map((f) => readFileSync(join('dist', f)).byteLength).sort((a, b) => a - b);
  console.log(`og: ${sizes.length} images, ${Math.round(sizes.reduce((s, n) => s + n, 0) / 1024)} KB in all, largest ${sizes.at(-1)} B`);
});

test('dist-offline: no preview images, in the folder or the zip', () => {
  assert.equal(existsSync(join('dist-offline', 'og')), false);
  const zip = readFileSync(join('dist', SITE.offlineZip)).toString('latin1');
  assert.equal(zip.includes('og/index.png'), false, 'the zip names og/index.png');
});
