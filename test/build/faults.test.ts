// Bad content fails the build loudly, with one message naming the file, the field and the fix; a failed build
// leaves the previous output untouched. Each fault is injected into a throwaway copy of the project.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyProject, type Project } from './project.ts';

let project: Project;
before(() => { project = copyProject(); });
after(() => project.remove());

const replace = (from: string | RegExp, to: string) => (text: string) => {
  const next = text.replace(from, to);
  assert.notEqual(next, text, `the fault was not injected: ${from}`);
  return next;
};

const FAULTS: [name: string, file: string, change: (t: string) => string, message: RegExp][] = [
  ['malformed frontmatter (YAML syntax)', 'content/actors/iran.mdx', replace(/^name: .*$/m, 'name: "Iran'),
    /content\/actors\/iran\.mdx:\d+: the frontmatter is not valid YAML \(.+\)\. Fix: correct the YAML syntax/],
  ['a missing required field', 'content/actors/oman.mdx', replace(/^role: .*\n/m, ''),
    /content\/actors\/oman\.mdx: field "role": is missing\. Fix: add role: \(string\); see src\/schemas\/actor\.ts\./],
  ['an unknown actor reference', 'content/positions/iran--talks-scope.yaml', replace(/^actor: .*$/m, 'actor: atlantis'),
    /content\/positions\/iran--talks-scope\.yaml: field "actor" refers to actors "atlantis", which does not exist\. Use the file name/],
  ['an unknown issue reference', 'content/positions/iran--talks-scope.yaml', replace(/^issue: .*$/m, 'issue: weather'),
    /iran--talks-scope\.yaml: field "issue" refers to issues "weather", which does not exist/],
  ['an unknown glossary term reference', 'content/glossary/jcpoa.mdx', replace(/^related:.*$/m, 'related: [no-such-term]'),
    /content\/glossary\/jcpoa\.mdx: field "related\[0\]" refers to glossary "no-such-term", which does not exist/],
  ['an unknown source reference', 'content/positions/iran--talks-scope.yaml', replace(/muscat-2026-02-06/, 'some-other-paper'),
    /iran--talks-scope\.yaml: field "citations\[0\]" cites source "some-other-paper", which does not exist\. Known sources: muscat-2026-02-06\./],
  ['a citation to paragraph 99', 'content/positions/iran--talks-scope.yaml', replace(/paragraphs: \[[^\]]*\]/, 'paragraphs: [99]'),
    /iran--talks-scope\.yaml: field "citations\[0\]" cites paragraph 99 of "muscat-2026-02-06", which has paragraphs 1–13\. Cite an existing paragraph\./],
  ['a <Cite> to paragraph 99 in an MDX body', 'content/briefing/overview.mdx', replace(/<Cite p="[^"]*" \/>/, '<Cite p="99" />'),
    /content\/briefing\/overview\.mdx:\d+: <Cite p="99"> cites paragraph 99, but source "muscat-2026-02-06" has paragraphs 1–13\. Cite an existing paragraph\./],
  ['two entries with the same slug', 'content/actors/oman.mdx', replace(/^---\n/, '---\nslug: iran\n'),
    /content\/actors\/oman\.mdx: its id "iran" is already used by content\/actors\/iran\.mdx\. Fix: rename one of the files/],
  ['two entries with the same alias', 'content/actors/oman.mdx', replace(/^aliases:.*$/m, 'aliases: ["Tehran"]'),
    /The alias "tehran" is claimed by content\/actors\/iran\.mdx and content\/actors\/oman\.mdx\. Remove it from the aliases of one of them/],
  ['an invalid date', 'content/sources/muscat-2026-02-06.yaml', replace(/^date: .*$/m, 'date: 2026-02-30'),
    /content\/sources\/muscat-2026-02-06\.yaml: field "date": "2026-02-30" is not a real calendar date; write it as YYYY-MM-DD\./],
  ['an invalid event date', 'content/events/rubio-statement.yaml', replace(/on: ["']?2026-02-04["']?/, 'on: "2026-13-04"'),
    /content\/events\/rubio-statement\.yaml: field "date\.on": "2026-13-04" is not a real calendar date; write it as YYYY, YYYY-MM or YYYY-MM-DD\./],
  ['an MDX syntax error', 'content/briefing/what-to-watch.mdx', replace(/\n\n/, '\n\nA stray <div> opens here.\n\n'),
    /content\/briefing\/what-to-watch\.mdx:\d+: the MDX body cannot be read \(.+\)\. Fix: correct the markup/],
  ['a stance outside the vocabulary', 'content/positions/iran--talks-scope.yaml', replace(/^stance: .*$/m, 'stance: maybe'),
    /iran--talks-scope\.yaml: field "stance": is "maybe"\. Fix: use one of demands, rejects, open-to, conditional, warns, urges, concerned, criticises, defends\./],
  ['a relation to an unknown actor', 'content/actors/russia.mdx', replace(/with: iran/, 'with: atlantis'),
    /content\/actors\/russia\.mdx: field "relations\[0\]\.with" refers to actors "atlantis", which does not exist/],
  ['a relation outside the vocabulary', 'content/actors/russia.mdx', replace(/kind: ally-of/, 'kind: frenemy-of'),
    /content\/actors\/russia\.mdx: field "relations\.0\.kind": is "frenemy-of"\. Fix: use one of mediates-for, negotiates-with, ally-of/],
];

for (const [name, file, change, message] of FAULTS) {
  test(`the build refuses ${name}, with one message that names the file, the field and the fix`, () => {
    project.resetContent();
    project.edit(file, change);
    const { status, output } = project.build();
    assert.notEqual(status, 0, 'the build should have failed');
    assert.match(output, message);
    assert.match(output, /The content has 1 problem\(s\); nothing was built and dist\/ is unchanged/);
  });
}

test('a build that fails part-way leaves the previous dist/ and dist-offline/ exactly as they were', () => {
  project.resetContent();
  const first = project.build();
  assert.equal(first.status, 0, first.output);
  const before = [project.hash('dist'), project.hash('dist-offline')];
  assert.ok(before[0]!.size > 80 && before[1]!.size > 70);
  // A fault the content checks cannot see: a page that throws while Astro renders it.
  project.write('src/pages/broken.astro', '---\nthrow new Error("this page is broken on purpose");\n---\n');
  const second = project.build();
  assert.notEqual(second.status, 0);
  assert.match(second.output, /this page is broken on purpose/);
  assert.match(second.output, /The build failed; dist\/ and dist-offline\/ are unchanged\./);
  assert.deepEqual([project.hash('dist'), project.hash('dist-offline')], before);
});
