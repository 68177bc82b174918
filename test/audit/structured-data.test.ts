// Structured data and "Cite this page" over every page of both editions: each page's JSON-LD parses, has the type its
// kind calls for, and agrees with what the page shows (its <title> and h1, the footer's "Content last revised" date, its canonical link);
// every URL in it is absolute; the Content-Security-Policy is as strict as before (the only inline scripts are
// JSON-LD data blocks); and "Cite this page" gives the four styles with the page's title, date and address. Built
// without SITE_URL (as npm test builds), no page has a canonical link, the JSON-LD names no address (blank-node ids)
// and the references none; test/build/update-round.test.ts checks a build with SITE_URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { NO_ADDRESS_NOTE, OFFLINE_COPY, texEscape } from '../../src/lib/record/cite-formats.ts';
import { formatDay } from '../../src/schemas/dates.ts';
import { readSettings } from '../../src/lib/pages/settings.ts';
import { SITE } from '../../src/site.ts';
import { fromHtml } from './hast.ts';
import { htmlFiles } from './pages.ts';

type Node = Record<string, unknown>;
// The audits run over the build `npm run build` made, with the same settings.
const given = readSettings(process.env).siteGiven;
const text = (e: Element | undefined) => (e ? toString(e).replace(/\s+/g, ' ').trim() : undefined);
const attr = (e: Element | undefined, name: string) => (e ? String(e.properties[name] ?? '') : undefined);

/** The main node's type (and, for entries, its mainEntity's) by the page's path. */
function expectedTypes(file: string): { type: string; entity?: readonly string[] } {
  const path = `/${file.replace(/index\.html$/, '')}`;
  if (path === '/' || path === '/brief/' || /^\/(briefing|issues|positions)\/[^/]+\/$/.test(path)) return { type: 'Report' };
  if (/^\/actors\/[^/]+\/$/.test(path)) return { type: 'WebPage', entity: ['Country', 'Person', 'Organization'] };
  if (/^\/glossary\/[^/]+\/$/.test(path)) return { type: 'WebPage', entity: ['DefinedTerm'] };
  if (/^\/sources\/[^/]+\/$/.test(path)) return { type: 'WebPage' };
  if (path === '/glossary/') return { type: 'DefinedTermSet' };
  if (path === '/search/') return { type: 'SearchResultsPage' };
  if (path === '/data/') return { type: 'DataCatalog' };
  if (['/actors/', '/issues/', '/sources/', '/timeline/', '/changes/'].includes(path)) return { type: 'CollectionPage', ...(path === '/timeline/' ? { entity: ['ItemList'] } : {}) };
  throw new Error(`${file}: no expected schema.org type; add the page's kind here and in src/lib/record/json-ld.ts.`);
}

/** Every string under a url, @id or urlTemplate key. */
function urlsIn(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) for (const x of v) urlsIn(x, out);
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      if (['url', '@id', 'urlTemplate'].includes(k) && typeof x === 'string') out.push(x);
      urlsIn(x, out);
    }
  return out;
}

const jsonLdOf = (edition: string, file: string) => {
  const tree = fromHtml(readFileSync(join(edition, file), 'utf8'));
  return (selectAll('script[type="application/ld+json"]', tree) as Element[]).map((s) => toString(s));
};

