/**
 * The little script every hosted page carries: the phone menu's Escape and outside tap, previews for cross-links, keyboard shortcuts to the search box, Copy
 * buttons for "Cite this page", and, only when a reader arrives from a search result (?highlight=…), Pagefind's
 * highlighter for the matched words. Nothing of search loads otherwise.
 */
import './menu.ts';
import './previews.ts';
import './shortcuts.ts';
import './cite-copy.ts';

const base = document.documentElement.dataset.base ?? '/';

if (new URLSearchParams(location.search).has('highlight')) {
  import(/* @vite-ignore */ `${base}pagefind/pagefind-highlight.js`)
    .then(() => {
      const Highlight = (window as unknown as { PagefindHighlight?: new (o: object) => unknown }).PagefindHighlight;
      // Only the page's own text: without a Pagefind body on the page it would otherwise mark navigation too.
      if (Highlight) new Highlight({ highlightParam: 'highlight', addStyles: false, markContext: 'main article' });
    })
    .catch(() => {
      // Highlighting is a nicety; a missing index must not break the page.
    });
}
