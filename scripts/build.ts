/**
 * `npm run build`: check the settings and the content, build both editions into a folder of their own, and only when
 * everything succeeded make them the current ones. A failed or killed build leaves the previous output exactly as
 * it was, and a second build in the same folder waits for the first.
 *
 *   .builds/<id>/dist, .builds/<id>/dist-offline   one folder per build
 *   .builds/current → <id>                          which build is live: one symlink, replaced in one rename
 *   dist → .builds/current/dist                     fixed links, so dist/ and dist-offline/ are always there,
 *   dist-offline → .builds/current/dist-offline     always of the same build
 *
 * The previous build is kept (`.builds/<id>` of the last one); older ones and those of killed builds are removed.
 *
 * Two processes: Astro's (`astro build`, which writes the pages of dist/) and this one, which validates the content
 * first, draws the preview images and starts Chromium while Astro renders, and runs the post-build steps
 * (src/integrations/post-build.ts: Pagefind, the PDF, the EPUB, the offline edition, the images) once Astro's process
 * has ended, so they never share its heap.
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import lockfile from 'proper-lockfile';
import { warmOgCacheAside } from '../src/integrations/og-images.ts';
import { recordTiming } from '../src/integrations/timings.ts';
import { ogCacheDir } from '../src/lib/images/og-cache.ts';
import { hostedRoot } from '../src/lib/pages/links.ts';
import { pageManifest } from '../src/lib/pages/page-manifest.ts';
import { sitePages } from '../src/lib/pages/site-pages.ts';
import { contentDir, contentDirProblem } from '../src/lib/content/content-dir.ts';
import { NO_SITE_URL, readSettings, type Settings } from '../src/lib/pages/settings.ts';
import { validateContent } from '../src/lib/content/validate-content.ts';
import { SITE } from '../src/site.ts';
import { findChromium } from './chromium.ts';

const root = process.cwd();
const started = performance.now();
const EDITIONS = ['dist', 'dist-offline'] as const;
const builds = join(root, '.builds');
const current = join(builds, 'current');

/** For the build tests: stop at a named point (and say so in a file), so a test can kill the build right there. */
function holdAt(point: string): void {
  if (process.env.BRIEFING_BUILD_HOLD !== point) return;
  writeFileSync(process.env.BRIEFING_BUILD_HOLD_FILE ?? join(root, '.build-hold'), point);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 600_000);
}

const UNCHANGED = 'Nothing was built; dist/ and dist-offline/ are unchanged.';
/** Stops the build with one line: what is wrong and the fix (the message), and that nothing changed. */
function refuse(message: string): never {
  console.error(`${message} ${UNCHANGED}`);
  process.exit(1);
}

let settings: Settings;
try {
  settings = readSettings(process.env);
} catch (error) {
  refuse((error as Error).message);
}
const { site, base, siteGiven } = settings;
const contentProblem = contentDirProblem(process.env);
if (contentProblem) refuse(contentProblem);

