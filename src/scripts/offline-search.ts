/** The offline edition's search page (classic script): the shared UI on MiniSearch, with the index from window. */
import type { OfflinePayload } from '../lib/offline-search.ts';
import { miniSearchEngine } from './minisearch-engine.ts';
import { startSearchPage } from './search-page.ts';

const payload = (window as unknown as { BRIEFING_SEARCH?: OfflinePayload }).BRIEFING_SEARCH;
const form = document.getElementById('search');
if (payload && form) startSearchPage(miniSearchEngine(payload, form.dataset.root ?? '../'));
