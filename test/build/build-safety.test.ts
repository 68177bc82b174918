// Builds never lose work: two builds at once in one folder take turns, and a build killed at any point leaves the
// last good editions in place (scripts/build.ts). Also what a build prints, and where Astro says an MDX error is.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, type Project } from './project.ts';

let project: Project;
let first: { status: number; output: string };
before(() => {
  project = copyProject();
  first = project.build();
});
after(() => project.remove());

const editions = () => [project.hash('dist'), project.hash('dist-offline')];
const HEADLINE = /^headline: .*$/m;
const headline = (text: string) => (t: string) => t.replace(HEADLINE, `headline: ${text}`);
const POSITION = 'content/positions/iran--talks-scope.yaml';

/** Starts a build that stops at `point` (scripts/build.ts holdAt), waits until it is there, and kills it hard. */
async function killAt(point: string): Promise<void> {
  const holdFile = join(project.dir, `.hold-${point}`);
  const child = spawn(process.execPath, ['scripts/build.ts'], {
    cwd: project.dir, stdio: 'ignore',
    env: { ...process.env, SOURCE_DATE_EPOCH: '1770336000', CONTENT_DIR: '', BRIEFING_BUILD_HOLD: point, BRIEFING_BUILD_HOLD_FILE: holdFile },
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  for (let i = 0; i < 600 && !existsSync(holdFile); i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(existsSync(holdFile), `the build never reached "${point}"`);
  child.kill('SIGKILL');
  await exited;
  rmSync(holdFile);
}

test('a build prints the project\'s own messages, not pages of bundler warnings', () => {
  assert.equal(first.status, 0, first.output);
  assert.doesNotMatch(first.output, /MODULE_LEVEL_DIRECTIVE|astro:head-inject/);
  assert.match(first.output, /Built dist\/ and dist-offline\/ in/);
});

test('a build killed before, during or after the switch leaves whole editions: the old ones, or all of the new', async () => {
  const old = editions();
  assert.ok(old[0]!.size > 80 && old[1]!.size > 70);
  project.edit(POSITION, headline('A headline from a build that is killed'));
  for (const point of ['astro', 'swap']) {
    await killAt(point);
    assert.deepEqual(editions(), old, `killed at "${point}": the last good editions must stay as they were`);
  }
  await killAt('links');
  const now = editions();
  assert.notDeepEqual(now[0], old[0], 'killed after the switch: the new build is live');
  for (const edition of ['dist', 'dist-offline'])
    assert.match(readFileSync(join(project.dir, edition, 'positions/iran--talks-scope/index.html'), 'utf8'), /A headline from a build that is killed/, `${edition} is of the new build`);
  // The next build takes over the dead builds' lock and clears their folders.
  const next = project.build();
  assert.equal(next.status, 0, next.output);
  const kept = readdirSync(join(project.dir, '.builds')).filter((n) => n !== 'current');
  assert.ok(kept.length <= 2, `only the live build and the one before it are kept, not ${kept.join(', ')}`);
});

test('two builds at once in one folder take turns, and both editions come out whole and of one build', async () => {
  project.edit(POSITION, headline('A headline written by the second of two builds'));
  const run = () => new Promise<{ status: number; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['scripts/build.ts'], { cwd: project.dir, env: { ...process.env, SOURCE_DATE_EPOCH: '1770336000', CONTENT_DIR: '' } });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    child.on('close', (status) => resolve({ status: status ?? 1, output }));
  });
  const [a, b] = await Promise.all([run(), run()]);
  assert.equal(a.status, 0, a.output);
  assert.equal(b.status, 0, b.output);
  assert.match(`${a.output}\n${b.output}`, /Another build is running in this folder; waiting for it to finish/);
  const live = readFileSync(join(project.dir, '.builds', 'current', 'dist', 'positions/iran--talks-scope/index.html'), 'utf8');
  assert.match(live, /A headline written by the second of two builds/);
  assert.ok(project.hash('dist').size > 80 && project.hash('dist-offline').size > 70);
});

test('Astro reports a content error in an MDX body at the line its message names', () => {
  project.resetContent();
  project.edit('content/actors/oman.mdx', (t) => `${t}\nA stray marker<Cite p="99" />.\n`);
  const line = readFileSync(join(project.dir, 'content/actors/oman.mdx'), 'utf8').split('\n').findIndex((l) => l.includes('p="99"')) + 1;
  // Straight to Astro, past the validator, as `npm run dev` meets the file.
  const astro = join(project.dir, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const r = spawnSync(process.execPath, [astro, 'build', '--outDir', join(project.dir, '.astro-only')], {
    cwd: project.dir, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DIR: '' },
  });
  // Without colours, which Astro may print even when not on a terminal (CI).
  const output = `${r.stdout}\n${r.stderr}`.replace(/\x1B\[[0-9;]*m/g, '');
  assert.notEqual(r.status, 0);
  assert.match(output, new RegExp(`oman\\.mdx:${line}: <Cite p="99"> cites paragraph 99`));
  assert.match(output, new RegExp(`Location:\\s+\\S*oman\\.mdx:${line}:\\d+`), 'the error frame points at the same line');
  project.resetContent();
});

/** A build that must stop before Astro: exit 1, one line naming the cause and the fix, no stack trace, nothing built. */
function refusedInOneLine(r: { status: number; output: string }, message: RegExp): void {
  assert.equal(r.status, 1, r.output);
  const lines = r.output.split('\n').filter((l) => l.trim());
  assert.equal(lines.length, 1, `one line, not:\n${r.output}`);
  assert.match(lines[0]!, message);
  assert.match(lines[0]!, /Fix: .* Nothing was built; dist\/ and dist-offline\/ are unchanged\.$/);
  assert.doesNotMatch(r.output, /\n\s+at |Error:|node:internal/);
}

test('operator mistakes stop the build before Astro in one line each: CONTENT_DIR, SITE_URL, a project folder it cannot write', () => {
  const scratch = copyProject();
  try {
    const before = existsSync(join(scratch.dir, 'dist'));
    refusedInOneLine(scratch.build({ CONTENT_DIR: join(scratch.dir, 'no-such-folder') }), /^CONTENT_DIR is "[^"]*no-such-folder": no such folder\./);
    refusedInOneLine(scratch.build({ CONTENT_DIR: join(scratch.dir, 'package.json') }), /^CONTENT_DIR is "[^"]*package\.json": a file, not a folder\./);
    for (const url of ['muscat', 'http://', 'https://example.org/?x=1', 'https://example.org/#top', 'ftp://example.org/'])
      refusedInOneLine(scratch.build({ SITE_URL: url }), new RegExp(`^SITE_URL is "${url.replace(/[?.*+/]/g, '\\$&')}"`));
    // As root, permissions do not stop a write; a file where the build's folder goes does, as a read-only disk would.
    writeFileSync(join(scratch.dir, '.builds'), 'not a folder');
    refusedInOneLine(scratch.build(), /^The build writes \/\S+\/\.builds \(and \.build\.lock beside it\), which cannot be made: a file is in the way \(EEXIST\)\./);
    assert.equal(existsSync(join(scratch.dir, 'dist')), before, 'dist/ was not made');
  } finally {
    scratch.remove();
  }
});
