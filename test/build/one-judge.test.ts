// One judge: whatever Astro would refuse, the validator refuses first, with the file, the line and the fix. For the
// faults where the two could disagree (a raw control byte that js-yaml inside Astro trips on, images the bundler
// resolves on its own), each is injected into a throwaway copy of the project and judged twice: by the validator
// (scripts/build.ts runs it before Astro) and by a bare `astro build` with the same remark plugins, which must
// refuse it too. Every other hostile case is in the in-process fault matrix (content-faults.ts).
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateContent } from '../../src/lib/content/validate-content.ts';
import { SITE } from '../../src/site.ts';
import { FAULTS, type ContentFault } from './content-faults.ts';
import { copyProject, type Project } from './project.ts';

const byName = (name: string): ContentFault => FAULTS.find((f) => f.name === name) ?? assert.fail(`no fault named ${name}`);

/** An SVG with a script, outside content/, that an image link reaches; Astro would copy it into the site. */
const outsideSvg: ContentFault = {
  name: 'an SVG with a script from outside content/',
  file: 'content/briefing/overview.mdx',
  change: (t) => t,
  setup: (root) => {
    mkdirSync(join(root, 'outside'), { recursive: true });
    writeFileSync(join(root, 'outside/evil.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>');
    const file = join(root, 'content/briefing/overview.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n\n/, '\n\n![map](../../outside/evil.svg)\n\n'));
  },
  message: /^content\/briefing\/overview\.mdx:\d+: the image "\.\.\/\.\.\/outside\/evil\.svg" is not a PNG, JPEG, WebP, AVIF or GIF file .*Fix: save the image as PNG, JPEG, WebP, AVIF or GIF in content\/images\/ and link it relatively/,
};

const CASES = [
  byName('a raw control character in frontmatter'),
  byName('a missing image'),
  outsideSvg,
  byName('an image path that escapes with %2F'),
];

const projects: Project[] = [];
after(() => { for (const p of projects) p.remove(); });

/** `astro build` in the copy, without scripts/build.ts and so without the validator in front of it. */
function bareAstroBuild(dir: string): Promise<{ status: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(dir, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: dir, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SOURCE_DATE_EPOCH: '1770336000', CONTENT_DIR: '' },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ status: code ?? 1, output }));
  });
}

describe('the validator and Astro give the same verdict', { concurrency: 2 }, () => {
  for (const fault of CASES) {
    test(`both refuse ${fault.name}; the validator first, naming the file, the line and the fix`, async () => {
      const project = copyProject();
      projects.push(project);
      if (fault.setup) fault.setup(project.dir);
      else project.edit(fault.file, fault.change);

      // The validator, as scripts/build.ts runs it: from the project folder, so it names files as a build does.
      const cwd = process.cwd();
      process.chdir(project.dir);
      let problems: string[];
      try {
        problems = validateContent(join(project.dir, 'content'), SITE.defaultSource).problems;
      } finally {
        process.chdir(cwd);
      }
      assert.equal(problems.length, 1, `expected one problem, got:\n${problems.join('\n')}`);
      assert.match(problems[0]!, fault.message);
      assert.match(problems[0]!, /^content\/[^:]+:\d+: .*Fix: /, 'file, line and fix');

      const astro = await bareAstroBuild(project.dir);
      assert.notEqual(astro.status, 0, `astro build accepted ${fault.name}:\n${astro.output.slice(-2000)}`);
      // Astro (its YAML parser or the same remark plugins) points at the same file and line as the validator.
      const where = `${fault.file.slice('content/'.length)}:${/:(\d+):/.exec(problems[0]!)![1]}:`;
      assert.ok(astro.output.replace(/\x1B\[[0-9;]*m/g, '').includes(where), `astro build failed, but not at ${where}:\n${astro.output.slice(-2000)}`);
      assert.ok(!existsSync(join(project.dir, 'dist/index.html')), 'astro build wrote no site');
    });
  }
});
