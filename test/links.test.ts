import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entryPath, hostedRoot, paragraphPath, withBase } from '../src/lib/pages/links.ts';
import { readSettings } from '../src/lib/pages/settings.ts';

test('withBase joins a base and a path with exactly one slash', () => {
  assert.equal(withBase('/', '/actors/iran/'), '/actors/iran/');
  assert.equal(withBase('/briefings/muscat/', '/actors/iran/'), '/briefings/muscat/actors/iran/');
  assert.equal(withBase('/briefings/muscat', 'actors/'), '/briefings/muscat/actors/');
  assert.equal(withBase('/x/', '/'), '/x/');
  assert.equal(withBase('/x/', '/search/?q=a#b'), '/x/search/?q=a#b');
});

test('BASE_PATH in any spelling becomes /a/b/ form', () => {
  const base = (BASE_PATH: string | undefined) => readSettings({ SITE_URL: 'https://example.org', BASE_PATH }).base;
  assert.equal(base(undefined), '/');
  assert.equal(base(''), '/');
  assert.equal(base('/'), '/');
  assert.equal(base('briefings/muscat'), '/briefings/muscat/');
  assert.equal(base('/briefings/muscat/'), '/briefings/muscat/');
  assert.equal(base(' //a// '), '/a/');
});

test('SITE_URL and BASE_PATH are checked, and a path in SITE_URL is honoured', () => {
  // Without SITE_URL the site is a placeholder, and says so (the offline edition then links no online edition).
  assert.deepEqual(readSettings({}), { site: 'https://muscat-briefing.example.org', base: '/', siteGiven: false });
  assert.deepEqual(readSettings({ SITE_URL: 'https://example.org/sub/dir' }), { site: 'https://example.org', base: '/sub/dir/', siteGiven: true });
  assert.deepEqual(readSettings({ SITE_URL: 'https://example.org/sub/dir/', BASE_PATH: 'sub/dir' }), { site: 'https://example.org', base: '/sub/dir/', siteGiven: true });
  assert.throws(() => readSettings({ SITE_URL: 'not a url' }), /^Error: SITE_URL is "not a url", which is not an absolute URL\. Fix: set SITE_URL to/);
  assert.throws(() => readSettings({ SITE_URL: 'ftp://example.org' }), /SITE_URL is "ftp:\/\/example\.org", which is not an http\(s\) URL/);
  assert.throws(() => readSettings({ SITE_URL: 'https://example.org/?a=1' }), /SITE_URL is "https:\/\/example\.org\/\?a=1": a site address has no query/);
  assert.throws(() => readSettings({ SITE_URL: 'https://example.org/a', BASE_PATH: '/b/' }), /path \/a\/ disagrees with BASE_PATH "\/b\/"\. Fix: give the path once/);
  assert.throws(() => readSettings({ BASE_PATH: '/my site/' }), /BASE_PATH is "\/my site\/": the path segment "my site" may use only letters, digits/);
  assert.throws(() => readSettings({ BASE_PATH: '/a/../b/' }), /BASE_PATH is "\/a\/\.\.\/b\/": the path segment "\.\."/);
});

test('entryPath maps each collection to its page, events to timeline anchors, the overview to home', () => {
  assert.equal(entryPath('actors', 'marco-rubio'), '/actors/marco-rubio/');
  assert.equal(entryPath('events', 'rubio-statement'), '/timeline/#rubio-statement');
  assert.equal(entryPath('briefing', 'overview'), '/');
  assert.equal(entryPath('briefing', 'what-to-watch'), '/briefing/what-to-watch/');
  assert.equal(paragraphPath('muscat-2026-02-06', 3), '/sources/muscat-2026-02-06/#p3');
});

test('hostedRoot is the site URL with the base path, ending in a slash', () => {
  assert.equal(hostedRoot('https://example.org', '/briefings/muscat'), 'https://example.org/briefings/muscat/');
  assert.equal(hostedRoot('https://example.org/', '/'), 'https://example.org/');
  assert.equal(hostedRoot(undefined, '/x/'), 'http://localhost/x/');
});
