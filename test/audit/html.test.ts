// 0 HTML validation errors, every page of both editions (rules: .htmlvalidate.mjs, each exception justified there).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { htmlFiles } from './pages.ts';

const validator = new HtmlValidate(new FileSystemConfigLoader());

for (const edition of ['dist', 'dist-offline']) {
  test(`${edition}: every page is valid HTML`, async () => {
    const pages = htmlFiles(edition);
    assert.ok(pages.length > 70, `only ${pages.length} pages in ${edition}`);
    const errors: string[] = [];
    for (const page of pages) {
      const report = await validator.validateFile(join(edition, page));
      for (const result of report.results)
        for (const m of result.messages) errors.push(`${edition}/${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    assert.deepEqual(errors, []);
    console.log(`html-validate: ${pages.length} pages of ${edition}, 0 errors`);
  });
}
