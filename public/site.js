// The site's one script file, shared by every page and cached (Base.astro loads it with `defer`).
// Reading never needs it: it adds the theme toggle (the theme itself is set before first paint by
// the inline snippet in Base.astro) and the BibTeX copy button (Cite.astro), which stay hidden
// when this file does not run.
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
