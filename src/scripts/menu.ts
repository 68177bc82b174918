/**
 * The phone menu (<details class="menu"> in BaseLayout.astro) behaves like a menu button: Escape closes it and
 * returns focus to its summary, and a tap or click outside it closes it. Without JavaScript it is a plain disclosure.
 */
const menu = document.querySelector<HTMLDetailsElement>('details.menu');
if (menu) {
  const summary = menu.querySelector('summary');
  const close = (refocus: boolean) => {
    if (!menu.open) return;
    menu.open = false;
    if (refocus) summary?.focus();
  };
  menu.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close(true);
  });
  document.addEventListener('pointerdown', (event) => {
    if (event.target instanceof Node && !menu.contains(event.target)) close(false);
  });
  // Keyboard focus leaving the menu (Tab past its last link) closes it too.
  menu.addEventListener('focusout', (event) => {
    if (event.relatedTarget instanceof Node && !menu.contains(event.relatedTarget)) close(false);
  });
}
