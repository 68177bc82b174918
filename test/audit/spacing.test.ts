// No words glued together across element edges ("browse the|glossary", "2026|(sources)"), on any page of either
// edition: the checker is test/audit/glued-text.ts, unit-tested in test/glued-text.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findGluedInHtml } from './glued-text.ts';
import { htmlFiles } from './pages.ts';

for (const edition of ['dist', 'dist-offline'])
  test(`${edition}: no page runs two words together across an element's edge`, () => {
    const pages = htmlFiles(edition);
    assert.ok(pages.length > 50, `${pages.length} pages (build first)`);
    const findings = pages.flatMap((page) => findGluedInHtml(readFileSync(join(edition, page), 'utf8')).map((g) => `${page}: "${g.context}" (<${g.element}>)`));
    assert.deepEqual(findings, []);
  });
