// Two builds of the same sources produce byte-identical dist/ and dist-offline/ (dates come from SOURCE_DATE_EPOCH
// or the last commit, never the clock).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyProject } from '../build/project.ts';

const project = copyProject();
after(() => project.remove());

test('two builds are byte-identical', () => {
  const first = project.build();
  assert.equal(first.status, 0, first.output);
  const a = [project.hash('dist'), project.hash('dist-offline')];
  const second = project.build();
  assert.equal(second.status, 0, second.output);
  const b = [project.hash('dist'), project.hash('dist-offline')];
  for (const i of [0, 1]) {
    const differ = [...a[i]!.keys()].filter((k) => a[i]!.get(k) !== b[i]!.get(k));
    assert.deepEqual(differ, [], `${i === 0 ? 'dist' : 'dist-offline'} differs`);
    assert.deepEqual([...b[i]!.keys()], [...a[i]!.keys()]);
  }
  console.log(`reproducible: ${a[0]!.size} + ${a[1]!.size} files identical across two builds`);
});
