import { z } from 'astro/zod';
import type { CollectionName, EntryRef, RefFactory } from './common.ts';

/**
 * Stand-in for Astro's reference() outside Astro (the content validator, unit tests): parses an id into
 * { id, collection }. Whether the entry exists is checked afterwards, by checkIntegrity.
 */
export const idRef: RefFactory = (collection: CollectionName) => z.string().transform((id): EntryRef => ({ id, collection }));
