// The graphics are drawn from content alone: a new event or relation appears in the drawings on the next build,
// with no other file touched.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, type Project } from './project.ts';

let project: Project;
before(() => { project = copyProject(); });
after(() => project.remove());

const svgOf = (html: string, marker: string) => {
  const start = html.indexOf(marker);
  assert.ok(start >= 0, `no ${marker} on the page`);
  return html.slice(html.indexOf('<svg', start), html.indexOf('</svg>', start));
};

test('adding an event and a relation redraws the timeline and the actor map', () => {
  project.resetContent();
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
  const { status, output } = project.build();
  assert.equal(status, 0, output);

  const timeline = svgOf(readFileSync(join(project.dir, 'dist/timeline/index.html'), 'utf8'), 'timeline-graphic');
  assert.match(timeline, /href="#test-added-event"/);
  assert.match(timeline, /March 2020/);
  // 2020 now sits between 2018 and 2023, so the 4-year break became two shorter ones.
  assert.doesNotMatch(timeline, />4 years</);

  const actors = readFileSync(join(project.dir, 'dist/actors/index.html'), 'utf8');
  assert.match(svgOf(actors, 'id="actor-map"'), /test relation label/);
  assert.match(actors, /European parties<\/a> test relation label <a[^>]*>Syria<\/a>/);
});
