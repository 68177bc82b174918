/**
 * `npm run build`: validate the content, build both editions into a temporary folder, and only when everything
 * succeeded replace dist/ and dist-offline/. A failed build leaves the previous output exactly as it was.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { recordTiming } from '../src/integrations/timings.ts';
import { contentDir } from '../src/lib/content-dir.ts';
import { readSettings } from '../src/lib/settings.ts';
import { validateContent } from '../src/lib/validate-content.ts';
import { SITE } from '../src/site.ts';

const root = process.cwd();
const started = performance.now();

try {
  readSettings(process.env);
} catch (error) {
  console.error(`${(error as Error).message}\nNothing was built; dist/ and dist-offline/ are unchanged.`);
  process.exit(1);
}

const { problems, warnings } = validateContent(contentDir(), SITE.defaultSource);
recordTiming('validation', performance.now() - started);
for (const w of warnings) console.warn(`warning: ${w}`);
if (problems.length) {
  console.error(`The content has ${problems.length} problem(s); nothing was built and dist/ is unchanged:`);
  for (const p of problems) console.error(`- ${p}`);
  process.exit(1);
}

const staging = join(root, '.build-staging');
rmSync(staging, { recursive: true, force: true });
mkdirSync(staging, { recursive: true });
// Astro's own command line, run on this Node (npm scripts run on the Node 24 of the `node` devDependency).
const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
const result = spawnSync(process.execPath, [astro, 'build', '--outDir', join(staging, 'dist')], {
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
if (result.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error('The build failed; dist/ and dist-offline/ are unchanged.');
  process.exit(result.status ?? 1);
}

// Swap: the old output moves aside, the new one takes its place, the old one goes.
for (const name of ['dist', 'dist-offline']) {
  const target = join(root, name);
  const old = join(staging, `${name}.old`);
  if (existsSync(target)) renameSync(target, old);
  renameSync(join(staging, name), target);
}
rmSync(staging, { recursive: true, force: true });
console.log(`Built dist/ and dist-offline/ in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
