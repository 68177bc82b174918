// A second source, built: a throwaway copy of the project with the fictional round of test/fixtures/update-round/ laid
// over content/ (never copied into the real content), built once with a site address under a sub-path. Checks the
// built HTML and the feed: the later "as of" where the new source is shown and the old one where it is not; the
// changed stance in the matrix and on the issue page; the history and the replaced position's notice; the update on
// /changes/ and the home page; the Atom entry (parsed with feedsmith); both sources' paragraphs and their "cited by".
//
// With UPDATE_ROUND_SHOTS=<folder>, it also saves screenshots of the offline edition's /changes/ at 1280 and 390 px.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { parseAtomFeed } from 'feedsmith';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { fromHtml } from '../audit/hast.ts';
import { FIRST_ROUND_TRIP, SCRIPT_BUDGET, weighPage } from '../../src/lib/pages/page-weight.ts';
import { copyProject, type Project } from './project.ts';
import { reservedHosts } from '../audit/reserved-hosts.ts';
import { listFiles } from '../../src/lib/output/files.ts';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.ts';
import { SITE } from '../../src/site.ts';

const fixture = new URL('../fixtures/update-round/', import.meta.url).pathname;
const SITE_URL = 'https://briefing.example.net';
const BASE = '/briefings/muscat/';
const ROOT = `${SITE_URL}${BASE}`;
const NEW = 'iran--uranium-enrichment--fictional';
const OLD = 'iran--uranium-enrichment--2';

let project: Project;
before(() => {
  project = copyProject();
  for (const folder of ['sources', 'positions', 'events']) cpSync(join(fixture, folder), join(project.dir, 'content', folder), { recursive: true });
  // The copy is not a git checkout, so the site's own dates are the build date: set apart from both sources' dates.
  const { status, output } = project.build({ SITE_URL, BASE_PATH: BASE, SOURCE_DATE_EPOCH: '1772366400' });
  assert.equal(status, 0, output);
});
after(() => project.remove());

const read = (file: string, edition = 'dist') => readFileSync(join(project.dir, edition, file), 'utf8');
const page = (path: string, edition = 'dist'): Root => fromHtml(read(`${path.replace(/^\//, '')}index.html`, edition));
const text = (node: Root | Element | null | undefined) => (node ? toString(node).replace(/\s+/g, ' ').trim() : '');
const asOf = (tree: Root) => select('.meta-line time', tree)?.properties.dateTime;
const hrefs = (node: Root | Element) => selectAll('a[href]', node).map((a) => String(a.properties.href));

test('the site is as of the new source on the home page and where it is cited; elsewhere as of the first', () => {
  for (const path of ['/', '/changes/', `/positions/${NEW}/`, `/positions/${OLD}/`, '/issues/uranium-enrichment/', '/actors/iran/',
    '/briefing/positions/', '/timeline/', '/sources/fictional-round-two/'])
    assert.equal(asOf(page(path)), '2026-02-20', path);
  for (const path of ['/issues/ballistic-missiles/', '/actors/israel/', '/positions/iran--ballistic-missiles/', '/sources/muscat-2026-02-06/'])
    assert.equal(asOf(page(path)), '2026-02-06', path);
  assert.match(text(select('.meta-line', page('/'))), /As of 20 February 2026 · based on 2 sources/);
  assert.match(text(select('.site-footer', page('/'))), /2 sources, the latest dated 20 February 2026/);
});

test('the home page says what the latest update changed, and links to it', () => {
  const line = select('.latest-update', page('/'));
  assert.match(text(line), /^Latest update, 20 February 2026: 1 stance changed; 1 event added\. What changed\.$/);
  assert.deepEqual(hrefs(line!), [`${BASE}changes/#update-2026-02-20`]);
});

test('the matrix and the issue page show the current stance, marked "changed on", linking to the history', () => {
  const matrix = select('table.matrix', page('/briefing/positions/'))!;
  assert.ok(select(`a[data-position="${NEW}"]`, matrix), 'the new stance is in the matrix');
  assert.equal(select(`a[data-position="${OLD}"]`, matrix), undefined, 'the replaced stance is not');
  const marker = select(`a.changed[href="${BASE}positions/${NEW}/#history"]`, matrix);
  assert.match(text(marker), /^changed 20 Feb 2026: history of Iran on uranium enrichment: sanctions eased first$/);

  const issue = page('/issues/uranium-enrichment/');
  const entry = select(`li#${NEW}`, issue)!;
  assert.match(text(entry), /Iran: ! Demands/);
  assert.equal(text(select('.changed-line', entry)), 'Changed on 20 February 2026');
  assert.deepEqual(hrefs(select('.changed-line', entry)!), [`${BASE}positions/${NEW}/#history`]);
  assert.equal(select(`li#${OLD}`, issue), undefined, 'the replaced stance is not listed as current');
  assert.ok(select(`li#${NEW} .changed-line`, page('/actors/iran/')), 'the actor page marks it too');
});

