/**
 * The search page's UI, shared by both editions (the engine differs: Pagefind hosted, MiniSearch offline): query
 * and filters live in the URL (?q=…&actor=…), facets show counts, arrow keys move through results, a live region
 * announces the count.
 */
import { PAGE_TYPES, isPageType } from '../lib/page-types.ts';
import { isEmpty, type Facet, pagefindFilters, readState, searchTerm, writeState, type KnownValues, type SearchState } from '../lib/search-state.ts';
import type { FilterCounts, SearchEngine, SearchHit } from './search-engine.ts';

const PAGE_SIZE = 10;

/** Keeps Pagefind's <mark> highlights and turns anything else into plain text. */
function excerptNodes(html: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  return [...template.content.childNodes].map((node) => {
    if (node.nodeType === Node.TEXT_NODE) return node;
    if (node instanceof HTMLElement && node.tagName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

function renderResult(hit: SearchHit): HTMLLIElement {
  const item = element('li', { className: 'result' });
  item.dataset.type = hit.type ?? '';
  item.dataset.actors = hit.actors.join(' ');
  item.dataset.issues = hit.issues.join(' ');
  const head = element('p', { className: 'result-head' }, element('a', { className: 'result-link', href: hit.url, textContent: hit.title }));
  if (isPageType(hit.type)) head.append(' ', element('span', { className: 'badge', textContent: PAGE_TYPES[hit.type] }));
  item.append(head, element('p', { className: 'excerpt' }, ...excerptNodes(hit.excerpt)));
  if (hit.subResults.length > 0) {
    item.append(element('ul', { className: 'sub-results' }, ...hit.subResults.map((s) =>
      element('li', {}, element('a', { href: s.url, textContent: s.title }), element('p', { className: 'excerpt' }, ...excerptNodes(s.excerpt))))));
  }
  return item;
}

export function startSearchPage(engine: SearchEngine): void {
  const found = document.getElementById('search');
  if (!(found instanceof HTMLFormElement)) return;
  const form: HTMLFormElement = found;
  const input = form.querySelector<HTMLInputElement>('#search-input')!;
  const status = form.querySelector<HTMLElement>('#search-status')!;
  const list = form.querySelector<HTMLOListElement>('#search-results')!;
  const more = form.querySelector<HTMLButtonElement>('#search-more')!;
  const empty = form.querySelector<HTMLElement>('#search-empty')!;
  const facetsBox = form.querySelector<HTMLElement>('.facets')!;
  const boxes = [...form.querySelectorAll<HTMLInputElement>('.facets input[type=checkbox]')];
  facetsBox.hidden = false;

  const valuesOf = (facet: Facet) => new Set(boxes.filter((b) => b.name === facet).map((b) => b.value));
  const known: KnownValues = { type: valuesOf('type'), actor: valuesOf('actor'), issue: valuesOf('issue') };
  const labelOf = (box: HTMLInputElement) => box.parentElement?.textContent?.replace(/\(\d+\)\s*$/, '').trim() ?? box.value;

  let state: SearchState = readState(new URLSearchParams(location.search), known);
  const show = (s: SearchState) => {
    input.value = s.q;
    for (const box of boxes) box.checked = s.filters[box.name as Facet]?.includes(box.value) ?? false;
  };
  const fromForm = (): SearchState => {
    const s: SearchState = { q: input.value, filters: { type: [], actor: [], issue: [] } };
    for (const box of boxes) if (box.checked) s.filters[box.name as Facet].push(box.value);
    return s;
  };

  const showCounts = (counts: FilterCounts) => {
    for (const box of boxes) {
      const n = counts[box.name]?.[box.value] ?? 0;
      const slot = box.parentElement?.querySelector<HTMLElement>('[data-count]');
      if (slot) slot.textContent = `(${n})`;
      box.parentElement?.classList.toggle('zero', n === 0 && !box.checked);
    }
  };

  let generation = 0;
  let remaining: (() => Promise<SearchHit>)[] = [];

  async function renderPage(mine: number) {
    const batch = await Promise.all(remaining.splice(0, PAGE_SIZE).map((load) => load()));
    if (mine !== generation) return;
    list.append(...batch.map(renderResult));
    more.hidden = remaining.length === 0;
  }

  // An empty search page starts the engine (Pagefind's script, WASM and filter indexes) only once the reader
  // does something with the form, so just opening the page costs nothing.
  let engaged = false;
  const engage = () => {
    if (engaged) return;
    engaged = true;
    if (isEmpty(state)) void run();
  };

  async function run() {
    const mine = ++generation;
    history.replaceState(history.state, '', `${location.pathname}${writeState(state)}`);
    if (isEmpty(state) && !engaged) {
      form.dataset.status = 'idle';
      return;
    }
    form.dataset.status = 'loading';
    if (isEmpty(state)) {
      showCounts(await engine.counts());
      if (mine !== generation) return;
      list.replaceChildren();
      status.textContent = '';
      empty.hidden = true;
      more.hidden = true;
      form.dataset.status = 'idle';
      return;
    }
    const outcome = await engine.search(searchTerm(state.q), pagefindFilters(state));
    if (mine !== generation) return;
    showCounts(outcome.counts);
    remaining = [...outcome.hits];
    list.replaceChildren();
    await renderPage(mine);
    if (mine !== generation) return;
    const n = outcome.total;
    const term = searchTerm(state.q);
    const chosen = boxes.filter((b) => b.checked).map(labelOf);
    status.textContent =
      `${n === 0 ? 'No' : n} result${n === 1 ? '' : 's'}` +
      (term ? ` for “${term}”` : '') +
      (chosen.length ? `, filtered by ${chosen.join(', ')}` : '') + '.';
    empty.hidden = n > 0;
    form.dataset.total = String(n);
    form.dataset.status = 'done';
    performance.mark('search:rendered');
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    state = fromForm();
    engine.preload?.(input.value);
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 120);
  });
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLElement).matches('input[type=checkbox]')) {
      state = fromForm();
      void run();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    state = fromForm();
    void run();
  });
  form.addEventListener('reset', (event) => {
    event.preventDefault();
    for (const box of boxes) box.checked = false;
    state = fromForm();
    void run();
  });
  more.addEventListener('click', () => void renderPage(generation));

  // Arrow keys: from the box into the results, and between result links; Enter follows the focused link.
  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a')];
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown') return;
    const first = links()[0];
    if (first) {
      event.preventDefault();
      first.focus();
    }
  });
  list.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    event.preventDefault();
    if (event.key === 'ArrowDown') (all[at + 1] ?? (more.hidden ? all[at] : more))!.focus();
    else (at === 0 ? input : all[at - 1]!).focus();
  });

  addEventListener('popstate', () => {
    state = readState(new URLSearchParams(location.search), known);
    show(state);
    void run();
  });

  show(state);
  engaged = !isEmpty(state);
  void run();
  if (!state.q) input.focus();
  for (const type of ['pointerdown', 'keydown', 'input']) form.addEventListener(type, engage, { once: true });
}
