// The search vocabulary (src/lib/search/search-vocabulary.ts): names, aliases and positions the search page plans queries
// with. The hosted search page fetches it on first use; the offline edition carries it inside search-index.js.
import type { APIRoute } from 'astro';
import { loadBriefing } from '../lib/content/site-data.ts';
import { buildVocabulary } from '../lib/search/search-vocabulary.ts';

export const GET: APIRoute = async () => new Response(JSON.stringify(buildVocabulary(await loadBriefing())));
