/**
 * The search page's UI, shared by both editions (the engine differs: Pagefind hosted, MiniSearch offline): query
 * and filters live in the URL (?q=…&actor=…), facets show counts, arrow keys move through results, a live region
 * announces the count. Each query is planned first (src/lib/search/search-vocabulary.ts): its best matches (a name's own
 * page, the positions a question asks about) come first, misspelt names are read as the name, and when no page has
 * every word the pages with most of them are shown.
 */
import { PAGE_TYPES, isPageType } from '../schemas/page-types.ts';
import { FUNCTION_WORDS, planQuery, words, type QueryPlan } from '../lib/search/search-vocabulary.ts';
import { prepareIndex, queryStems, rankPages, stemWord, type RankDoc, type RankIndex } from '../lib/search/search-rank.ts';
import { FACETS, isEmpty, type Facet, pagefindFilters, readState, searchTerm, writeState, type KnownValues, type SearchState } from '../lib/search/search-state.ts';
import { isStance, STANCES } from '../schemas/stance.ts';
import { hitOf, passes, type FilterCounts, type Filters, type SearchEngine, type SearchHit } from './search-engine.ts';

const PAGE_SIZE = 20;
/** Best matches shown above the ranked results, at most. */
const MAX_BEST = 4;

/** What a query finds, before and after the filters. */
export interface Answer {
  plan: QueryPlan;
  stems: string[];
  /** Best matches (shown first, marked), then the ranked pages, each once, filters applied. */
  results: { doc: RankDoc; best: boolean }[];
  /** For each filter value, how many results it would leave with the other facets' selections kept. */
  counts: FilterCounts;
  /** No page had every word: these have most of them. */
  anyWord: boolean;
  /** Words of the query the briefing never uses (as typed). */
  missing: string[];
}

/**
 * A query's answer, the same in both editions: the plan, the engine's candidates ranked by the shared rules
 * (src/lib/search/search-rank.ts), the best matches first, then the filters and their counts over that one list.
 */
export async function answer(engine: SearchEngine, index: RankIndex, vocabularyPlan: (q: string) => QueryPlan, typed: string | null, filters: Filters): Promise<Answer> {
  const plan: QueryPlan = typed ? vocabularyPlan(typed) : { term: null, corrections: [], best: [], verbatim: false };
  const stems = queryStems(plan.term);
  let ranked: RankDoc[];
  let anyWord = false;
  let missing: string[] = [];
  if (plan.term === null || stems.length === 0) ranked = plan.term === null ? index.docs.map((p) => p.doc) : [];
  else {
    // The engine looks for the words as typed and as stems, so its own matching and the shared one both have their say.
    const looked = [...new Set([...words(plan.term).filter((w) => !FUNCTION_WORDS.has(w)), ...stems])];
    const outcome = rankPages(stems, index, await engine.candidates(looked));
    anyWord = outcome.anyWord;
    missing = words(plan.term).filter((w) => outcome.missing.includes(stemWord(w)));
    ranked = outcome.results.map((r) => index.byPath.get(r.path)!.doc);
  }
  const best = plan.best.flatMap((b) => index.byPath.get(b.path)?.doc ?? []).slice(0, MAX_BEST);
  const bestPaths = new Set(best.map((d) => d.path));
  const all = [...best.map((doc) => ({ doc, best: true })), ...ranked.filter((d) => !bestPaths.has(d.path)).map((doc) => ({ doc, best: false }))];
  const counts: FilterCounts = {};
  for (const facet of FACETS) {
    const slot: Record<string, number> = (counts[facet] = {});
    for (const { doc } of all) {
      if (!passes(doc, filters, facet)) continue;
      const values = facet === 'type' ? [doc.type] : facet === 'actor' ? doc.actors : doc.issues;
      for (const v of new Set(values)) slot[v] = (slot[v] ?? 0) + 1;
    }
  }
  return { plan, stems, results: all.filter(({ doc }) => passes(doc, filters)), counts, anyWord, missing: [...new Set(missing)] };
}

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

/** Names of actors and issues by id, for a position's "actor · issue · stance" line. */
type Labels = (facet: Facet, value: string) => string;

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const plainText = (html: string) => excerptNodes(html).map((n) => n.textContent).join('');

