// Bad content is refused with one message naming the file, the field and the fix. Each fault is injected into a
// throwaway copy of content/ and run through the validator the build runs first (scripts/build.ts), in this process:
// the validator alone decides, before Astro starts. rebuild.test.ts runs one of these faults through a real build.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateContent } from '../../src/lib/content/validate-content.ts';
import { SITE } from '../../src/site.ts';
import { FAULTS, IGNORED } from './content-faults.ts';

const here = new URL('../../', import.meta.url).pathname;
// The copy sits in content/ under a temporary working directory, so that the messages name files exactly as a
// build in the project root does ("content/actors/iran.mdx": the validator names them relative to the cwd).
const root = mkdtempSync(join(tmpdir(), 'briefing-faults-'));
const content = join(root, 'content');
const cwd = process.cwd();
before(() => process.chdir(root));
after(() => { process.chdir(cwd); rmSync(root, { recursive: true, force: true }); });
beforeEach(() => {
  rmSync(content, { recursive: true, force: true });
  rmSync(join(root, 'outside'), { recursive: true, force: true });
  cpSync(join(here, 'content'), content, { recursive: true });
});

test('the content as it stands has no problem (so each fault below is the only one)', () => {
  assert.deepEqual(validateContent(content, SITE.defaultSource).problems, []);
});

for (const { name, file, change, message, setup } of FAULTS) {
  test(`the build refuses ${name}, with one message that names the file, the field and the fix`, () => {
    if (setup) setup(root);
    else writeFileSync(join(root, file), change(readFileSync(join(root, file), 'utf8')));
    const { problems } = validateContent(content, SITE.defaultSource);
    assert.equal(problems.length, 1, `expected exactly one problem, got:\n${problems.join('\n')}`);
    assert.match(problems[0]!, message);
    assert.ok(!problems[0]!.includes(root), `the message should name the file relative to the project: ${problems[0]}`);
  });
}

for (const { name, setup } of IGNORED) {
  test(`the validator passes over ${name} without reading it`, () => {
    setup(root);
    assert.deepEqual(validateContent(content, SITE.defaultSource).problems, []);
  });
}
