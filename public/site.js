// The site's one script file, shared by every page and cached (Base.astro loads it with `defer`).
// Reading never needs it: it registers the service worker and adds the theme toggle (the theme is
// set before first paint inline) and the BibTeX copy button, hidden when this file does not run.
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

  // "Copy BibTeX": revealed only where the Clipboard API is there (no button that cannot work).
  const button = document.querySelector('button[data-copy="bibtex"]');
  const source = document.getElementById('bibtex');
  const status = document.querySelector('[data-copy-status]');
  if (!button || !source || !status || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(source.textContent || '');
      status.textContent = 'BibTeX copied to the clipboard.';
    } catch {
      status.textContent = 'Could not copy: select the entry and copy it by hand.';
    }
  });
})();
