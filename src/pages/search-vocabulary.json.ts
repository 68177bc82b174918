// The search vocabulary (src/lib/search-vocabulary.ts): names, aliases and positions the search page plans queries
// with. The hosted search page fetches it on first use; the offline edition carries it inside search-index.js.
import type { APIRoute } from 'astro';
import { loadBriefing } from '../lib/site-data.ts';
import { buildVocabulary } from '../lib/search-vocabulary.ts';

export const GET: APIRoute = async () => new Response(JSON.stringify(buildVocabulary(await loadBriefing())));
