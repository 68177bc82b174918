// Editors see their mistakes: in `npm run dev`, a content problem (here a stance outside the vocabulary, which Astro's
// collections alone would ignore and keep the old value for) shows in Astro's error overlay with the file, the field
// and the fix, and the page comes back as soon as the file is fixed. Runs its own dev server on a project copy.
import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORT = Number(process.env.E2E_DEV_PORT ?? 4339);
const here = new URL('../', import.meta.url).pathname;
const FILE = 'content/positions/iran--talks-scope.yaml';

let dir: string;
let server: ChildProcess;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = mkdtempSync(join(tmpdir(), 'briefing-dev-'));
  for (const name of ['src', 'content', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(join(here, name), join(dir, name), { recursive: true });
  symlinkSync(join(here, 'node_modules'), join(dir, 'node_modules'), 'dir');
  server = spawn(process.execPath, [join(here, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(PORT)], {
    cwd: dir, stdio: 'ignore', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DIR: '' },
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the dev server did not start on port ${PORT}`);
});

test.afterAll(() => {
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

test('a content error shows in the dev overlay with file, field and fix, and clears when fixed', async ({ page }) => {
  test.setTimeout(120_000);
  const url = `http://127.0.0.1:${PORT}/positions/iran--talks-scope/`;
  await page.goto(url);
  await expect(page.locator('h1')).toHaveText('Iran on scope of the talks: only the nuclear file');
  const good = readFileSync(join(dir, FILE), 'utf8');
  writeFileSync(join(dir, FILE), good.replace(/^stance: .*$/m, 'stance: maybe'));
  // The dev server reloads the page on the change; the overlay then says what is wrong and where.
  const overlay = page.locator('vite-error-overlay');
  await expect(overlay).toBeAttached({ timeout: 30_000 });
  await expect(overlay).toContainText('content/positions/iran--talks-scope.yaml: field "stance": is "maybe". Fix: use one of demands');
  writeFileSync(join(dir, FILE), good);
  await expect(overlay).not.toBeAttached({ timeout: 30_000 });
  await expect(page.locator('h1')).toHaveText('Iran on scope of the talks: only the nuclear file');
});