test('the position page shows its history, oldest first, each step cited; the replaced one points at its successor', () => {
  const current = page(`/positions/${NEW}/`);
  const steps = selectAll('ol.history > li', current);
  assert.equal(steps.length, 2);
  assert.match(text(steps[0]), /^6 February 2026 ⇄ Conditional \(replaced\)\s*Could consider limits/);
  assert.match(text(steps[1]), /^20 February 2026 ! Demands \(current\)\s*Sanctions eased before any written limits \(this page\)\./);
  assert.ok(hrefs(steps[0]!).includes(`${BASE}sources/muscat-2026-02-06/#p7`), 'the first step cites ¶7 of the first source');
  assert.ok(hrefs(steps[1]!).includes(`${BASE}sources/fictional-round-two/#p2`), 'the second cites ¶2 of the new one');
  assert.ok(hrefs(steps[0]!).includes(`${BASE}positions/${OLD}/`), 'the older step links to its page');

  const old = page(`/positions/${OLD}/`);
  assert.match(text(select('h1', old)), /^Iran on uranium enrichment: could consider limits \(until 20 February 2026\)$/);
  const note = select('.prose > .replaced-note', old)!;
  assert.match(text(note), /^Replaced on 20 February 2026 by a newer stance, ! Demands: Sanctions eased before any written limits\./);
  assert.ok(hrefs(note).includes(`${BASE}positions/${NEW}/`));
  const oldSteps = selectAll('ol.history > li', old);
  assert.equal(oldSteps.length, 2);
  assert.match(text(oldSteps[1]), /Sanctions eased before any written limits\. In the invented second-round report/, 'the newer step in full');
});

test('/changes/ lists the update newest first: its source, the stance change old → new, the event it added', () => {
  const changes = page('/changes/');
  const updates = selectAll('section.update', changes);
  assert.deepEqual(updates.map((u) => select('h2', u)?.properties.id), ['update-2026-02-20', 'update-2026-02-06']);
  const latest = updates[0]!;
  assert.ok(hrefs(latest).includes(`${BASE}sources/fictional-round-two/`));
  assert.match(text(select('ul.changed', latest)), /Iran · Uranium enrichment: from ⇄ Conditional to ! Demands \(history of Iran on uranium enrichment\)/);
  assert.ok(hrefs(select('ul.changed', latest)!).includes(`${BASE}positions/${NEW}/`));
  assert.match(text(latest), /1 event: A second, invented round of talks/);
  assert.ok(hrefs(latest).includes(`${BASE}timeline/#fictional-second-round`));
  assert.match(text(updates[1]), /The briefing began with 5 briefing pages, 18 actors, 10 issues, 27 positions, 13 events and 13 glossary terms\./);
});

