import type { CollectionName } from '../../schemas/common.ts';
import { withBase, entryPath, paragraphPath } from './links.ts';

/** Links for components and pages: the pure helpers of links.ts bound to this build's base path. */
const base = import.meta.env.BASE_URL;

export const href = (path: string): string => withBase(base, path);
export const entryHref = (collection: CollectionName, id: string): string => href(entryPath(collection, id));
export const paragraphHref = (sourceId: string, n: number): string => href(paragraphPath(sourceId, n));
