// A build is reproducible: a fresh build of the same sources, in a copy of the project, is byte-identical to the
// dist/ and dist-offline/ that `npm run build` made (npm test runs it just before the audits). Dates come from
// SOURCE_DATE_EPOCH or the last commit, never the clock (src/lib/record/build-date.ts), and the content's from its commits:
// the copy carries the repository, so both come out as in the main build.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDate } from '../../src/lib/record/build-date.ts';
import { copyProject, hashTree } from '../build/project.ts';

const root = new URL('../../', import.meta.url).pathname;
const project = copyProject({ git: true });
after(() => project.remove());

test('a second build of the same sources is byte-identical to dist/ and dist-offline/', () => {
  const { date, from } = buildDate(process.env, root);
  assert.ok(from === 'SOURCE_DATE_EPOCH' || from === 'last commit', `dist/ was stamped with the ${from}, so no build can match it`);
  const a = [hashTree(`${root}dist`), hashTree(`${root}dist-offline`)];
  assert.ok(a[0]!.size > 80 && a[1]!.size > 70, 'dist/ and dist-offline/ should hold a whole build: run npm run build first');
  const built = project.build({ SOURCE_DATE_EPOCH: String(Math.floor(date.getTime() / 1000)) });
  assert.equal(built.status, 0, built.output);
  const b = [project.hash('dist'), project.hash('dist-offline')];
  for (const i of [0, 1]) {
    const name = i === 0 ? 'dist' : 'dist-offline';
    const differ = [...new Set([...a[i]!.keys(), ...b[i]!.keys()])].filter((k) => a[i]!.get(k) !== b[i]!.get(k));
    assert.deepEqual(differ, [], `${name}/ differs from a fresh build of the same sources (stale? run npm run build first)`);
  }
  console.log(`reproducible: ${a[0]!.size} + ${a[1]!.size} files of dist/ and dist-offline/ identical in a second build (date from ${from})`);
});