test('the Atom feed: an entry per update, newest first, with stable ids, the site\'s dates (not the sources\') and absolute links', () => {
  const xml = read('changes.xml');
  const feed = parseAtomFeed(xml);
  assert.equal(feed.id, `${ROOT}changes/`);
  assert.equal(feed.updated, '2026-03-01T12:00:00.000Z');
  assert.deepEqual(feed.links?.map((l) => [l.rel, l.href]), [['alternate', `${ROOT}changes/`], ['self', `${ROOT}changes.xml`]]);
  const entries = feed.entries ?? [];
  assert.deepEqual(entries.map((e) => [e.id, e.updated]), [
    [`${ROOT}changes/#update-2026-02-20`, '2026-03-01T12:00:00.000Z'],
    [`${ROOT}changes/#update-2026-02-06`, '2026-03-01T12:00:00.000Z'],
  ]);
  const content = String((entries[0]?.content as { value?: string } | undefined)?.value ?? entries[0]?.content);
  const links = [...content.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
  assert.ok(links.length > 0 && links.every((l) => l.startsWith(ROOT)), links.join(' '));
  assert.ok(links.includes(`${ROOT}positions/${NEW}/`) && links.includes(`${ROOT}sources/fictional-round-two/`));
  assert.match(content, /Iran · Uranium enrichment<\/a>: Conditional → Demands/);
  assert.match(read('index.html'), new RegExp(`<link rel="alternate" type="application/atom\\+xml" title="[^"]+" href="${BASE}changes.xml">`));
  // The offline edition carries no feed file; its links point at the hosted feed.
  const offline = read('changes/index.html', 'dist-offline');
  assert.match(offline, new RegExp(`<link rel="alternate" type="application/atom\\+xml" title="[^"]+" href="${ROOT}changes.xml">`));
  assert.match(offline, new RegExp(`<a href="${ROOT}changes.xml"[^>]*>Atom feed</a>`));
});

test('the pages the second round changes are valid HTML (the rules of .htmlvalidate.mjs)', async () => {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const errors: string[] = [];
  for (const edition of ['dist', 'dist-offline'])
    for (const path of ['', 'changes/', 'briefing/positions/', `positions/${NEW}/`, `positions/${OLD}/`, 'issues/uranium-enrichment/', 'actors/iran/', 'sources/fictional-round-two/']) {
      const report = await validator.validateString(read(`${path}index.html`, edition), `${edition}/${path}index.html`);
      for (const result of report.results) for (const m of result.messages) errors.push(`${result.filePath}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  assert.deepEqual(errors, []);
});

test('the changed pages stay within the page-weight budgets', () => {
  const weights = ['changes/', 'briefing/positions/', `positions/${NEW}/`, `positions/${OLD}/`, 'issues/uranium-enrichment/', '']
    .map((p) => weighPage(join(project.dir, 'dist'), `${p}index.html`, BASE));
  console.log(weights.map((w) => `${w.page}: ${w.htmlCssGzip} B HTML+CSS, ${w.scriptGzip} B script (gzipped)`).join('\n'));
  assert.deepEqual(weights.filter((w) => w.htmlCssGzip > FIRST_ROUND_TRIP || w.scriptGzip > SCRIPT_BUDGET).map((w) => w.page), []);
});

test('both sources have their paragraph anchors and "cited by" lists', () => {
  const second = page('/sources/fictional-round-two/');
  for (const n of [1, 2, 3]) assert.ok(select(`li#p${n}`, second), `¶${n}`);
  assert.ok(hrefs(select('li#p2', second)!).includes(`${BASE}positions/${NEW}/`), '¶2 is cited by the new position');
  assert.ok(hrefs(select('li#p1', second)!).includes(`${BASE}timeline/#fictional-second-round`), '¶1 by the event');
  const first = page('/sources/muscat-2026-02-06/');
  for (let n = 1; n <= 13; n++) assert.ok(select(`li#p${n}`, first), `¶${n}`);
  assert.ok(hrefs(select('li#p7', first)!).includes(`${BASE}positions/${OLD}/`), '¶7 is still cited by the replaced position');
  const sources = page('/sources/');
  assert.ok(hrefs(sources).includes(`${BASE}sources/fictional-round-two/`) && hrefs(sources).includes(`${BASE}sources/muscat-2026-02-06/`));
});

test('with SITE_URL, the PDF links other pages at the hosted site and the brief names its live edition; as of the later source', async () => {
  const doc = await PDFDocument.load(readFileSync(join(project.dir, 'dist', SITE.briefPdf)), { updateMetadata: false });
  const uris = doc.getPages().flatMap((p) => {
    const annots = p.node.Annots();
    return Array.from({ length: annots?.size() ?? 0 }, (_, i) => doc.context.lookup(annots!.get(i), PDFDict).lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('URI')))
      .flatMap((u) => (u instanceof PDFString || u instanceof PDFHexString ? [u.decodeText()] : []));
  });
  assert.ok(uris.some((u) => u.startsWith(`${ROOT}actors/`)), `no link to an actor page at ${ROOT}: ${uris.slice(0, 5).join(' ')}`);
  assert.deepEqual(uris.filter((u) => !u.startsWith(ROOT) && u.includes(new URL(SITE.defaultUrl).host)), [], 'links to the placeholder address');
  const cover = select('.brief-cover', page('/brief/'))!;
  assert.deepEqual(hrefs(select('.cover-facts', cover)!), [ROOT]);
  assert.match(text(cover), /Dateline Muscat, 6 February 2026 As of 20 February 2026 Sources 2 sources, .* Live edition https:\/\/briefing\.example\.net\/briefings\/muscat\/, with any later updates/);
});

// In a browser, only on request (it needs Chromium and adds some 20 s): screenshots of /changes/, and axe-core (WCAG 2
// A and AA, light and dark) over the pages the second round changes, in the offline edition over file://.
test('in a browser: /changes/ (and the replaced position, the positions view) at 1280 and 390 px, and no axe violation on the changed pages (only with UPDATE_ROUND_SHOTS)',
  { skip: !process.env.UPDATE_ROUND_SHOTS }, async () => {
    const out = process.env.UPDATE_ROUND_SHOTS!;
    mkdirSync(out, { recursive: true });
    const { chromium } = await import('@playwright/test');
    const { default: AxeBuilder } = await import('@axe-core/playwright');
    const executablePath = findChromium();
    const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
    const url = (path: string) => pathToFileURL(join(project.dir, 'dist-offline', `${path.replace(/^\//, '')}index.html`)).href;
    try {
      for (const width of [1280, 390]) {
        const tab = await browser.newPage({ viewport: { width, height: 900 } });
        for (const [name, path] of [['changes', '/changes/'], ['replaced-position', `/positions/${OLD}/`], ['positions', '/briefing/positions/']] as const) {
          await tab.goto(url(path));
          await tab.screenshot({ path: join(out, `${name}-${width}.png`), fullPage: true });
        }
        await tab.close();
      }
      const violations: string[] = [];
      for (const colorScheme of ['light', 'dark'] as const) {
        const tab = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme });
        for (const path of ['/', '/changes/', '/briefing/positions/', `/positions/${NEW}/`, `/positions/${OLD}/`, '/issues/uranium-enrichment/', '/actors/iran/']) {
          await tab.goto(url(path));
          const result = await new AxeBuilder({ page: tab }).options({ resultTypes: ['violations'] })
            .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).setLegacyMode(true).analyze();
          violations.push(...result.violations.flatMap((v) => v.nodes.map((n) => `${colorScheme} ${path} ${v.id}: ${n.target.join(' ')}`)));
        }
        await tab.close();
      }
      assert.deepEqual(violations, []);
    } finally {
      await browser.close();
    }
  });

