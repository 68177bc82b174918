import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entryPath, hostedRoot, normaliseBase, paragraphPath, withBase } from '../src/lib/links.ts';

test('withBase joins a base and a path with exactly one slash', () => {
  assert.equal(withBase('/', '/actors/iran/'), '/actors/iran/');
  assert.equal(withBase('/briefings/muscat/', '/actors/iran/'), '/briefings/muscat/actors/iran/');
  assert.equal(withBase('/briefings/muscat', 'actors/'), '/briefings/muscat/actors/');
  assert.equal(withBase('/x/', '/'), '/x/');
  assert.equal(withBase('/x/', '/search/?q=a#b'), '/x/search/?q=a#b');
});

test('normaliseBase turns any BASE_PATH spelling into /a/b/ form', () => {
  assert.equal(normaliseBase(undefined), '/');
  assert.equal(normaliseBase(''), '/');
  assert.equal(normaliseBase('/'), '/');
  assert.equal(normaliseBase('briefings/muscat'), '/briefings/muscat/');
  assert.equal(normaliseBase('/briefings/muscat/'), '/briefings/muscat/');
  assert.equal(normaliseBase(' //a// '), '/a/');
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