for (const edition of ['dist', 'dist-offline']) {
  const pages = htmlFiles(edition);

  test(`${edition}: the Content-Security-Policy is unchanged and strict; the only inline scripts are JSON-LD data blocks`, () => {
    assert.ok(pages.length > 70, `only ${pages.length} pages`);
    const problems: string[] = [];
    for (const file of pages) {
      const tree = fromHtml(readFileSync(join(edition, file), 'utf8'));
      const csp = attr(select('meta[http-equiv="Content-Security-Policy"]', tree) as Element | undefined, 'content');
      if (csp !== SITE.contentSecurityPolicy) problems.push(`${file}: CSP is "${csp}"`);
      const scriptSrc = csp?.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
      if (scriptSrc !== "script-src 'self' 'wasm-unsafe-eval'") problems.push(`${file}: ${scriptSrc}`);
      for (const s of selectAll('script:not([src])', tree) as Element[])
        if (s.properties.type !== 'application/ld+json') problems.push(`${file}: an inline script (type ${String(s.properties.type)})`);
    }
    assert.deepEqual(problems, []);
  });

  test(`${edition}: each page's JSON-LD has its type and agrees with the page's title, h1, revision date and canonical link`, () => {
    const problems: string[] = [];
    let checked = 0;
    const home = fromHtml(readFileSync(join(edition, 'index.html'), 'utf8'));
    const root = given ? attr(select('link[rel=canonical]', home) as Element, 'href')! : undefined;
    for (const file of pages) {
      const tree = fromHtml(readFileSync(join(edition, file), 'utf8'));
      const blocks = jsonLdOf(edition, file);
      if (file === '404.html') {
        if (blocks.length) problems.push(`${file}: the 404 page carries JSON-LD`);
        continue;
      }
      if (blocks.length !== 1) { problems.push(`${file}: ${blocks.length} JSON-LD blocks`); continue; }
      let doc: { '@context'?: unknown; '@graph'?: Node[] };
      try {
        doc = JSON.parse(blocks[0]!) as typeof doc;
      } catch (error) {
        problems.push(`${file}: JSON-LD does not parse (${(error as Error).message})`);
        continue;
      }
      const canonical = attr(select('link[rel=canonical]', tree) as Element | undefined, 'href');
      const h1 = text(select('h1', tree) as Element | undefined);
      const title = text(select('title', tree) as Element | undefined);
      // The site's own date, which the footer names ("Content last revised …"), not the story's "as of".
      const revised = attr(select('.site-footer time', tree) as Element | undefined, 'dateTime');
      // Without an address the page's node is the first, and names itself by a blank node.
      const main = given ? doc['@graph']?.find((n) => n['@id'] === canonical) : doc['@graph']?.[0];
      const at = (what: string, actual: unknown, expected: unknown) => {
        if (actual !== expected) problems.push(`${file}: ${what} is ${JSON.stringify(actual)}, the page shows ${JSON.stringify(expected)}`);
      };
      at('@context', doc['@context'], 'https://schema.org');
      if (!main) { problems.push(`${file}: no node whose @id is the canonical link ${canonical}`); continue; }
      if (!given && canonical) problems.push(`${file}: a canonical link ${canonical}, with no SITE_URL`);
      const expected = expectedTypes(file);
      at('@type', main['@type'], expected.type);
      if (expected.entity && !expected.entity.includes(String((main.mainEntity as Node | undefined)?.['@type'])))
        problems.push(`${file}: mainEntity is ${JSON.stringify((main.mainEntity as Node | undefined)?.['@type'])}, expected one of ${expected.entity.join(', ')}`);
      at('url', main.url, canonical);
      at('og:url', attr(select('meta[property="og:url"]', tree) as Element | undefined, 'content'), canonical);
      at('name', main.name, h1);
      if (main['@type'] === 'Report') at('headline', main.headline, h1);
      if (title !== h1 && title !== `${h1} · ${SITE.title}`) problems.push(`${file}: <title> "${title}" is not the h1 "${h1}" (with the site's name)`);
      at('dateModified', main.dateModified, revised);
      const site = doc['@graph']!.find((n) => n['@type'] === 'WebSite');
      at('WebSite url', site?.url, root);
      for (const url of urlsIn(doc)) {
        if (root && !url.startsWith(root)) problems.push(`${file}: ${url} is not an absolute URL under ${root}`);
        if (!root && !/^_:[A-Za-z0-9-]+$/.test(url)) problems.push(`${file}: ${url} is an address, with no SITE_URL (a blank node id expected)`);
      }
      if (!root && site?.potentialAction) problems.push(`${file}: a SearchAction, with no SITE_URL to put in its template`);
      if (root && file === 'index.html') {
        const action = site?.potentialAction as Node | undefined;
        at('SearchAction urlTemplate', (action?.target as Node | undefined)?.urlTemplate, `${root}search/?q={search_term_string}`);
        // The search page reads that parameter: its form submits the box as q.
        const search = fromHtml(readFileSync(join(edition, 'search/index.html'), 'utf8'));
        if (!select('form[role=search] input[name=q]', search)) problems.push('search/index.html: no search box named q');
      }
      checked++;
    }
    assert.deepEqual(problems, []);
    console.log(`${edition}: JSON-LD of ${checked} pages agrees with the pages`);
  });

  test(`${edition}: every page but search and the 404 offers "Cite this page" in four styles, with its title, date and address`, () => {
    const problems: string[] = [];
    for (const file of pages) {
      const tree = fromHtml(readFileSync(join(edition, file), 'utf8'));
      const box = select('details.cite-page', tree) as Element | undefined;
      if (file === '404.html' || file === 'search/index.html') {
        if (box) problems.push(`${file}: has "Cite this page"`);
        continue;
      }
      if (!box) { problems.push(`${file}: no "Cite this page"`); continue; }
      if (text(select('summary', box) as Element) !== 'Cite this page') problems.push(`${file}: summary "${text(select('summary', box) as Element)}"`);
      const styles = (selectAll('dt', box) as Element[]).map((e) => text(e));
      if (styles.join() !== 'APA,MLA,Chicago,BibTeX') problems.push(`${file}: styles ${styles.join()}`);
      // Copy buttons come from the script; without it there is nothing to press.
      if (select('button', box)) problems.push(`${file}: a button in the page's HTML`);
      const h1 = text(select('h1', tree) as Element)!;
      const canonical = attr(select('link[rel=canonical]', tree) as Element | undefined, 'href');
      const day = new Date(`${attr(select('.meta-line time', tree) as Element, 'dateTime')}T00:00:00Z`);
      const offline = edition === 'dist-offline';
      if (!canonical && text(select('.cite-note', box) as Element | undefined) !== NO_ADDRESS_NOTE) problems.push(`${file}: no note that the references name no address`);
      if (selectAll('.cite-note', box).length !== (canonical ? 0 : 1)) problems.push(`${file}: ${selectAll('.cite-note', box).length} notes under the references`);
      for (const ref of selectAll('[data-cite-text]', box) as Element[]) {
        const style = String(ref.properties.dataCiteText);
        const t = toString(ref);
        const title = style === 'bibtex' ? texEscape(h1) : h1;
        if (!t.includes(title)) problems.push(`${file}: ${style} lacks the title "${h1}"`);
        if (!t.includes(SITE.title)) problems.push(`${file}: ${style} lacks the site's name`);
        const year = String(day.getUTCFullYear());
        if (!t.includes(year) || (style !== 'bibtex' && !t.includes(String(day.getUTCDate())))) problems.push(`${file}: ${style} lacks the as-of date ${formatDay(day)}`);
        if (!canonical) {
          if (/https?:|\.(org|com|net|example|invalid)\b/.test(t)) problems.push(`${file}: ${style} names an address: ${t}`);
          if (offline !== t.includes(OFFLINE_COPY)) problems.push(`${file}: ${style} ${offline ? 'does not say' : 'says'} it is an offline copy`);
        } else if (!t.includes(style === 'mla' ? canonical.replace(/^https?:\/\//, '') : canonical)) problems.push(`${file}: ${style} lacks the address ${canonical}`);
      }
    }
    assert.deepEqual(problems, []);
  });
}

test('both editions carry the same JSON-LD on each page', () => {
  const differ = htmlFiles('dist-offline').filter((f) => jsonLdOf('dist', f).join() !== jsonLdOf('dist-offline', f).join());
  assert.deepEqual(differ, []);
});
