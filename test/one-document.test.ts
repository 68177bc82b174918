import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endnoteId } from '../src/lib/documents/cite-target.ts';
import { nestFragment } from '../src/lib/documents/one-document.ts';

test('a body nested into the one-document brief: ids and in-page links prefixed, headings one level down', () => {
  assert.equal(
    nestFragment('<h2 id="europe">Europe</h2><p><a href="#europe">up</a> <a href="/actors/iran/">Iran</a></p><h3 id="x">X</h3>', 'regional-stakes'),
    '<h3 id="regional-stakes-europe">Europe</h3><p><a href="#regional-stakes-europe">up</a> <a href="/actors/iran/">Iran</a></p><h4 id="regional-stakes-x">X</h4>',
  );
});

test('links to the endnotes, which the brief holds once, are left as they are', () => {
  const note = endnoteId('muscat-2026-02-06', 3);
  assert.equal(note, 'note-muscat-2026-02-06-3');
  assert.equal(nestFragment(`<sup class="cite"><a href="#${note}">¶3</a></sup>`, 'overview'), `<sup class="cite"><a href="#${note}">¶3</a></sup>`);
});
