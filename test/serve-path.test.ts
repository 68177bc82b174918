// Which file a local server of the build answers with (src/lib/output/serve-path.ts): nothing outside the built folder, by
// encoded "..", by a symbolic link or by a look-alike sibling folder; no folder, device or FIFO; index.html for a folder.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerFromDist } from '../src/integrations/pdf.ts';
import { servedFile } from '../src/lib/output/serve-path.ts';

const top = mkdtempSync(join(tmpdir(), 'serve-path-'));
after(() => rmSync(top, { recursive: true, force: true }));
const dist = join(top, 'dist');
for (const folder of ['brief', 'empty', 'odd/index.html', 'images'].map((f) => join(dist, f))) mkdirSync(folder, { recursive: true });
writeFileSync(join(dist, 'index.html'), 'home');
writeFileSync(join(dist, 'brief/index.html'), 'brief');
writeFileSync(join(dist, 'images/a b.png'), 'png');
writeFileSync(join(top, 'secret.txt'), 'secret');
mkdirSync(join(top, 'dist-other'));
writeFileSync(join(top, 'dist-other/x.txt'), 'sibling');
symlinkSync(join(top, 'secret.txt'), join(dist, 'out.png'));
symlinkSync('/dev/zero', join(dist, 'zero.png'));
symlinkSync(top, join(dist, 'up'));
symlinkSync('index.html', join(dist, 'same.html'));
symlinkSync(join(top, 'gone'), join(dist, 'dangling.png'));
execFileSync('mkfifo', [join(dist, 'pipe.png')]);

const ok = (path: string, file: string) => assert.deepEqual(servedFile(dist, path), { status: 200, file: join(dist, file) }, path);
const refused = (path: string, status: number) => assert.equal(servedFile(dist, path).status, status, `${path}: ${JSON.stringify(servedFile(dist, path))}`);

test('serves files of the folder, and a folder\'s index.html, with or without the leading "/"', () => {
  ok('/', 'index.html');
  ok('', 'index.html');
  ok('/brief/', 'brief/index.html');
  ok('brief/', 'brief/index.html');
  ok('/brief', 'brief/index.html');
  ok('/images/a%20b.png', 'images/a b.png');
  ok('/same.html', 'index.html'); // a link inside the folder is followed
  ok('/brief/../index.html', 'index.html'); // ".." that stays inside is harmless
  ok('/up/dist/brief/', 'brief/index.html'); // so is a link that leads back in
});

test('refuses every way out of the folder: encoded "..", "%2e%2e", absolute paths, links out, a look-alike sibling', () => {
  for (const path of [
    '/..%2F..%2F..%2Fusr%2Fshare%2Fpixmaps%2Fdebian-logo.png', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/%2E%2E%2Fsecret.txt',
    '/..%2F..%2F..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd', '/brief/..%2F..%2Fsecret.txt', '/..', '/../dist-other/x.txt',
    '/..%2Fdist-other%2Fx.txt', '/out.png', '/up/secret.txt',
  ]) refused(path, 403);
  // An absolute path after the root still means a path under it.
  refused('//etc/passwd', 404);
  refused('/%2Fetc%2Fpasswd', 404);
});

test('serves regular files only: no device, FIFO or folder; 404 for what is not there; 400 for a malformed path', () => {
  refused('/zero.png', 403); // a link to /dev/zero: the 20 GB build
  refused('/..%2F..%2F..%2F..%2F..%2F..%2Fdev%2Fzero', 403);
  refused('/pipe.png', 403); // a FIFO would block the read forever
  refused('/empty/', 404); // a folder with no index.html (was EISDIR)
  refused('/empty', 404);
  refused('/odd/', 403); // its index.html is a folder
  refused('/index.html/', 404);
  refused('/missing.png', 404);
  refused('/dangling.png', 404);
  refused('/%E0%A4%A', 400);
  refused('/a%00b', 400);
});

test('a root that does not exist serves nothing', () => {
  assert.equal(servedFile(join(top, 'nowhere'), '/').status, 404);
});

test('the PDF step answers Chromium from dist/ through it: the logo outside is refused, /brief/ is served', () => {
  const hosted = 'https://example.org/b/';
  const answer = (path: string) => answerFromDist(dist, hosted, `${hosted}${path}`);
  assert.equal(answer('..%2F..%2F..%2F..%2F..%2F..%2Fusr%2Fshare%2Fpixmaps%2Fdebian-logo.png')?.status, 403);
  assert.equal(answer('zero.png')?.status, 403);
  assert.equal(answer('empty/')?.status, 404);
  assert.deepEqual(answer('brief/?x=1#top'), { status: 200, body: Buffer.from('brief'), contentType: 'text/html' });
  assert.equal(answerFromDist(dist, hosted, 'https://elsewhere.example/x.png'), null);
});
