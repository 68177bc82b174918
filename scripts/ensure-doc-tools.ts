// Makes sure the tools the document tests (test/audit/documents.test.ts) read the PDF and the EPUB with are there:
// poppler-utils (pdftotext, pdftoppm) and EPUBCheck. Installs Debian's packages when running as root and one is
// missing; else fails saying what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's epubcheck ships a jar (its /usr/bin/epubcheck needs binfmt for jars, often missing): run it with java. */
export const EPUBCHECK_JAR = '/usr/share/java/epubcheck.jar';

const TOOLS = [
  { pkg: 'poppler-utils', present: () => spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0 },
  { pkg: 'epubcheck', present: () => existsSync(EPUBCHECK_JAR) && spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0 },
];

const missing = () => TOOLS.filter((t) => !t.present()).map((t) => t.pkg);

if (import.meta.main) {
  let need = missing();
  if (need.length && process.getuid?.() === 0) {
    console.log(`document tools: ${need.join(', ')} missing; installing Debian's package(s) with apt-get…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...need], { stdio: 'inherit', env });
    need = missing();
  }
  if (need.length) {
    console.error(`document tools: ${need.join(', ')} missing. Install (Debian/Ubuntu: \`sudo apt-get install ${need.join(' ')}\`), then run the tests again.`);
    process.exit(1);
  }
}
