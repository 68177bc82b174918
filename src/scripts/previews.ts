/**
 * Previews for links that carry one in data-preview: cross-links (a.xref, the definition or role) and citation
 * markers (¶3, the paragraph's summary and its source). The preview shows on hover and on keyboard focus,
 * stays while the pointer moves onto it, closes with Esc, is tied to the link with aria-describedby so screen
 * readers announce it, and is positioned `fixed` inside the viewport, so nothing on the page moves. On touch, the
 * first tap shows it and a second tap follows the link. Without JavaScript the links are plain links.
 */
const GAP = 8;
let tip: HTMLElement | undefined;
let owner: HTMLAnchorElement | undefined;
let hideTimer: ReturnType<typeof setTimeout> | undefined;
let lastPointer = '';
/** Whether the link under the current tap already had its preview open when the finger came down. */
let openBeforeTap = false;

function tooltip(): HTMLElement {
  if (!tip) {
    tip = document.createElement('div');
    tip.id = 'xref-tip';
    tip.setAttribute('role', 'tooltip');
    tip.hidden = true;
    tip.addEventListener('pointerenter', () => clearTimeout(hideTimer));
    tip.addEventListener('pointerleave', () => hideSoon());
    document.body.append(tip);
  }
  return tip;
}

function place(el: HTMLElement, link: HTMLElement) {
  const r = link.getBoundingClientRect();
  const width = Math.min(352, innerWidth - 2 * GAP);
  el.style.maxWidth = `${width}px`;
  const w = el.offsetWidth;
  const h = el.offsetHeight;
  const left = Math.max(GAP, Math.min(r.left, innerWidth - w - GAP));
  const below = r.bottom + GAP + h <= innerHeight - GAP || r.top - GAP - h < GAP;
  el.style.left = `${left}px`;
  el.style.top = `${below ? r.bottom + GAP : r.top - GAP - h}px`;
}

function show(link: HTMLAnchorElement) {
  clearTimeout(hideTimer);
  const el = tooltip();
  if (owner && owner !== link) owner.removeAttribute('aria-describedby');
  owner = link;
  el.textContent = link.dataset.preview ?? '';
  el.hidden = false;
  place(el, link);
  link.setAttribute('aria-describedby', el.id);
}

function hide() {
  clearTimeout(hideTimer);
  if (tip) tip.hidden = true;
  owner?.removeAttribute('aria-describedby');
  owner = undefined;
}

function hideSoon() {
  clearTimeout(hideTimer);
  hideTimer = setTimeout(hide, 200);
}

const previewLink = (target: EventTarget | null) =>
  target instanceof Element ? target.closest<HTMLAnchorElement>('a[data-preview]') : null;

document.addEventListener('pointerdown', (e) => {
  lastPointer = e.pointerType;
  const link = previewLink(e.target);
  openBeforeTap = !!link && owner === link && !!tip && !tip.hidden;
});
document.addEventListener('pointerover', (e) => {
  const link = previewLink(e.target);
  if (link && e.pointerType !== 'touch') show(link);
});
document.addEventListener('pointerout', (e) => {
  // A finger lifting off is not "leaving": on touch the preview stays until the next tap elsewhere or Esc.
  if (e.pointerType !== 'touch' && previewLink(e.target) && !previewLink(e.relatedTarget)) hideSoon();
});
document.addEventListener('focusin', (e) => {
  const link = previewLink(e.target);
  if (link) show(link);
  else if (owner) hide();
});
document.addEventListener('focusout', (e) => {
  if (previewLink(e.target)) hideSoon();
});
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && owner) hide();
});
document.addEventListener('click', (e) => {
  const link = previewLink(e.target);
  if (!link || lastPointer !== 'touch') return;
  if (!openBeforeTap) {
    e.preventDefault(); // first tap previews; the second one follows the link
    show(link);
  }
});
addEventListener('scroll', () => owner && tip && !tip.hidden && place(tip, owner), { passive: true });
