/**
 * On every page, as a small external module: Ctrl/Cmd-K and `/` (outside text fields) open the
 * search dialog, as does the header's Search link. The dialog's code loads on first use only,
 * so reading a page runs nothing else. On the search page the keys focus its own box.
 */
function editable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

function open(trigger: HTMLElement | null) {
  const own = document.querySelector<HTMLInputElement>('[data-search-page] input[name=q]');
  if (own) return own.focus();
  void import('./dialog.ts').then((m) => m.openSearchDialog(trigger));
}

document.addEventListener('keydown', (event) => {
  const k = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey) && !event.altKey;
  const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !editable(event.target);
  if (!k && !slash) return;
  event.preventDefault();
  open(document.activeElement instanceof HTMLElement ? document.activeElement : null);
});

for (const button of document.querySelectorAll<HTMLElement>('[data-search-open]')) {
  // Announced here, not in the HTML: the shortcuts exist only when this module runs.
  button.setAttribute('aria-keyshortcuts', 'Control+K Meta+K /');
  button.addEventListener('click', (event) => {
    // The header's Search link: a plain click opens the dialog; a new-tab click still follows the link.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    open(button);
  });
  // Warm up before the click lands: fetch the dialog code and Pagefind while the pointer moves in.
  const warm = () => void import('./dialog.ts').then((m) => m.warm());
  button.addEventListener('pointerover', warm, { once: true });
  button.addEventListener('focus', warm, { once: true });
}
