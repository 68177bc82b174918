// Where the end-to-end tests find Chromium. Playwright cannot download its own browser on this kind of machine, so
// the tests drive the system's Chromium (Debian's `chromium` package) unless CHROMIUM_PATH names another binary.
import { existsSync } from 'node:fs';

export const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Path of a Chromium to use, or undefined (then Playwright's own browser, if installed, is used). */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return CANDIDATES.find((p) => existsSync(p));
}

/** The flags this machine needs: root has no sandbox, and Chromium must not try to reach the network by itself. */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
