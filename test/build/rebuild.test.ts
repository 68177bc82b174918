// Rebuilding a throwaway copy of the project (real `node scripts/build.ts` runs, sharing one copy):
// - the graphics are drawn from content alone: a new event or relation appears in the drawings on the next build,
//   with no other file touched;
// - a build that fails leaves the previous dist/ and dist-offline/ exactly as they were, whether the content checks
//   refuse it before Astro starts (one of the faults of faults.test.ts) or a page throws while Astro renders it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAULTS } from './content-faults.ts';
import { copyProject, type Project } from './project.ts';

let project: Project;
let built: Map<string, string>[];
const output = () => [project.hash('dist'), project.hash('dist-offline')];

before(() => {
  project = copyProject();
  // One successful build of changed content: what the graphics test reads, and the output the failed builds must keep.
  project.write('content/events/test-added-event.yaml', [
    'title: A test event added for the redraw check',
    'date: { on: "2020-03", precision: month }',
    'order: 25',
    'summary: Added by a build test to check that the timeline is drawn from content.',
    'citations: [{ source: muscat-2026-02-06, paragraphs: [11] }]',
    '',
  ].join('\n'));
  project.edit('content/actors/european-parties.mdx', (text) =>
    text.replace(/^order:/m, 'relations:\n  - kind: has-warned\n    with: syria\n    label: "test relation label"\n    citations: [{ source: muscat-2026-02-06, paragraphs: [11] }]\norder:'));
  const { status, output: log } = project.build();
  assert.equal(status, 0, log);
  built = output();
  assert.ok(built[0]!.size > 80 && built[1]!.size > 70);
});
after(() => project.remove());

const svgOf = (html: string, marker: string) => {
  const start = html.indexOf(marker);
  assert.ok(start >= 0, `no ${marker} on the page`);
  return html.slice(html.indexOf('<svg', start), html.indexOf('</svg>', start));
};

test('adding an event and a relation redraws the timeline and the actor map', () => {
  const timeline = svgOf(readFileSync(join(project.dir, 'dist/timeline/index.html'), 'utf8'), 'timeline-graphic');
  assert.match(timeline, /href="#test-added-event"/);
  assert.match(timeline, /March 2020/);
  // 2020 now sits between 2018 and 2023, so the 4-year break became two shorter ones.
  assert.doesNotMatch(timeline, />4 years</);

  const actors = readFileSync(join(project.dir, 'dist/actors/index.html'), 'utf8');
  assert.match(svgOf(actors, 'id="actor-map"'), /test relation label/);
  assert.match(actors, /European parties<\/a> are test relation label <a[^>]*>Syria<\/a>/);
});

test('a build refused by the content checks says why, and leaves the previous dist/ and dist-offline/ exactly as they were', () => {
  const fault = FAULTS.find((f) => f.name === 'a stance outside the vocabulary')!;
  project.edit(fault.file, fault.change);
  const { status, output: log } = project.build();
  project.resetContent();
  assert.notEqual(status, 0, 'the build should have failed');
  assert.match(log, fault.message);
  assert.match(log, /The content has 1 problem\(s\); nothing was built and dist\/ is unchanged/);
  assert.deepEqual(output(), built);
});

test('a build that fails part-way leaves the previous dist/ and dist-offline/ exactly as they were', () => {
  // A fault the content checks cannot see: a page that throws while Astro renders it.
  project.write('src/pages/broken.astro', '---\nthrow new Error("this page is broken on purpose");\n---\n');
  const { status, output: log } = project.build();
  assert.notEqual(status, 0);
  assert.match(log, /this page is broken on purpose/);
  assert.match(log, /The build failed; dist\/ and dist-offline\/ are unchanged\./);
  assert.deepEqual(output(), built);
});

test('a build that fails after Astro, in a post-build step, says why and leaves the previous dist/ and dist-offline/ as they were', () => {
  rmSync(join(project.dir, 'src/pages/broken.astro'), { force: true }); // the test above's
  // The preview images' cache named inside a file: Astro renders every page, then the image step cannot store one.
  const blocker = join(project.dir, 'not-a-folder');
  writeFileSync(blocker, '');
  const { status, output: printed } = project.build({ BRIEFING_OG_CACHE: join(blocker, 'og') });
  const log = printed.replace(/\x1B\[[0-9;]*m/g, ''); // Astro's colours, which it prints in CI
  assert.equal(status, 1, log);
  assert.match(log, /\[build\] Complete!/, 'Astro itself finished');
  assert.match(log, /^ENOTDIR: not a directory, \w+ '[^\n]*not-a-folder\/og[^\n]*\nThe build failed; dist\/ and dist-offline\/ are unchanged\.$/m);
  assert.doesNotMatch(log, /\n\s+at /, 'no stack trace');
  assert.deepEqual(output(), built);
});
