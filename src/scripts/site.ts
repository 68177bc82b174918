/**
 * The little script every page carries: previews for cross-links, keyboard shortcuts to the search box, and, only
 * when a reader arrives from a search result (?highlight=…), Pagefind's highlighter for the matched words. Nothing
 * of search loads otherwise.
 */
import './previews.ts';

const base = document.documentElement.dataset.base ?? '/';

addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement | null;
  const typing = !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  const slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
  const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey;
  if (!slash && !commandK) return;
  const box = document.querySelector<HTMLInputElement>('#search-input') ?? document.querySelector<HTMLInputElement>('#site-search');
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});

if (new URLSearchParams(location.search).has('highlight')) {
  import(/* @vite-ignore */ `${base}pagefind/pagefind-highlight.js`)
    .then(() => {
      const Highlight = (window as unknown as { PagefindHighlight?: new (o: object) => unknown }).PagefindHighlight;
      if (Highlight) new Highlight({ highlightParam: 'highlight', addStyles: false });
    })
    .catch(() => {
      // Highlighting is a nicety; a missing index (e.g. opened from disk) must not break the page.
    });
}
