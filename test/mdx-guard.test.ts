// remark-mdx-guard: MDX content is data. Each hostile or careless snippet is refused with the file, the line and the
// fix; ordinary content passes untouched.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkMdxGuard from '../src/plugins/remark-mdx-guard.ts';

// A content folder with one image of each kind, and files beside it that content may not reach. The guard resolves
// image paths from the MDX file's path, relative to the working folder, as in a build.
const root = mkdtempSync(join(tmpdir(), 'mdx-guard-'));
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
for (const dir of ['content/actors', 'content/images/sub', 'outside']) mkdirSync(join(root, dir), { recursive: true });
writeFileSync(join(root, 'content/images/map.png'), PNG);
writeFileSync(join(root, 'content/images/sub/a b.png'), PNG);
writeFileSync(join(root, 'content/images/fake.png'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
writeFileSync(join(root, 'content/images/map.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
writeFileSync(join(root, 'outside/evil.png'), PNG);
writeFileSync(join(root, 'outside/evil.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
symlinkSync(join(root, 'outside/evil.png'), join(root, 'content/images/linked.png'));
symlinkSync(join(root, 'outside'), join(root, 'content/images/elsewhere'));
const cwd = process.cwd();
process.chdir(root);
after(() => { process.chdir(cwd); rmSync(root, { recursive: true, force: true }); });

const run = (body: string) => {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMdxGuard, { contentDir: 'content' });
  const file = new VFile({ path: 'content/actors/x.mdx', value: body });
  processor.runSync(processor.parse(file), file);
};

test('ordinary content passes: Markdown, the allowed components with plain values, page and web links', () => {
  assert.doesNotThrow(() => run([
    'Iran wants **recognition**<Cite p="3" />, see [the glossary](/glossary/) and [a report](https://example.org/r) or',
    '[mail](mailto:a@example.org), [an anchor](#positions), [a relative page](../iran/).<Cite s="muscat-2026-02-06" p={3} />',
    '', '<PositionMatrix />', '', '![A map](../images/map.png)', '![A detail](../images/sub/a%20b.png "title")', '',
    '![A map again][map]', '', '[map]: ../images/map.png', '', '| a | b |', '| - | - |', '| 1 | 2 |',
  ].join('\n')));
});

const REFUSED: [string, string, RegExp][] = [
  ['an export that runs code', 'Intro.\n\nexport const x = (await import("node:fs")).readFileSync("/etc/passwd", "utf8")\n', /^content\/actors\/x\.mdx:3: import and export run code at build time/],
  ['an import', 'import Evil from "../../src/evil.astro"\n\nText.', /x\.mdx:1: import and export run code/],
  ['an expression', 'One and {1 + 1}.', /x\.mdx:1: \{1 \+ 1\} is code, and content may not run code\. Fix: write the text itself, or escape the brace/],
  ['a script element', 'Text.\n\n<script>alert(1)</script>', /x\.mdx:3: <script> is not allowed in content: MDX here may use only <Cite> and <PositionMatrix>/],
  ['an unknown component', 'Text <Fancy /> here.', /<Fancy> is not allowed in content/],
  ['a spread attribute', 'Text<Cite {...props} />.', /<Cite \{…\}> spreads code into a component/],
  ['an attribute expression', 'Text<Cite p={fetch("x")} />.', /<Cite p=\{fetch\("x"\)\}> is code\. Fix: write a plain value/],
  ['a javascript: link', 'A [link](javascript:alert(1)).', /x\.mdx:1: the link to "javascript:alert\(1\)" is not a page, an anchor, an http\(s\) or a mailto address/],
  ['a data: link', 'A [link](data:text/html,hi).', /the link to "data:text\/html,hi" is not a page/],
  ['a third-party image', 'A ![pixel](https://tracker.example/p.png) here.', /the image "https:\/\/tracker\.example\/p\.png" comes from another host/],
  ['a protocol-relative image', '![x](//cdn.example/x.png)', /the image "\/\/cdn\.example\/x\.png" comes from another host/],
  ['a remote image by reference', 'Text.\n\n![x][i]\n\n[i]: https://evil.example/ref.png', /x\.mdx:3: the image "https:\/\/evil\.example\/ref\.png" comes from another host.*Fix: save the image as PNG, JPEG, WebP, AVIF or GIF in content\/images\//],
  ['an image outside the content folder', '![map](../../outside/evil.png)', /x\.mdx:1: the image "\.\.\/\.\.\/outside\/evil\.png" is outside the content folder, and content may only show images kept in it\. Fix: save the image/],
  ['an SVG from outside the content folder', '![map](../../../outside/evil.svg)', /the image "\.\.\/\.\.\/\.\.\/outside\/evil\.svg" is not a PNG, JPEG, WebP, AVIF or GIF file \(content may not use SVG/],
  ['an SVG inside the content folder', '![map](../images/map.svg)', /the image "\.\.\/images\/map\.svg" is not a PNG, JPEG, WebP, AVIF or GIF file/],
  ['an escape written as %2F', '![map](..%2F..%2Foutside%2Fevil.png)', /the image "\.\.%2F\.\.%2Foutside%2Fevil\.png" is outside the content folder/],
  ['a path from the site root', '![map](/etc/passwd.png)', /the image "\/etc\/passwd\.png" is a path from the site's root/],
  ['a missing image', 'Text.\n\n![map](../images/nowhere.png)', /x\.mdx:3: the image "\.\.\/images\/nowhere\.png" does not exist \(looked for content\/images\/nowhere\.png\)\. Fix:/],
  ['a linked image file', '![map](../images/linked.png)', /the image "\.\.\/images\/linked\.png" is outside the content folder/],
  ['an image through a linked folder', '![map](../images/elsewhere/evil.png)', /the image "\.\.\/images\/elsewhere\/evil\.png" is outside the content folder/],
  ['an SVG named .png', '![map](../images/fake.png)', /the image "\.\.\/images\/fake\.png" is not really a PNG file/],
  ['an image path with a query', '![map](../images/map.png?raw)', /the image path "\.\.\/images\/map\.png\?raw" has a query or fragment \(\? or #\), which the bundler would act on\. Fix:/],
  ['a broken %-escape', '![map](../images/%E0%A4%A.png)', /the image path "\.\.\/images\/%E0%A4%A\.png" has a broken %-escape/],
  ['an attribute written twice', 'Text<Cite p="3" p="4" />.', /x\.mdx:1: <Cite> has the attribute p twice, and only the last would count\. Fix: write it once, listing every paragraph, e.g\. p="3,4"\./],
];

for (const [name, body, message] of REFUSED) {
  test(`refuses ${name}, naming the file, the line and the fix`, () => {
    assert.throws(() => run(body), (error: Error & { loc?: { line: number } }) => {
      assert.match(error.message, message);
      assert.equal(error.loc?.line, Number(/:(\d+):/.exec(error.message)?.[1]), 'loc and message name the same line');
      return true;
    });
  });
}
