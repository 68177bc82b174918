import { listFiles } from '../../src/lib/output/files.ts';

/** Every HTML file of an edition, relative to its folder. */
export const htmlFiles = (root: string): string[] => listFiles(root).filter((f) => f.endsWith('.html'));
