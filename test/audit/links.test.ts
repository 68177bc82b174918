// 0 broken internal links or anchors in the hosted edition (served at the root, and under a sub-path) and in the
// offline edition (whose file links are also checked over file:// by e2e/offline.spec.ts), with linkinator.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LinkChecker, LinkState } from 'linkinator';
import { copyProject } from '../build/project.ts';
import { htmlFiles } from './pages.ts';

async function brokenLinks(path: string, serverRoot?: string) {
  const result = await new LinkChecker().check({
    path,
    ...(serverRoot ? { serverRoot } : {}),
    recurse: true,
    checkFragments: true,
    // Only this site's pages: anything on another host (the canonical links, the hosted URL) is not fetched.
    linksToSkip: async (link) => !/^https?:\/\/(localhost|127\.0\.0\.1)[:/]/.test(link),
  });
  const checked = result.links.filter((l) => l.state !== LinkState.SKIPPED);
  const broken = checked.filter((l) => l.state === LinkState.BROKEN).map((l) => `${l.parent} → ${l.url} (${l.status})`);
  // linkinator reports each distinct URL once (fragments are checked on their page): count the pages among them,
  // the folder the crawl starts from included (so the home page may count twice: as the folder and as index.html).
  const pages = new Set(checked.map((l) => l.url.split('#')[0]!).filter((u) => /(\/|\.html)$/.test(u) || u === path)).size;
  return { checked: checked.length, pages, broken };
}

for (const edition of ['dist', 'dist-offline']) {
  test(`${edition}: no broken link or anchor on any page`, async () => {
    const { checked, pages, broken } = await brokenLinks(edition);
    assert.deepEqual(broken, []);
    // Every page but the 404 page, which nothing links to.
    const expected = htmlFiles(edition).filter((f) => f !== '404.html').length;
    assert.ok(pages >= expected, `${pages} of ${expected} pages reached`);
    console.log(`linkinator: ${edition}, ${pages} pages, ${checked} distinct links, 0 broken`);
  });
}

const project = copyProject();
const served = mkdtempSync(join(tmpdir(), 'briefing-served-'));
after(() => { project.remove(); rmSync(served, { recursive: true, force: true }); });

test('a build with BASE_PATH=/briefings/muscat/ has no broken link when served there', async () => {
  const built = project.build({ BASE_PATH: '/briefings/muscat/' });
  assert.equal(built.status, 0, built.output);
  mkdirSync(join(served, 'briefings'), { recursive: true });
  cpSync(join(project.dir, 'dist'), join(served, 'briefings', 'muscat'), { recursive: true });
  const { checked, pages, broken } = await brokenLinks('briefings/muscat', served);
  assert.deepEqual(broken, []);
  const expected = htmlFiles(join(served, 'briefings', 'muscat')).length - 1; // all but 404.html
  assert.ok(pages >= expected, `${pages} of ${expected} pages reached`);
  console.log(`linkinator: BASE_PATH build, ${pages} pages, ${checked} distinct links, 0 broken`);
});
