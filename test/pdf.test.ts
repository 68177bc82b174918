// The PDF step (src/integrations/pdf.ts): a /brief/ page too big to print stops the step in one line naming /brief/,
// the limit and the fix, before Chromium is started; the contents' page numbers are read from the PDF's named
// destinations (as Chromium writes them, or in a /Names tree), and a part printed elsewhere than the contents say is
// named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { contentsMismatch, destinationPages, partPages, printTooBig, PRINT_LIMITS, renumberNodeIds, writeBriefPdf } from '../src/integrations/pdf.ts';

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

/** A PDF of `count` pages with the named destinations given (name → page from 1), in /Dests or a /Names tree. */
async function pdfWith(count: number, dests: Record<string, number>, where: 'Dests' | 'Names'): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < count; i++) doc.addPage();
  const dest = (n: number) => doc.context.obj([doc.getPage(n - 1).ref, PDFName.of('XYZ'), 0, 800, 0]);
  if (where === 'Dests') doc.catalog.set(PDFName.of('Dests'), doc.context.obj(Object.fromEntries(Object.entries(dests).map(([k, n]) => [k, dest(n)]))));
  else {
    const names = Object.entries(dests).sort().flatMap(([k, n]) => [PDFString.of(k), doc.context.obj({ D: dest(n) })]);
    const leaf = doc.context.register(doc.context.obj({ Names: doc.context.obj(names) }));
    doc.catalog.set(PDFName.of('Names'), doc.context.obj({ Dests: doc.context.obj({ Kids: [leaf] }) }));
  }
  return doc;
}

test('the page of each named destination, from /Dests (as Chromium writes them) or from a /Names tree', async () => {
  for (const where of ['Dests', 'Names'] as const) {
    const doc = await pdfWith(4, { overview: 2, actors: 3, endnotes: 4 }, where);
    assert.deepEqual(Object.fromEntries(destinationPages(doc)), { overview: 2, actors: 3, endnotes: 4 }, where);
    const bytes = await doc.save();
    assert.deepEqual(await partPages(bytes, ['overview', 'endnotes']), { overview: 2, endnotes: 4 });
    await assert.rejects(partPages(bytes, ['overview', 'glossary']), /no destination for the contents' part\(s\) #glossary: /);
  }
});

test('a part printed on another page than the contents say is named, with both numbers', () => {
  assert.equal(contentsMismatch({ overview: 2, actors: 15 }, { overview: 2, actors: 15 }), undefined);
  assert.equal(contentsMismatch({ overview: 2, actors: 15 }, { overview: 2, actors: 16 }), '#actors is printed on page 16 but the contents say 15');
  assert.equal(contentsMismatch({}, { overview: 2 }), '#overview is printed on page 2 but the contents say nothing');
});

test("Chromium's structure-element names (node00000329) are renumbered by rank, everywhere they are used", async () => {
  const make = async (numbers: number[]) => {
    const doc = await PDFDocument.create();
    const ids = numbers.map((n) => PDFString.of(`node${String(n).padStart(8, '0')}`));
    // Two header cells, a cell pointing at both, and the name tree listing them in order.
    const cells = ids.map((id) => doc.context.register(doc.context.obj({ S: 'TH', ID: id })));
    doc.context.register(doc.context.obj({ S: 'TD', A: [{ O: 'Table', Headers: ids }] }));
    doc.context.register(doc.context.obj({ Names: [ids[0]!, cells[0]!, ids[1]!, cells[1]!] }));
    renumberNodeIds(doc);
    return doc.context.enumerateIndirectObjects().map(([, o]) => o.toString()).join('\n');
  };
  // The same page printed twice: other numbers, the same order.
  const first = await make([329, 331]);
  assert.equal(first, await make([1204, 1206]));
  assert.doesNotMatch(first, /node\d/);
  assert.match(first, /\/Headers \[ \(n00001\) \(n00002\) \]/);
  assert.match(first, /\/Names \[ \(n00001\) \d+ 0 R \(n00002\) \d+ 0 R \]/);
});
