/**
 * Where KaTeX's stylesheet is served (copied by `src/integrations/katex-assets.ts`), as a path
 * inside the site, without base: pages pass it through `href()`.
 */

/** The folder under the site root holding `katex.min.css` and `fonts/`. */
export const KATEX_DIR = 'katex';

/** KaTeX's stylesheet, without base. */
export const KATEX_CSS = `${KATEX_DIR}/katex.min.css`;
