/** The offline edition's search page (classic script): the shared UI on MiniSearch, with the index from window. */
import type { OfflineIndex } from '../lib/search/offline-search.ts';
import { miniSearchEngine } from './minisearch-engine.ts';
import { startSearchPage } from './search-page.ts';

const index = (window as unknown as { BRIEFING_SEARCH?: OfflineIndex }).BRIEFING_SEARCH;
const form = document.getElementById('search');
if (index && form) startSearchPage(miniSearchEngine(index, form.dataset.root ?? '../'));
