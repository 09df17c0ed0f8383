// The site's one script file, shared by every page and cached (Base.astro loads it with `defer`).
// Reading never needs it: it registers the service worker and adds the theme toggle (the theme is
// set before first paint inline) and the BibTeX copy button, which only exists when this file runs.
(() => {
  // The Workbox service worker (src/integrations/offline.ts), scoped to the base (this file's own
  // folder), after `load`; not with Save-Data on. The first page is added to the page cache once.
  const self = document.currentScript;
  if (
    self instanceof HTMLScriptElement &&
    'serviceWorker' in navigator &&
    location.protocol !== 'file:' &&
    !navigator.connection?.saveData
  ) {
    const base = new URL('./', self.src);
    addEventListener('load', () =>
      navigator.serviceWorker
        .register(new URL('sw.js', base).pathname, { scope: base.pathname })
        .then(() => navigator.serviceWorker.ready)
        .then(() => caches.open('papershelf-pages'))
        .then((c) => c.add(location.href))
        .catch(() => {}),
    );
  }
})();
(() => {
  const root = document.documentElement;
  const media = matchMedia('(prefers-color-scheme: dark)');
  const stored = () => {
    try {
      return localStorage.getItem('theme');
    } catch {
      return null;
    }
  };
  const apply = (dark) => {
    root.classList.toggle('dark', dark);
    for (const b of document.querySelectorAll('[data-theme-toggle]')) b.setAttribute('aria-pressed', String(dark));
  };
  apply(root.classList.contains('dark'));
  // Follow the system theme live until the reader chooses one.
  media.addEventListener('change', () => {
    if (!stored()) apply(media.matches);
  });
  document.addEventListener('click', (event) => {
    if (!(event.target instanceof Element) || !event.target.closest('[data-theme-toggle]')) return;
    const dark = !root.classList.contains('dark');
    try {
      localStorage.setItem('theme', dark ? 'dark' : 'light');
    } catch {
      // Storage blocked: the choice lasts for this page only.
    }
    apply(dark);
  });

  // "Copy BibTeX": made here where the Clipboard API is (no button that cannot work, and no markup
  // for it on 50,000 pages); it joins the heading's row with its status, so nothing below moves.
  const source = document.getElementById('bibtex');
  const heading = source?.previousElementSibling;
  if (!heading || !navigator.clipboard) return;
  heading.outerHTML = `<div>${heading.outerHTML}<p role="status" data-copy-status></p><button type="button" class="btn" data-copy="bibtex">Copy BibTeX</button></div>`;
  const [, status, button] = source.previousElementSibling.children;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(source.textContent || '');
      status.textContent = 'BibTeX copied to the clipboard.';
    } catch {
      status.textContent = 'Could not copy: select the entry and copy it by hand.';
    }
  });
})();
