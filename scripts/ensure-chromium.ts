// Makes sure a Chromium is there for the end-to-end tests: the system's if present; else Debian's package when
// running as root; else Playwright's own download. Fails saying what to do when none of these works.
import { execFileSync } from 'node:child_process';
import { findChromium } from './chromium.ts';

const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });

function ensure(): string {
  const found = findChromium();
  if (found) return found;
  if (process.getuid?.() === 0) {
    console.log("chromium: not found; installing Debian's chromium package with apt-get…");
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium']);
    const installed = findChromium();
    if (!installed) throw new Error('apt-get finished but no chromium binary appeared');
    return installed;
  }
  console.log("chromium: not found and not root; downloading Playwright's own Chromium…");
  run('npx', ['playwright', 'install', 'chromium']);
  return "Playwright's own Chromium";
}

try {
  console.log(`chromium: using ${ensure()}`);
} catch (error) {
  console.error(
    `chromium: none available (${(error as Error).message}). Install one (Debian/Ubuntu: \`sudo apt-get install chromium\`) ` +
      'or set CHROMIUM_PATH to a Chromium or Chrome binary, then run the tests again.',
  );
  process.exit(1);
}