test('with SITE_URL every address names it: canonical, og:url and og:image, JSON-LD, "Cite this page", feed, sitemap, robots.txt; no placeholder anywhere', () => {
  const iran = page('/actors/iran/');
  const url = `${ROOT}actors/iran/`;
  assert.equal(select('link[rel=canonical]', iran)?.properties.href, url);
  assert.equal(select('meta[property="og:url"]', iran)?.properties.content, url);
  assert.equal(select('meta[property="og:image"]', iran)?.properties.content, `${ROOT}og/actors/iran.png`);
  const ld = JSON.parse(toString(select('script[type="application/ld+json"]', iran)!)) as { '@graph': Record<string, unknown>[] };
  assert.equal(ld['@graph'][0]!['@id'], url);
  assert.equal(ld['@graph'][0]!.url, url);
  const cite = selectAll('[data-cite-text]', select('details.cite-page', iran)!).map((e) => toString(e));
  assert.equal(cite.length, 4);
  for (const t of cite) assert.ok(t.includes(url) || t.includes(url.replace(/^https:\/\//, '')), t);
  assert.equal(select('.cite-note', iran), undefined, 'no note that the references name no address');

  const feed = parseAtomFeed(read('changes.xml'));
  assert.equal(feed.id, `${ROOT}changes/`);
  assert.ok(feed.entries!.every((e) => e.id!.startsWith(`${ROOT}changes/#update-`)));
  assert.match(read('robots.txt'), new RegExp(`^Sitemap: ${ROOT}sitemap-index\\.xml$`, 'm'));
  // The sitemap lists every built page but the 404, at its address under SITE_URL (the e2e specs read the pages from dist/).
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  const listed = locs(read('sitemap-index.xml')).flatMap((s) => locs(read(s.slice(ROOT.length)))).sort();
  const built = listFiles(join(project.dir, 'dist')).filter((f) => f.endsWith('.html') && f !== '404.html').map((f) => `${ROOT}${f.replace(/index\.html$/, '')}`).sort();
  assert.deepEqual(listed, built);

  // Every reserved host named anywhere is SITE_URL's own (briefing.example.net); the placeholder is nowhere.
  for (const edition of ['dist', 'dist-offline']) {
    const hosts = new Set(reservedHosts(join(project.dir, edition)).map((h) => h.replace(/^.*: (\S+) ×\d+$/, '$1')));
    assert.deepEqual([...hosts], [new URL(SITE_URL).host], edition);
  }
});
