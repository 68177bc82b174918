// Makes sure poppler-utils (pdftotext, pdfinfo, pdftoppm) is there for the document tests (test/audit/documents.test.ts):
// installs Debian's package when running as root and it is missing; else fails saying what to install.
import { execFileSync, spawnSync } from 'node:child_process';

const present = () => spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;

if (!present()) {
  if (process.getuid?.() === 0) {
    console.log("poppler-utils: pdftotext not found; installing Debian's poppler-utils package with apt-get…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'poppler-utils'], { stdio: 'inherit', env });
  }
  if (!present()) {
    console.error('poppler-utils: pdftotext is missing. Install it (Debian/Ubuntu: `sudo apt-get install poppler-utils`), then run the tests again.');
    process.exit(1);
  }
}