/** A folder or file the build must write that it cannot (read-only disk, no permission, a file in the way), in one line. */
function unwritable(error: unknown, path: string): never {
  const code = (error as { code?: string }).code;
  if (!code || !['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'ENOSPC'].includes(code)) throw error;
  const why = code === 'EROFS' ? 'is on a read-only file system' : code === 'ENOSPC' ? 'is on a full disk'
    : code === 'ENOTDIR' || code === 'EEXIST' ? 'cannot be made: a file is in the way' : 'is not writable by this user';
  refuse(`The build writes ${path} (and .build.lock beside it), which ${why} (${code}). Fix: run the build in a copy of the project on a writable disk${code === 'ENOTDIR' || code === 'EEXIST' ? ', or move the file away' : ', or make the folder writable'}.`);
}

const { problems, warnings, graph } = validateContent(contentDir(), SITE.defaultSource);
recordTiming('validation', performance.now() - started);
for (const w of warnings) console.warn(`warning: ${w}`);
if (problems.length) {
  console.error(`The content has ${problems.length} problem(s); nothing was built and dist/ is unchanged:`);
  for (const p of problems) console.error(`- ${p}`);
  process.exit(1);
}

// The PDF step prints /brief/ with Chromium: find one, or install Debian's package when root (scripts/ensure-chromium.ts),
// or stop here saying what to install.
if (!findChromium() && spawnSync(process.execPath, [join(import.meta.dirname, 'ensure-chromium.ts')], { stdio: 'inherit' }).status !== 0) {
  console.error(UNCHANGED);
  process.exit(1);
}

// One build at a time in this folder: a second one waits (up to 10 minutes) for the lock. The lock is refreshed while
// the build runs, so a build that was killed leaves a lock that goes stale after 10 s and is then taken over.
try {
  mkdirSync(builds, { recursive: true });
  accessSync(builds, constants.W_OK);
  accessSync(root, constants.W_OK);
} catch (error) {
  unwritable(error, builds);
}
const lockOptions = { lockfilePath: join(root, '.build.lock'), stale: 10_000, update: 2_000 };
let release: () => Promise<void>;
try {
  release = await lockfile.lock(root, { ...lockOptions, retries: 0 });
} catch (error) {
  if ((error as { code?: string }).code !== 'ELOCKED') unwritable(error, join(root, '.build.lock'));
  console.log('Another build is running in this folder; waiting for it to finish…');
  try {
    release = await lockfile.lock(root, { ...lockOptions, retries: { retries: 600, factor: 1, minTimeout: 1_000, maxTimeout: 1_000 } });
  } catch {
    console.error('Another build still holds .build.lock after 10 minutes; nothing was built. Fix: wait for it, or stop it.');
    process.exit(1);
  }
}

/** The build that is live now, if any (the target of .builds/current). */
const live = (): string | undefined => (existsSync(current) ? readlinkSync(current) : undefined);
const previous = live();

// Folders of builds that are neither live nor the previous one (older builds, killed builds) go.
for (const name of readdirSync(builds)) if (name !== 'current' && name !== previous && !name.startsWith('current.')) rmSync(join(builds, name), { recursive: true, force: true });

const id = `${new Date().toISOString().replace(/[-:.]/g, '').replace('T', '-').slice(0, 15)}-${process.pid}`;
const out = join(builds, id);
try {
  mkdirSync(out);
} catch (error) {
  await release();
  unwritable(error, out);
}
// Once, when everything is ready to build: what the missing setting leaves out (src/lib/pages/settings.ts, the README's
// "Without SITE_URL"). After every refusal, so that a refused build still says one line.
if (!siteGiven) console.log(NO_SITE_URL);
holdAt('astro');
// Astro's own command line, run on this Node (npm scripts run on the Node 24 of the `node` devDependency).
const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
// Run asynchronously, so the lock keeps being refreshed while Astro works.
const astroDone = new Promise<number>((resolve) => {
  // A larger heap than Node's default (about 4 GB here), for headroom: at 10,000 entries Astro's process reaches
  // about 2.9 GB, and this machine has 24 GB.
  const child = spawn(process.execPath, ['--max-old-space-size=8192', astro, 'build', '--outDir', join(out, 'dist')], {
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  child.on('error', () => resolve(1));
  child.on('close', (code) => resolve(code ?? 1));
});

// While Astro renders, in this process: the steps that follow it are loaded, Chromium is started for the PDF with a
// tab to print in, and the preview images the cache lacks are drawn on a thread of lower priority (warmOgCacheAside),
// from every page's title and type as the page manifest will give them (sitePages on the graph just validated).
const { runPostBuild } = await import('../src/integrations/post-build.ts');
const { launchChromium, openPrintTab } = await import('../src/integrations/pdf.ts');
const browser = launchChromium();
const printTab = openPrintTab(browser);
browser.catch(() => {}); // a failure is reported by the PDF step, which awaits both
printTab.catch(() => {});
const ogCache = ogCacheDir(pathToFileURL(join(root, 'node_modules', '.astro', '/')));
const warming = performance.now();
const ogWarmUp = warmOgCacheAside(pageManifest(sitePages(graph, new Map()), '/').pages, ogCache)
  .finally(() => recordTiming('og warm-up', performance.now() - warming));
ogWarmUp.catch(() => {}); // the image step draws what the warm-up did not, and reports what fails

/** The build failed after Astro started: nothing of it is kept, and the live site stays as it was. */
async function failed(message: string | undefined, status = 1): Promise<never> {
  await (await browser.catch(() => undefined))?.close();
  rmSync(out, { recursive: true, force: true });
  await release();
  if (message) console.error(message);
  console.error('The build failed; dist/ and dist-offline/ are unchanged.');
  process.exit(status);
}

const status = await astroDone;
if (status !== 0 || !existsSync(join(out, 'dist'))) await failed(undefined, status || 1);

// After Astro, in this process rather than Astro's, so they never share its heap (src/integrations/post-build.ts).
const stamp = () => new Date().toTimeString().slice(0, 8);
try {
  await runPostBuild({
    dist: join(out, 'dist'), hostedUrl: hostedRoot(site, base), base, siteGiven, asOf: graph.asOf, ogCache, browser, printTab, ogWarmUp,
    logger: { info: (message) => console.log(`${stamp()} [briefing:post-build] ${message}`) },
  });
} catch (error) {
  await failed((error as Error).message ?? String(error));
}
if (!EDITIONS.every((e) => existsSync(join(out, e)))) await failed(undefined);

// The swap: point a fresh link at the new build, then rename it over .builds/current in one step.
holdAt('swap');
const swapping = performance.now();
const next = join(builds, `current.${process.pid}`);
rmSync(next, { force: true });
symlinkSync(id, next);
renameSync(next, current);
holdAt('links');

// dist and dist-offline are fixed links into .builds/current. Real folders left by an older build script become
// a build of their own first (once), so even then the last good output stays until the new one is in place.
for (const name of EDITIONS) {
  const path = join(root, name);
  const target = join('.builds', 'current', name);
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (stat?.isSymbolicLink() && readlinkSync(path) === target) continue;
  const link = `${path}.link-${process.pid}`;
  rmSync(link, { force: true });
  symlinkSync(target, link);
  if (stat && !stat.isSymbolicLink()) {
    const legacy = join(builds, `legacy-${process.pid}`);
    mkdirSync(legacy, { recursive: true });
    renameSync(path, join(legacy, name));
  }
  renameSync(link, path);
}
for (const name of readdirSync(builds)) if (name.startsWith('legacy-')) rmSync(join(builds, name), { recursive: true, force: true });
recordTiming('swap', performance.now() - swapping);
await release();
console.log(`Built dist/ and dist-offline/ in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
