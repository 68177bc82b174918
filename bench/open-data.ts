/**
 * The open data downloads as built: each file in dist/data/ with its size raw and gzipped (level 9, as the Data page
 * states them), as the rows of docs/benchmarks.md's "Open data" section. `npx node bench/open-data.ts` prints them alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatBytes, openDataPaths, sizesOf } from '../src/lib/record/open-data.ts';

export function openDataSection(dist = 'dist'): string[] {
  const rows = openDataPaths().map((file) => ({ file, ...sizesOf(readFileSync(join(dist, file))) }));
  const total = rows.reduce((sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip }), { raw: 0, gzip: 0 });
  return [
    '## Open data',
    '',
    'Each download of `/data/` (documented on the Data page, `/data/`), as built; gzipped at level 9, as the Data page',
    'states it. The offline edition and its zip carry the same files.',
    '',
    '| file | raw | gzipped |',
    '| --- | --- | --- |',
    ...rows.map((r) => `| \`${r.file}\` | ${formatBytes(r.raw)} | ${formatBytes(r.gzip)} |`),
    `| all ${rows.length} files | ${formatBytes(total.raw)} | ${formatBytes(total.gzip)} |`,
    '',
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(openDataSection().join('\n'));
