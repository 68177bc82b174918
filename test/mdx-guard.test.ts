// remark-mdx-guard: MDX content is data. Each hostile or careless snippet is refused with the file, the line and the
// fix; ordinary content passes untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkMdxGuard from '../src/plugins/remark-mdx-guard.ts';

const run = (body: string) => {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMdxGuard);
  const file = new VFile({ path: 'content/actors/x.mdx', value: body });
  processor.runSync(processor.parse(file), file);
};

test('ordinary content passes: Markdown, the allowed components with plain values, page and web links', () => {
  assert.doesNotThrow(() => run([
    'Iran wants **recognition**<Cite p="3" />, see [the glossary](/glossary/) and [a report](https://example.org/r) or',
    '[mail](mailto:a@example.org), [an anchor](#positions), [a relative page](../iran/).<Cite s="muscat-2026-02-06" p={3} />',
    '', '<PositionMatrix />', '', '![A map](/images/map.png)', '', '| a | b |', '| - | - |', '| 1 | 2 |',
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
