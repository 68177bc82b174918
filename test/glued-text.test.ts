// The glued-text checker behind test/audit/spacing.test.ts, on small snippets: what it finds, and what it lets be.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findGluedColons, findGluedInHtml } from './audit/glued-text.ts';

const found = (html: string) => findGluedInHtml(`<!doctype html><html><head><title>T</title></head><body>${html}</body></html>`).map((g) => g.context);

test('finds a word, a digit or a full stop run into a link or an element', () => {
  assert.deepEqual(found('<p>browse the<a href="/g/">glossary</a> and the <a href="/a/">actors</a></p>'), ['browse the|glossary']);
  assert.deepEqual(found('<p>It comes from.<a href="/s/">Search the briefing</a>.</p>'), ['It comes from.|Search the briefing']);
  assert.deepEqual(found('<p><a href="/z">Download</a><span>(zip, 474 KB)</span></p>'), ['Download|(zip, 474 KB)']);
  assert.deepEqual(found('<p>dated 6 February 2026(<a href="/s/">sources</a>).</p>'), ['dated 6 February 2026(|sources']);
  assert.deepEqual(found('<p><em>Iran</em>and the US</p>'), ['Iran|and the US']);
  assert.deepEqual(found('<noscript><p>the <a>actors</a>, the<a>issues</a></p></noscript>'), [', the|issues'], 'text without scripts counts');
  assert.deepEqual(found('<p hidden>or the<a>glossary</a></p>'), ['or the|glossary'], 'hidden text that scripts show counts');
});

test('lets be spaces, punctuation after a link, citation marks, words split by <mark>, possessives and hyphens', () => {
  assert.deepEqual(found('<p>browse the <a>glossary</a>, the <a>issues</a>.</p>'), []);
  assert.deepEqual(found('<p>Oman mediates for <a>Iran</a><sup class="cite">[<a href="#p1">¶1</a>]</sup> and <a>Iran</a><sup>¶3</sup></p>'), []);
  assert.deepEqual(found('<p>Ar<mark>aqchi</mark> and <mark>Ara</mark>qchi</p>'), []);
  assert.deepEqual(found('<p><a>Iran</a>’s and <a>Iran</a>\'s, <a>co</a>-chair, (<a>sources</a>)</p>'), []);
});

test('skips what is not running text: the title, scripts, styles, SVG, and across block elements and <br>', () => {
  assert.deepEqual(found('<svg><text>a</text><text>b</text></svg><script>var a="x"</script><style>a{}</style>'), []);
  assert.deepEqual(found('<ul><li>one</li><li>two</li></ul><p>end<br>start</p><div>a</div><div>b</div>'), []);
  assert.deepEqual(findGluedInHtml('<html><head><title>a<b>b</b></title></head><body></body></html>'), []);
});

test('finds a colon that follows an element and runs into the next word: "2015:The"', () => {
  assert.deepEqual(found('<h3><span class="date"><time>2015</time></span>:The 2015 agreement</h3>'), ['2015|:The 2015 agreement']);
  assert.deepEqual(found('<h3><span>Undated</span>:Bashar al-Assad falls</h3>'), ['Undated|:Bashar al-Assad falls']);
  assert.deepEqual(found('<p><a>Iran</a>,the US; <a>Oman</a>;the host</p>'), ['Iran|,the US;', 'Oman|;the host']);
  assert.deepEqual(found('<h3><span><time>2015</time></span>: The 2015 agreement</h3><p><a>Iran</a>, the US, <b>1</b>,000</p>'), []);
});

test('in plain text, finds a word glued to a colon, not URLs, times or spaced colons', () => {
  assert.deepEqual(findGluedColons('Timeline 2015:The 2015 nuclear agreement Undated:Bashar al-Assad falls'), ['2015:The', 'Undated:Bashar']);
  assert.deepEqual(findGluedColons('June 2025 (derived):Israeli air campaign'), ['(derived):Israeli']);
  assert.deepEqual(findGluedColons('2015: The agreement, at 10:30, see https://example.net/brief/ or mailto:x Source: [¶2]'), []);
});
