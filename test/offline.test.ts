import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { unzipSync } from 'fflate';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { buildOfflineEdition, buildOfflineEditionOnThread, rewritePage, ZIP_FOLDER, ZIP_NAME } from '../src/integrations/offline.ts';
import { SITE } from '../src/site.ts';
import { listFiles } from '../src/lib/output/files.ts';
import {
  boundedExcerpt, buildOfflinePayload, excerptHtml, INDEX_FILE, openOfflineSearch, payloadFiles, SHARD_DIR,
  type OfflineIndex, type OfflinePayload, type PayloadOptions,
} from '../src/lib/search/offline-search.ts';
import { MANIFEST_FILE, type PageManifest } from '../src/lib/pages/page-manifest.ts';
import type { SearchDoc } from '../src/lib/search/search-docs.ts';
import { miniSearchEngine, scriptLoader } from '../src/scripts/minisearch-engine.ts';
import { hitOf } from '../src/scripts/search-engine.ts';
import { queryStems, type RankDoc } from '../src/lib/search/search-rank.ts';

const fixtures = new URL('./fixtures/offline/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, fixtures), 'utf8');
/** File snapshot: compares with fixtures/offline/NAME, or writes it with UPDATE_FIXTURES=1. */
function matchesFixture(actual: string, name: string) {
  const path = fileURLToPath(new URL(name, fixtures));
  if (process.env.UPDATE_FIXTURES) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  assert.equal(actual, readFileSync(path, 'utf8'), `${name} differs (UPDATE_FIXTURES=1 rewrites it, then review the diff)`);
}

const OPTIONS = { base: '/', hostedUrl: 'https://example.org/', stamp: new Date('2026-02-07T10:30:00Z'), revised: new Date('2026-02-07T09:00:00Z') };
function rewrite(html: string, file: string) {
  const tree = unified().use(rehypeParse).parse(html);
  rewritePage(tree, file, OPTIONS);
  return unified().use(rehypeStringify).stringify(tree);
}

test('rewrites a page for file://: relative file links, classic scripts, an offline note, no sitemap link', () => {
  const out = rewrite(read('page.html'), 'actors/marco-rubio/index.html');
  matchesFixture(out, 'page.expected.html');
  for (const expected of [
    'href="../../favicon.svg"', 'href="../../index.html"', 'href="../index.html"', 'action="../../search/index.html"',
    'href="../../glossary/ballistic-missile/index.html"', 'href="../../sources/s/index.html#p4"', 'href="https://example.org/elsewhere"',
    'href="#content"', 'href="https://example.org/actors/marco-rubio/"', 'data-base="../../"',
    '<p class="offline-note">Offline copy made on 7 February 2026, 10:30 UTC. The hosted edition, with any later updates: <a href="https://example.org/">https://example.org/</a>.</p>',
    '<script src="../../_offline/site.js"></script>',
  ]) assert.ok(out.includes(expected), `missing ${expected}`);
  for (const gone of ['rel="sitemap"', 'type="module"', 'href="/']) assert.ok(!out.includes(gone), `still has ${gone}`);
});

test('without SITE_URL the offline copy names no online edition and links no placeholder address', () => {
  const tree = unified().use(rehypeParse).parse(read('home.html'));
  rewritePage(tree, 'index.html', { ...OPTIONS, hostedUrl: null });
  const out = unified().use(rehypeStringify).stringify(tree);
  assert.ok(out.includes('<p class="offline-note">Offline copy made on 7 February 2026, 10:30 UTC. It was made without a web address, so it names no online edition.</p>'), out);
  assert.ok(!out.includes('example.org'), 'a placeholder address is linked');
  assert.ok(out.includes('<span data-offline-download="">This is the offline copy</span>'), out);
});

test(`"Cite this page": kept as the hosted page's with SITE_URL; written again as an offline copy's without, naming no address`, () => {
  const page = '<html><body><main><details data-cite><summary>Cite this page</summary><dl><div><dt>MLA</dt><dd>' +
    '<p data-cite-text="mla">“Iran.” Muscat talks briefing, 6 Feb. 2026, example.org/actors/iran/. Accessed 7 Feb. 2026.</p></dd></div>' +
    '<div><dt>BibTeX</dt><dd><pre data-cite-text="bibtex">@misc{x, url = {https://example.org/actors/iran/}}</pre></dd></div></dl></details></main></body></html>';
  const cited = { title: 'Iran', path: '/actors/iran/', asOf: '2026-02-06' };
  const run = (hostedUrl: string | null) => {
    const tree = unified().use(rehypeParse).parse(page);
    rewritePage(tree, 'actors/iran/index.html', { ...OPTIONS, hostedUrl }, cited);
    return unified().use(rehypeStringify).stringify(tree);
  };
  const hosted = run('https://example.org/');
  assert.ok(hosted.includes('example.org/actors/iran/. Accessed 7 Feb. 2026.</p>'), hosted);
  const offline = run(null);
  assert.ok(offline.includes('<p data-cite-text="mla">“Iran.” Muscat talks briefing, 7 Feb. 2026. Offline copy.</p>'), offline);
  assert.ok(offline.includes('howpublished = {Offline copy}'), offline);
  assert.ok(offline.includes('<p class="cite-note">This copy was made without a web address, so these references name none.</p></details>'), offline);
  assert.ok(!offline.includes('example.org'), 'a placeholder address is named');
  assert.throws(() => rewritePage(unified().use(rehypeParse).parse(page), 'actors/iran/index.html', { ...OPTIONS, hostedUrl: null }), /no record to write it again from/);
});

test('the feed links point at the hosted feed; without SITE_URL the head link goes and the text link becomes text', () => {
  const html = '<html><head><link rel="alternate" type="application/atom+xml" title="Feed" href="/b/changes.xml"></head>' +
    '<body><main><p>Follow with the <a href="/b/changes.xml" type="application/atom+xml" data-feed-link>Atom feed</a>.</p></main></body></html>';
  const run = (hostedUrl: string | null) => {
    const tree = unified().use(rehypeParse).parse(html);
    rewritePage(tree, 'changes/index.html', { ...OPTIONS, base: '/b/', hostedUrl });
    return unified().use(rehypeStringify).stringify(tree);
  };
  const hosted = run('https://example.org/b/');
  assert.ok(hosted.includes('<link rel="alternate" type="application/atom+xml" title="Feed" href="https://example.org/b/changes.xml">'), hosted);
  assert.ok(hosted.includes('<a href="https://example.org/b/changes.xml" type="application/atom+xml" data-feed-link="">Atom feed</a>'), hosted);
  const none = run(null);
  assert.ok(!none.includes('changes.xml') && !none.includes('application/atom+xml'), none);
  assert.ok(none.includes('<span data-feed-link="">Atom feed (on the hosted edition)</span>'), none);
});

test('the search page loads the index and the offline search script, and its form knows the way back to the root', () => {
  const out = rewrite(read('search.html'), 'search/index.html');
  matchesFixture(out, 'search.expected.html');
  assert.ok(out.includes('<form id="search" role="search" action="index.html" data-root="../">'));
  assert.ok(out.includes('<script src="../search-index.js"></script><script src="../_offline/search.js"></script><script src="../_offline/site.js"></script></body>'));
});

const docs = JSON.parse(read('search-docs.json')) as SearchDoc[];
const entries = docs.map((doc) => ({ path: `${doc.url.slice(1)}index.html`, doc }));
/** Tiny bounds, so three documents make several shards and cut excerpts. */
const TINY: PayloadOptions = { excerptWords: 8, inlineBytes: 0, shardBytes: 200 };

/** Opens a payload as the browser would, with shards from `payload.shards`; `loaded` lists the shards asked for. */
function open(payload: OfflinePayload) {
  const loaded: string[] = [];
  const index = JSON.parse(JSON.stringify(payload.index)) as OfflineIndex;
  const search = openOfflineSearch(index, async (name) => {
    loaded.push(name);
    if (!(name in payload.shards)) throw new Error(`no shard ${name}`);
    return JSON.parse(JSON.stringify(payload.shards[name]));
  });
  return { index, search, loaded };
}

test('offline search ranks the page that owns a name first, filters and counts; typos are the query plan\'s', async () => {
  const { index, search } = open(buildOfflinePayload(entries));
  const paths = (r: { page: number }[]) => r.map((x) => index.pages[x.page]!.path);
  assert.deepEqual(paths((await search.search('Rubio', {})).results), ['actors/marco-rubio/index.html', 'positions/marco-rubio--missiles/index.html']);
  assert.deepEqual(paths((await search.search('Tehran', {})).results), ['actors/iran/index.html']);
  const missiles = await search.search('missiles', { type: ['actor'] });
  assert.deepEqual(paths(missiles.results).sort(), ['actors/iran/index.html', 'actors/marco-rubio/index.html']);
  assert.deepEqual(missiles.counts.type, { actor: 2, position: 1 });
  assert.deepEqual(missiles.counts.actor, { 'marco-rubio': 1, iran: 1 });
  assert.equal((await search.search(null, { issue: ['ballistic-missiles'] })).results.length, 2);
  // No fuzzy matching of its own, as Pagefind has none: the search page reads "Rubbio" as Rubio before asking.
  assert.deepEqual((await search.search('Rubbio', {})).results, []);
  // Any word: pages with either, those with both first.
  assert.deepEqual(paths((await search.search('Rubio Tehran', {})).results), []);
  assert.deepEqual(paths((await search.search('Rubio Tehran', {}, { anyWord: true })).results).sort(),
    ['actors/iran/index.html', 'actors/marco-rubio/index.html', 'positions/marco-rubio--missiles/index.html']);
});

test('a small payload is one script with the shards inline; past inlineBytes the shards are files', () => {
  const small = payloadFiles(buildOfflinePayload(entries));
  assert.deepEqual([...small.keys()], [INDEX_FILE]);
  assert.match(small.get(INDEX_FILE)!, /^window\.BRIEFING_SEARCH=\{.*"inline":\{"terms-0":.*"excerpts-0":.*\}\};\n$/);

  const sharded = payloadFiles(buildOfflinePayload(entries, TINY));
  assert.ok(!sharded.get(INDEX_FILE)!.includes('"inline"'));
  for (const [file, text] of sharded) if (file !== INDEX_FILE) assert.match(text, /^\(self\.BRIEFING_SEARCH_SHARDS\?\?=\{\}\)\["(terms|excerpts)-\d+"\]=\[.*\];\n$/);
  // The files, as a snapshot: fixtures/offline/payload/ holds exactly these.
  const names = [...sharded.keys()];
  assert.ok(names.filter((n) => n.startsWith(`${SHARD_DIR}/terms-`)).length > 2 && names.filter((n) => n.startsWith(`${SHARD_DIR}/excerpts-`)).length > 1, names.join(', '));
  for (const [file, text] of sharded) matchesFixture(text, `payload/${file}`);
  assert.deepEqual(listFiles(fileURLToPath(new URL('payload/', fixtures))).sort(), names.sort());
});

test('excerpts keep the first words of each section; the full text stays searchable', async () => {
  assert.equal(boundedExcerpt('one two three', 3), 'one two three');
  assert.equal(boundedExcerpt('one two three four', 3), 'one two three …');
  const { search } = open(buildOfflinePayload(entries, TINY));
  // "enrichment" is the 24th word of Iran's History section, past the 8 words kept.
  const { results } = await search.search('enrichment', {});
  assert.deepEqual(results.map((r) => r.page), [2]);
  const sections = await search.sections(2);
  assert.deepEqual(sections, [
    { excerpt: 'Refuses to discuss missiles.' },
    { excerpt: 'Talks with the United States began in Muscat, …', anchor: 'history', heading: 'History' },
  ]);
  // Past the stored words the result shows the section's start; within them, the match is marked.
  assert.equal(excerptHtml(sections[1]!.excerpt, ['enrichment']), 'Talks with the United States began in Muscat, …');
  assert.equal(excerptHtml(sections[1]!.excerpt, ['muscat']), 'Talks with the United States began in <mark>Muscat</mark>, …');
});

test('sharded and inline payloads rank alike, and a query loads only the shards that hold its terms', async () => {
  const inline = open(buildOfflinePayload(entries));
  const sharded = open(buildOfflinePayload(entries, TINY));
  const all = Object.keys(buildOfflinePayload(entries, TINY).shards).filter((n) => n.startsWith('terms-'));
  for (const query of ['Rubio', 'Tehran', 'missiles', 'Rubbio', 'mediat', 'enrichment', 'missiles Iran', 'nothing-like-this', 'talks']) {
    const strip = (r: Awaited<ReturnType<typeof inline.search.search>>) =>
      r.results.map((x) => ({ page: x.page, score: x.score, sections: x.sections.map((s) => [s.id, s.score, s.terms]) }));
    assert.deepEqual(strip(await sharded.search.search(query, {})), strip(await inline.search.search(query, {})), query);
  }
  const fresh = open(buildOfflinePayload(entries, TINY));
  await fresh.search.search('Tehran', {});
  assert.equal(fresh.loaded.length, 1, `loaded ${fresh.loaded.join(', ')} of ${all.length}`);
  await fresh.search.search('nothing-like-this', {});
  assert.equal(fresh.loaded.length, 1);
});

test('a shard from another build is refused with a hint', () => {
  const index = { ...buildOfflinePayload(entries).index, version: 0 } as unknown as OfflineIndex;
  assert.throws(() => openOfflineSearch(index, async () => []), /search-index\.js has format 0, this search\.js reads 3: rebuild the offline edition/);
});

/** The browser's side in Node: a document whose appended scripts run in a vm context, as file:// would run them. */
function fakeBrowser(dir: string) {
  const scope: Record<string, unknown> = {};
  scope.window = scope.self = scope;
  const context = vm.createContext(scope);
  const appended: string[] = [];
  const doc = {
    createElement: () => ({ src: '', onload: () => {}, onerror: () => {}, remove() {} }),
    head: {
      append(script: { src: string; onload: () => void; onerror: () => void }) {
        appended.push(script.src);
        const path = join(dir, script.src.replace(/^(\.\.\/)+/, ''));
        setImmediate(() => {
          if (!existsSync(path)) return script.onerror();
          vm.runInContext(readFileSync(path, 'utf8'), context);
          script.onload();
        });
      },
    },
  };
  vm.runInContext(readFileSync(join(dir, INDEX_FILE), 'utf8'), context);
  return { index: scope.BRIEFING_SEARCH as OfflineIndex, load: scriptLoader('../', doc as unknown as Document, scope), appended, scope };
}

test('the browser loader appends one classic script per shard and the engine renders hits from them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'offline-loader-'));
  try {
    for (const [file, text] of payloadFiles(buildOfflinePayload(entries, TINY))) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    const browser = fakeBrowser(dir);
    const engine = miniSearchEngine(browser.index, '../', browser.load);
    const candidates = await engine.candidates(['missiles']);
    assert.equal(candidates.length, 3);
    // (JSON: arrays made in the vm context have that context's Array.prototype)
    const { docs } = JSON.parse(JSON.stringify(await engine.load())) as { docs: RankDoc[] };
    const rubio = docs.find((d) => d.path === '/actors/marco-rubio/')!;
    assert.deepEqual(hitOf(rubio, queryStems('missiles'), engine.url, []), {
      path: '/actors/marco-rubio/', url: '../actors/marco-rubio/index.html', title: 'Marco Rubio', type: 'actor', actors: ['marco-rubio'], issues: [], summary: '', stance: undefined,
      excerpt: 'US Secretary of State who wants <mark>missiles</mark> on …', // the first sentence with the word
      subResults: [{ url: '../actors/marco-rubio/index.html#positions', title: 'Positions', excerpt: 'Demands talks on <mark>missiles</mark>.' }],
    });
    assert.ok(browser.appended.every((src) => /^\.\.\/search-index\/(terms|excerpts)-\d+\.js$/.test(src)), browser.appended.join(', '));
    assert.equal(new Set(browser.appended).size, browser.appended.length, 'each shard is loaded once');
    assert.deepEqual(Object.keys(browser.scope.BRIEFING_SEARCH_SHARDS as object), [], 'the loader takes the data it loaded off the global');

    rmSync(join(dir, SHARD_DIR, 'excerpts-0.js'));
    const broken = fakeBrowser(dir);
    await assert.rejects(miniSearchEngine(broken.index, '../', broken.load).load(), /Could not load \.\.\/search-index\/excerpts-0\.js: the offline edition is incomplete/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A small hosted build: three pages, the files the offline edition leaves out, and the page manifest. */
function hostedBuild(manifest?: (m: PageManifest) => PageManifest) {
  const dist = mkdtempSync(join(tmpdir(), 'offline-dist-'));
  const put = (file: string, text: string) => {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), text);
  };
  put('index.html', read('home.html'));
  put('actors/marco-rubio/index.html', read('page.html'));
  put('search/index.html', read('search.html'));
  put('favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
  for (const file of ['404.html', 'robots.txt', 'sitemap-index.xml', 'pagefind/pagefind.js', '_astro/site.js', 'old.zip']) put(file, 'hosted only');
  const record = (file: string, search: SearchDoc | null) => ({ url: `/${file.replace(/index\.html$/, '')}`, file, title: search?.title ?? '', type: undefined, ogImage: '', search });
  const pages: PageManifest = {
    base: '/',
    pages: [record('index.html', null), record('actors/marco-rubio/index.html', docs[0]!), record('search/index.html', null), record('404.html', null)],
  };
  put(MANIFEST_FILE, JSON.stringify(manifest ? manifest(pages) : pages));
  put('search-vocabulary.json', JSON.stringify({ entries: [{ path: '/actors/marco-rubio/', kind: 'actor', id: 'marco-rubio', names: ['Marco Rubio', 'Rubio'] }], positions: [] }));
  return { dist, out: join(dist, '..', `${dist.split('/').pop()}-offline`) };
}

test('builds the edition from the hosted build and the manifest: hosting files left out, zip of exactly the edition, size stamped', async () => {
  const { dist, out } = hostedBuild();
  try {
    const report = await buildOfflineEdition({ ...OPTIONS, dist, out, search: { inlineBytes: 0 } });
    const files = listFiles(out);
    assert.deepEqual(files, [
      '_offline/search.js', '_offline/site.js', 'actors/marco-rubio/index.html', 'favicon.svg', 'index.html',
      'search/index.html', 'search-index/excerpts-0.js', 'search-index/terms-0.js', 'search-index.js',
    ]);
    assert.equal(readFileSync(join(out, 'actors/marco-rubio/index.html'), 'utf8'), read('page.expected.html'));
    assert.deepEqual({ ...report, editionBytes: 0, zipBytes: 0, indexBytes: 0, waitedMs: 0 }, { pages: 3, files: files.length, editionBytes: 0, indexBytes: 0, indexFiles: 3, zipBytes: 0, waitedMs: 0 });
    const zip = readFileSync(join(dist, ZIP_NAME));
    assert.equal(report.zipBytes, zip.byteLength);
    const unpacked = unzipSync(new Uint8Array(zip));
    // One folder at the top: unpacking makes muscat-talks-briefing-offline/ and nothing else.
    assert.deepEqual(Object.keys(unpacked), files.map((f) => `${ZIP_FOLDER}${f}`));
    for (const f of files) assert.ok(Buffer.from(unpacked[`${ZIP_FOLDER}${f}`]!).equals(readFileSync(join(out, f))), f);
    assert.equal(report.editionBytes, files.reduce((n, f) => n + readFileSync(join(out, f)).byteLength, 0));
    assert.match(readFileSync(join(dist, 'index.html'), 'utf8'), /<span data-zip-size="">\(zip, \d+ KB\)<\/span>/);
    assert.match(readFileSync(join(out, 'index.html'), 'utf8'), /<span data-zip-size="">\(zip\)<\/span>/);
  } finally {
    rmSync(dist, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
});

test('beside the documents: every other page first, then, once they are done, the home page as they left it and the documents themselves', async () => {
  const { dist, out } = hostedBuild();
  try {
    put(dist, 'og/index.png', 'a preview image being drawn beside it');
    let finish!: () => void;
    const documents = new Promise<void>((resolve) => { finish = resolve; });
    const building = buildOfflineEdition({ ...OPTIONS, dist, out, documents });
    // While the documents are being made, the edition has written the other pages (before its first await) and waits.
    assert.ok(existsSync(join(out, 'actors/marco-rubio/index.html')));
    assert.ok(!existsSync(join(out, 'index.html')), 'the home page waits for the documents');
    put(dist, SITE.briefPdf, '%PDF- the printed brief');
    writeFileSync(join(dist, 'index.html'), readFileSync(join(dist, 'index.html'), 'utf8').replace('</main>', '<p>stamped by the documents</p></main>'));
    finish();
    const report = await building;
    assert.equal(report.pages, 3);
    assert.equal(readFileSync(join(out, SITE.briefPdf), 'utf8'), '%PDF- the printed brief');
    assert.match(readFileSync(join(out, 'index.html'), 'utf8'), /stamped by the documents/);
    assert.ok(!existsSync(join(out, 'og')), 'the preview images are the hosted site\'s alone');
  } finally {
    rmSync(dist, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
});

test('on a thread of its own (as the build runs it) the edition comes out the same, waiting for the documents; a failure there stops it', async () => {
  const here = hostedBuild();
  const there = hostedBuild();
  try {
    const inProcess = await buildOfflineEdition({ ...OPTIONS, dist: here.dist, out: here.out });
    let finish!: () => void;
    const documents = new Promise<void>((resolve) => { finish = resolve; });
    const building = buildOfflineEditionOnThread({ ...OPTIONS, dist: there.dist, out: there.out, documents });
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.ok(!existsSync(join(there.out, 'index.html')), 'the home page waits for the documents');
    finish();
    const report = await building;
    assert.deepEqual({ ...report, waitedMs: 0 }, { ...inProcess, waitedMs: 0 });
    const files = listFiles(here.out);
    assert.deepEqual(listFiles(there.out), files);
    for (const f of files) assert.ok(readFileSync(join(there.out, f)).equals(readFileSync(join(here.out, f))), f);
    assert.ok(readFileSync(join(there.dist, ZIP_NAME)).equals(readFileSync(join(here.dist, ZIP_NAME))), 'the zip');

    await assert.rejects(buildOfflineEditionOnThread({ ...OPTIONS, dist: there.dist, out: there.out, documents: Promise.reject(new Error('no PDF')) }),
      /The offline edition's thread stopped/);
    rmSync(join(there.dist, MANIFEST_FILE));
    await assert.rejects(buildOfflineEditionOnThread({ ...OPTIONS, dist: there.dist, out: there.out }), /page-manifest\.json is missing/);
  } finally {
    for (const { dist, out } of [here, there]) {
      rmSync(dist, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  }
});

const put = (dir: string, file: string, text: string) => {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
};

test('the edition carries every image a page shows from _astro/ (src, srcset, picture, poster), and no other _astro file', async () => {
  const { dist, out } = hostedBuild();
  try {
    const images = ['_astro/map.a1.webp', '_astro/map@2x.a1.webp', '_astro/photo%20x.b2.avif', '_astro/poster.c3.jpg', '_astro/home.d4.png'];
    for (const f of [...images, '_astro/unused.e5.png']) writeFileSync(join(dist, decodeURI(f)), `image ${f}`);
    const page = join(dist, 'actors/marco-rubio/index.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace('</main>', '<p><img src="/_astro/map.a1.webp" srcset="/_astro/map.a1.webp 1x, /_astro/map@2x.a1.webp 2x" alt="Map">' +
      '<picture><source srcset="/_astro/photo%20x.b2.avif" type="image/avif"><img src="/_astro/map.a1.webp" alt="Photo"></picture>' +
      '<video poster="/_astro/poster.c3.jpg"></video></p></main>'));
    const home = join(dist, 'index.html');
    writeFileSync(home, readFileSync(home, 'utf8').replace('</main>', '<img src="/_astro/home.d4.png" alt="Home"></main>'));
    await buildOfflineEdition({ ...OPTIONS, dist, out });
    const files = listFiles(out);
    assert.deepEqual(files.filter((f) => f.startsWith('_astro/')), images.map(decodeURI).sort());
    const html = readFileSync(join(out, 'actors/marco-rubio/index.html'), 'utf8');
    assert.ok(html.includes('src="../../_astro/map.a1.webp" srcset="../../_astro/map.a1.webp 1x, ../../_astro/map@2x.a1.webp 2x"'), html);
    assert.ok(html.includes('<source srcset="../../_astro/photo%20x.b2.avif"') && html.includes('poster="../../_astro/poster.c3.jpg"'), html);
    // The zip holds exactly the edition's files, images included.
    const unpacked = unzipSync(new Uint8Array(readFileSync(join(dist, ZIP_NAME))));
    assert.deepEqual(Object.keys(unpacked), files.map((f) => `${ZIP_FOLDER}${f}`));
  } finally {
    rmSync(dist, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
});

test('a page missing from the manifest, or a manifest for another base path, fails naming the file and the fix', async () => {
  for (const [change, message] of [
    [(m: PageManifest) => ({ ...m, pages: m.pages.filter((p) => p.file !== 'search/index.html') }), /page-manifest\.json has no record for search\/index\.html: add its page spec to sitePages\(\) in src\/lib\/pages\/site-pages\.ts/],
    [(m: PageManifest) => ({ ...m, base: '/b/' }), /page-manifest\.json was written for base path "\/b\/", but the offline edition is built for "\/"/],
  ] as const) {
    const { dist, out } = hostedBuild(change);
    try {
      await assert.rejects(buildOfflineEdition({ ...OPTIONS, dist, out }), message);
    } finally {
      rmSync(dist, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  }
});

test('excerpts are escaped, windowed around the first match, with matches marked', () => {
  assert.equal(excerptHtml('Iran <b>says</b> missiles & more', ['missiles']), 'Iran &lt;b&gt;says&lt;/b&gt; <mark>missiles</mark> &amp; more');
  const long = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ') + ' Rubio ends';
  assert.match(excerptHtml(long, ['rubio'], 12), /^… w\d+ .* <mark>Rubio<\/mark> ends$/);
});
