/**
 * "Cite this page" (src/components/CiteThisPage.astro): a Copy button beside each reference, added here so that
 * without JavaScript there is no button that does nothing, only the text to select. The result is announced in a
 * live region; where the clipboard is refused, the text is selected for the reader to copy.
 */
for (const box of document.querySelectorAll<HTMLElement>('[data-cite]')) {
  const status = document.createElement('p');
  status.className = 'vh';
  status.setAttribute('role', 'status');
  box.append(status);
  for (const text of box.querySelectorAll<HTMLElement>('[data-cite-text]')) {
    const label = text.parentElement?.previousElementSibling?.textContent ?? '';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'cite-copy';
    // "Copy", then "Copied" for a moment; the name says which reference ("Copy APA citation").
    const word = document.createElement('span');
    word.textContent = 'Copy';
    const which = document.createElement('span');
    which.className = 'vh';
    which.textContent = ` ${label} citation`;
    button.append(word, which);
    button.addEventListener('click', async () => {
      let said = `Copied the ${label} citation.`;
      try {
        await navigator.clipboard.writeText(text.textContent ?? '');
      } catch {
        getSelection()?.selectAllChildren(text);
        said = `The ${label} citation is selected: press Ctrl+C (⌘C on a Mac) to copy it.`;
      }
      // Emptied first, so the same message twice is announced twice.
      status.textContent = '';
      setTimeout(() => (status.textContent = said), 50);
      if (said.startsWith('Copied')) {
        word.textContent = 'Copied';
        setTimeout(() => (word.textContent = 'Copy'), 2000);
      }
    });
    text.after(button);
  }
}
