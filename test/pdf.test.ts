// The PDF step's guard (src/integrations/pdf.ts): a /brief/ page too big to print stops the step in one line naming
// /brief/, the limit and the fix, before Chromium is started.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printTooBig, PRINT_LIMITS, writeBriefPdf } from '../src/integrations/pdf.ts';

test('a /brief/ page over the limit is refused in one line with the fix; one under it is not', () => {
  assert.equal(printTooBig(PRINT_LIMITS.bytes), undefined);
  const message = printTooBig(PRINT_LIMITS.bytes + 1)!;
  assert.match(message, /^The \/brief\/ page is 16\.0 MB of HTML, more than the 16 MB the PDF step prints \(PRINT_LIMITS in src\/integrations\/pdf\.ts\)\. Fix: /);
  assert.equal(message.split('\n').length, 1);
});

test('writeBriefPdf refuses a too-big /brief/ page before it starts Chromium', async () => {
  const dist = mkdtempSync(join(tmpdir(), 'pdf-limit-'));
  try {
    mkdirSync(join(dist, 'brief'));
    writeFileSync(join(dist, 'brief/index.html'), Buffer.alloc(PRINT_LIMITS.bytes + 1, 'a'));
    await assert.rejects(
      writeBriefPdf({ dist, hostedUrl: 'https://example.org/', siteGiven: false, stamp: new Date(0), asOf: '1 May 2030', executablePath: '/nonexistent/chromium' }),
      /^Error: The \/brief\/ page is 16\.0 MB of HTML/,
    );
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});
