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

  // "Copy BibTeX": made here, only where the Clipboard API is there (no button that cannot work,
  // and no markup for it on each of 50,000 pages that a reader without scripts would not use).
  // The button and the status line join the heading's row, so adding them moves nothing below.
  const source = document.getElementById('bibtex');
  const heading = source?.parentElement?.querySelector('h2');
  if (!source || !heading || !navigator.clipboard) return;
  const row = document.createElement('div');
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  status.dataset.copyStatus = '';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'btn';
  button.dataset.copy = 'bibtex';
  button.textContent = 'Copy BibTeX';
  heading.replaceWith(row);
  row.append(heading, status, button);
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(source.textContent || '');
      status.textContent = 'BibTeX copied to the clipboard.';
    } catch {
      status.textContent = 'Could not copy: select the entry and copy it by hand.';
    }
  });
})();
