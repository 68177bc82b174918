// Hosts under names reserved for examples and tests, found in a built edition's text files (test/audit/placeholder.test.ts,
// test/build/update-round.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../../src/lib/output/files.ts';

/** What a reader reads, clicks or copies, and what machines read: every text file but scripts. */
export const TEXT = /\.(html|xml|json|csv|txt|svg|webmanifest)$/;

/** A host under a name reserved for examples and tests (RFC 2606, RFC 6761), with or without a scheme before it. */
export const RESERVED_HOST = /(?<![a-z0-9.-])(?:[a-z0-9-]+\.)*(?:example\.(?:org|com|net)|[a-z0-9-]+\.(?:example|invalid|test|localhost))(?![a-z0-9-]|\.[a-z])/gi;

/** Every reserved host in the text files of an edition, with its file: "actors/iran/index.html: muscat-briefing.example.org ×19". */
export function reservedHosts(edition: string): string[] {
  const found: string[] = [];
  for (const file of listFiles(edition).filter((f) => TEXT.test(f))) {
    const counts = new Map<string, number>();
    for (const m of readFileSync(join(edition, file), 'utf8').matchAll(RESERVED_HOST)) counts.set(m[0].toLowerCase(), (counts.get(m[0].toLowerCase()) ?? 0) + 1);
    for (const [host, n] of counts) found.push(`${file}: ${host} ×${n}`);
  }
  return found;
}