function renderResult(hit: SearchHit, labels: Labels, best = false): HTMLLIElement {
  const item = element('li', { className: best ? 'result best' : 'result' });
  item.dataset.type = hit.type ?? '';
  item.dataset.actors = hit.actors.join(' ');
  item.dataset.issues = hit.issues.join(' ');
  item.dataset.path = hit.path;
  const head = element('p', { className: 'result-head' }, element('a', { className: 'result-link', href: hit.url, textContent: hit.title }));
  if (isPageType(hit.type)) head.append(' ', element('span', { className: 'badge', textContent: PAGE_TYPES[hit.type] }));
  if (best) head.append(' ', element('span', { className: 'badge best-badge', textContent: 'Best match' }));
  item.append(head);
  if (hit.type === 'position' && isStance(hit.stance)) {
    const { symbol, label } = STANCES[hit.stance];
    const stance = element('span', { className: 'stance' }, element('span', { ariaHidden: 'true', textContent: symbol }), ` ${label}`);
    stance.dataset.stance = hit.stance;
    const line = element('p', { className: 'result-meta' }, [...hit.actors.map((a) => labels('actor', a)), ...hit.issues.map((i) => labels('issue', i))].join(' · '), ' · ', stance);
    if (hit.summary) line.append(`: ${hit.summary}`);
    item.append(line);
  }
  // The excerpt: the sentence of the page's own text that answers; failing one, the page's summary line (a position's
  // headline is already in its meta line).
  const excerpt = hit.excerpt || (hit.type === 'position' ? '' : escapeText(hit.summary));
  if (plainText(excerpt).trim()) item.append(element('p', { className: 'excerpt' }, ...excerptNodes(excerpt)));
  const subs = hit.subResults.filter((s) => s.title !== hit.title && plainText(s.excerpt) !== plainText(hit.excerpt));
  if (subs.length > 0) {
    item.append(element('ul', { className: 'sub-results' }, ...subs.map((s) =>
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
  const facetsBox = form.querySelector<HTMLDetailsElement>('details.facets')!;
  const activeCount = form.querySelector<HTMLElement>('[data-active-count]')!;
  const boxes = [...form.querySelectorAll<HTMLInputElement>('.facets input[type=checkbox]')];
  facetsBox.hidden = false;
  // Wide screens show the filters beside the results; phones put them behind "Filters", the results first.
  const wide = matchMedia('(min-width: 48.01rem)');
  const placeFilters = () => { facetsBox.open = wide.matches; };
  wide.addEventListener('change', placeFilters);
  placeFilters();

  const valuesOf = (facet: Facet) => new Set(boxes.filter((b) => b.name === facet).map((b) => b.value));
  const known: KnownValues = { type: valuesOf('type'), actor: valuesOf('actor'), issue: valuesOf('issue') };
  const labelOf = (box: HTMLInputElement) => box.parentElement?.textContent?.replace(/\(\d+\)\s*$/, '').trim() ?? box.value;
  const labelByValue = new Map(boxes.map((b) => [`${b.name}:${b.value}`, labelOf(b)]));
  const labels: Labels = (facet, value) => labelByValue.get(`${facet}:${value}`) ?? value;

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
    const active = boxes.filter((b) => b.checked).length;
    activeCount.textContent = active ? `(${active} on)` : '';
    for (const box of boxes) {
      const n = counts[box.name]?.[box.value] ?? 0;
      const slot = box.parentElement?.querySelector<HTMLElement>('[data-count]');
      if (slot) slot.textContent = `(${n})`;
      box.parentElement?.classList.toggle('zero', n === 0 && !box.checked);
    }
  };

  let generation = 0;
  /** The current answer's results not listed yet ("Show more"). */
  let remaining: SearchHit[] = [];

  function renderPage() {
    list.append(...remaining.splice(0, PAGE_SIZE).map((hit) => renderResult(hit, labels)));
    more.hidden = remaining.length === 0;
    more.textContent = `Show ${remaining.length} more result${remaining.length === 1 ? '' : 's'}`;
  }

  // The documents and vocabulary, loaded once the reader searches (prepared once for ranking).
  let prepared: Promise<{ index: RankIndex; plan: (q: string) => QueryPlan }> | undefined;
  const ready = () =>
    (prepared ??= engine.load().then(({ docs, vocabulary }) => {
      const index = prepareIndex(docs);
      const common = index.docs.length / 4;
      return { index, plan: (q: string) => planQuery(q, vocabulary, (w) => index.vocabulary.has(w), (w) => (index.documentFrequency.get(w) ?? 0) > common) };
    }));

  const note = form.querySelector<HTMLElement>('#search-note')!;
  /** Says how the query was read: names it corrected, words it dropped, or that no page had every word. */
  function explain(plan: QueryPlan, typed: string, anyWord: boolean, missing: readonly string[]) {
    note.replaceChildren();
    const parts: (Node | string)[] = [];
    if (plan.corrections.length) {
      const verbatim = element('a', { href: `${location.pathname}${writeState({ ...state, q: `"${typed}"` })}`, textContent: `search for “${typed}” as typed` });
      parts.push(`Read ${plan.corrections.map((c) => `“${c.from}” as “${c.to}”`).join(', ')}; `, verbatim, '.');
    }
    if (missing.length) parts.push(`${parts.length ? ' ' : ''}The briefing never mentions ${missing.map((w) => `“${w}”`).join(' or ')}.`);
    else if (anyWord) parts.push(`${parts.length ? ' ' : ''}No page has all of “${plan.term}”: showing pages with most of these words.`);
    note.append(...parts);
    note.hidden = parts.length === 0;
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
    const { index, plan } = await ready();
    const typed = searchTerm(state.q);
    const result = await answer(engine, index, plan, isEmpty(state) ? null : typed, pagefindFilters(state));
    if (mine !== generation) return;
    showCounts(result.counts);
    if (isEmpty(state)) {
      list.replaceChildren();
      status.textContent = '';
      note.hidden = true;
      empty.hidden = true;
      more.hidden = true;
      form.dataset.status = 'idle';
      return;
    }
    const highlight = result.plan.term?.split(/\s+/).filter(Boolean) ?? [];
    const hits = result.results.map(({ doc, best }) => ({ hit: hitOf(doc, result.stems, engine.url, highlight), best }));
    const best = hits.filter((h) => h.best);
    remaining = hits.filter((h) => !h.best).map((h) => h.hit);
    list.replaceChildren(...best.map(({ hit }) => renderResult(hit, labels, true)));
    renderPage();
    explain(result.plan, typed ?? '', result.anyWord, result.missing);
    // The count is the number of results listed (with "Show more" for the rest), best matches included.
    const n = hits.length;
    const term = result.plan.term;
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
  more.addEventListener('click', () => renderPage());

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
