// No built file names a host that does not exist. Without SITE_URL the settings fall back to a placeholder origin
// (SITE.defaultUrl, on a domain RFC 2606 reserves for examples), which a reader could copy from a citation or follow
// from a link; the pages, data files, feed, robots.txt and graphics of both editions must name none. Reserved
// example and test names (example.org/.com/.net, *.example, *.invalid, *.test, *.localhost) stand for any such host,
// as a bare host too (MLA writes the address without its scheme). The PDF and the EPUB are audited in
// documents.test.ts. Pagefind's own scripts use example.com as a base for parsing relative URLs, not as an address:
// scripts are not read. A build with SITE_URL is checked in test/build/update-round.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listFiles } from '../../src/lib/output/files.ts';
import { SITE } from '../../src/site.ts';
import { RESERVED_HOST, reservedHosts, TEXT } from './reserved-hosts.ts';

test('the pattern finds the placeholder and other reserved hosts, with and without a scheme, and nothing else', () => {
  const hosts = (s: string) => [...s.matchAll(RESERVED_HOST)].map((m) => m[0]);
  assert.deepEqual(hosts(`from ${SITE.defaultUrl}/actors/iran/`), [new URL(SITE.defaultUrl).host]);
  assert.deepEqual(hosts('Muscat talks briefing, 7 Dec. 2026, muscat-briefing.example.org/actors/iran/.'), ['muscat-briefing.example.org']);
  assert.deepEqual(hosts('https://example.com/x http://a.example/ https://no-address.invalid/ briefing.test'), ['example.com', 'a.example', 'no-address.invalid', 'briefing.test']);
  assert.deepEqual(hosts('https://creativecommons.org/licenses/by/4.0/ https://schema.org an example.org.uk counterexample.organised'), []);
});

for (const edition of ['dist', 'dist-offline']) {
  test(`${edition}: no page, data file, feed, sitemap or graphic names a reserved example host`, () => {
    assert.ok(listFiles(edition).filter((f) => TEXT.test(f)).length > 70, `${edition} has too few text files: build first`);
    assert.deepEqual(reservedHosts(edition), []);
  });
}
