import { test } from 'node:test';
import assert from 'node:assert/strict';
import { offlineHref, rootPrefix } from '../src/lib/pages/offline-links.ts';

test('internal links become relative file links, keeping query and fragment', () => {
  assert.equal(offlineHref('/actors/iran/#positions', 'glossary/jcpoa/index.html', '/'), '../../actors/iran/index.html#positions');
  assert.equal(offlineHref('/', 'actors/iran/index.html', '/'), '../../index.html');
  assert.equal(offlineHref('/', 'index.html', '/'), 'index.html');
  assert.equal(offlineHref('/search/?q=Rubio', 'index.html', '/'), 'search/index.html?q=Rubio');
  assert.equal(offlineHref('/sources/muscat-2026-02-06/#p3', 'sources/muscat-2026-02-06/index.html', '/'), 'index.html#p3');
  assert.equal(offlineHref('/timeline', 'index.html', '/'), 'timeline/index.html');
  assert.equal(offlineHref('/favicon.svg', 'actors/iran/index.html', '/'), '../../favicon.svg');
});

test('honours a base path and leaves everything else alone', () => {
  assert.equal(offlineHref('/b/m/actors/', 'index.html', '/b/m/'), 'actors/index.html');
  assert.equal(offlineHref('/b/m', 'actors/index.html', '/b/m/'), '../index.html');
  assert.equal(offlineHref('/elsewhere/', 'index.html', '/b/m/'), '/elsewhere/');
  for (const href of ['https://example.org/x/', '//cdn.example/x.js', '#p3', 'mailto:a@b.c', '../x/index.html', ''])
    assert.equal(offlineHref(href, 'a/index.html', '/'), href);
});

test('rootPrefix climbs back to the edition root', () => {
  assert.equal(rootPrefix('index.html'), './');
  assert.equal(rootPrefix('actors/iran/index.html'), '../../');
});
