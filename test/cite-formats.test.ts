// "Cite this page" (src/lib/record/cite-formats.ts): each style's exact output, online and as an offline copy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apa, bibKey, bibtex, chicago, citeFormats, CITE_STYLES, mla, OFFLINE_COPY, texEscape, type CiteInput } from '../src/lib/record/cite-formats.ts';

const page: CiteInput = {
  title: 'Iran on uranium enrichment',
  site: 'Muscat talks briefing',
  path: '/positions/iran--enrichment/',
  revised: new Date('2026-11-30T00:00:00Z'),
  accessed: new Date('2026-12-02T01:49:00Z'),
  url: 'https://muscat-briefing.example.org/positions/iran--enrichment/',
};
const offline: CiteInput = { ...page, url: null, medium: OFFLINE_COPY };
/** A site built without its web address (no SITE_URL): no address, and no word in its place. */
const unaddressed: CiteInput = { ...page, url: null };

test('APA: the group author, the content revision date in place of "n.d.", the title, a retrieval date and the URL', () => {
  assert.equal(apa(page),
    'Muscat talks briefing. (2026, November 30). Iran on uranium enrichment. Retrieved December 2, 2026, from https://muscat-briefing.example.org/positions/iran--enrichment/');
  assert.equal(apa(offline), 'Muscat talks briefing. (2026, November 30). Iran on uranium enrichment [Offline copy].');
  assert.equal(apa(unaddressed), 'Muscat talks briefing. (2026, November 30). Iran on uranium enrichment.');
});

test('MLA: the title in quotes, the site, the abbreviated day, the URL without its scheme, the access date', () => {
  assert.equal(mla(page),
    '“Iran on uranium enrichment.” Muscat talks briefing, 30 Nov. 2026, muscat-briefing.example.org/positions/iran--enrichment/. Accessed 2 Dec. 2026.');
  assert.equal(mla(offline), '“Iran on uranium enrichment.” Muscat talks briefing, 30 Nov. 2026. Offline copy.');
  assert.equal(mla(unaddressed), '“Iran on uranium enrichment.” Muscat talks briefing, 30 Nov. 2026.');
  // MLA writes May, June and July in full and Sept. with four letters.
  assert.match(mla({ ...page, revised: new Date('2026-06-30T00:00:00Z'), accessed: new Date('2026-09-01T00:00:00Z') }), /, 30 June 2026, .*Accessed 1 Sept\. 2026\.$/);
});

test('Chicago: owner as author, the title in quotes, "Last modified" with the content revision date, the URL', () => {
  assert.equal(chicago(page),
    'Muscat talks briefing. “Iran on uranium enrichment.” Last modified November 30, 2026. https://muscat-briefing.example.org/positions/iran--enrichment/.');
  assert.equal(chicago(offline), 'Muscat talks briefing. “Iran on uranium enrichment.” Last modified November 30, 2026. Offline copy.');
  assert.equal(chicago(unaddressed), 'Muscat talks briefing. “Iran on uranium enrichment.” Last modified November 30, 2026.');
});

test('BibTeX: @misc with a key from the path, the corporate author in double braces, url and urldate', () => {
  assert.equal(bibtex(page), [
    '@misc{muscat-talks-briefing-positions-iran--enrichment,',
    '  author  = {{Muscat talks briefing}},',
    '  title   = {{Iran on uranium enrichment}},',
    '  year    = {2026},',
    '  month   = nov,',
    '  date    = {2026-11-30},',
    '  url     = {https://muscat-briefing.example.org/positions/iran--enrichment/},',
    '  urldate = {2026-12-02}',
    '}',
  ].join('\n'));
  assert.equal(bibtex(offline), [
    '@misc{muscat-talks-briefing-positions-iran--enrichment,',
    '  author       = {{Muscat talks briefing}},',
    '  title        = {{Iran on uranium enrichment}},',
    '  year         = {2026},',
    '  month        = nov,',
    '  date         = {2026-11-30},',
    '  howpublished = {Offline copy}',
    '}',
  ].join('\n'));
  assert.equal(bibtex(unaddressed), [
    '@misc{muscat-talks-briefing-positions-iran--enrichment,',
    '  author = {{Muscat talks briefing}},',
    '  title  = {{Iran on uranium enrichment}},',
    '  year   = {2026},',
    '  month  = nov,',
    '  date   = {2026-11-30}',
    '}',
  ].join('\n'));
});

test('BibTeX keys are stable per path; the home page is the site alone', () => {
  assert.equal(bibKey('Muscat talks briefing', '/'), 'muscat-talks-briefing');
  assert.equal(bibKey('Muscat talks briefing', '/actors/iran/'), 'muscat-talks-briefing-actors-iran');
  assert.equal(bibKey('Muscat talks briefing', '/actors/iran/'), bibKey('Muscat talks briefing', '/actors/iran/'));
  assert.match(bibKey('Muscat talks briefing', '/glossary/axis_of resistance/'), /^[a-z0-9-]+$/);
});

test('BibTeX escapes the characters TeX reads as markup', () => {
  assert.equal(texEscape('R&D at 50% for $5 #1 a_b {x} ^ ~ \\'), 'R\\&D at 50\\% for \\$5 \\#1 a\\_b \\{x\\} \\textasciicircum{} \\textasciitilde{} \\textbackslash{}');
  assert.match(bibtex({ ...page, title: 'Oil & gas: 100% "sanctions"' }), /title {3}= \{\{Oil \\& gas: 100\\% "sanctions"\}\}/);
  assert.equal(texEscape('Iran–US talks — overview'), 'Iran--US talks --- overview');
});

test('titles that end in a question mark keep it; inner double quotes become single in quoted titles', () => {
  const asked = { ...page, title: 'Will the talks resume?' };
  assert.match(apa(asked), /\)\. Will the talks resume\? Retrieved /);
  assert.match(mla(asked), /^“Will the talks resume\?” Muscat/);
  assert.match(chicago({ ...page, title: 'The "snapback" clause' }), /“The ‘snapback’ clause\.”/);
});

test('citeFormats gives every style, in the order the page lists them', () => {
  assert.deepEqual(Object.keys(citeFormats(page)), Object.keys(CITE_STYLES));
});
