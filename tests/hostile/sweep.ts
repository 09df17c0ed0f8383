/**
 * Opens pages of a built site in Chromium and records every sign that digest text ran as script:
 * calls to `alert`/`confirm`/`prompt`/`print`, the hostile payloads' `__hx('<case>')` canary,
 * dialogs, report-only Content-Security-Policy violations (an inline handler or injected `<script>`
 * reports one even when it calls nothing), and links or frames to `javascript:`/`data:` URLs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { htmlFiles } from '../support/html.ts';

/** One sign of script that should not have run, on `page`. */
export interface Hit {
  page: string;
  kind: 'canary' | 'alert' | 'confirm' | 'prompt' | 'print' | 'dialog' | 'csp' | 'script-url';
  detail: string;
}

/** Runs in every page before its own scripts: hooks the dialogs, defines the canary, listens for CSP reports. */
const INIT_SCRIPT = `(() => {
  const report = (kind, detail) => { try { window.__hxReport(kind, String(detail)); } catch {} };
  window.__hx = (id) => report('canary', id);
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = (...args) => { report(name, args.join(' ')); return name === 'confirm' ? false : null; };
  }
  document.addEventListener('securitypolicyviolation', (e) => report('csp', e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '')));
})();`;

/** Executable inline `<script>` bodies of a page (not JSON-LD, not `src=`). */
function inlineScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1]!;
    if (/\bsrc\s*=/i.test(attrs) || /type\s*=\s*"?application\/(ld\+)?json/i.test(attrs)) continue;
    out.push(m[2]!);
  }
  return out;
}

/**
 * A report-only policy allowing the site's own scripts: files from the site, WebAssembly (Pagefind),
 * and the inline scripts of trusted builds (the demo and fixture sites, no hostile text), by hash.
 * Any other inline script or event handler then reports a violation, whether or not it calls anything.
 */
export function reportOnlyPolicy(...trustedDists: string[]): string {
  const hashes = new Set<string>();
  for (const dist of trustedDists) {
    for (const file of htmlFiles(dist)) {
      for (const body of inlineScripts(readFileSync(path.join(dist, file), 'utf8'))) {
        hashes.add(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
      }
    }
  }
  // 'report-sample' puts the start of an offending script in the report, to say what ran.
  return `script-src 'self' 'wasm-unsafe-eval' blob: 'report-sample' ${[...hashes].sort().join(' ')}`;
}

/** A browser context whose pages report hits into `hits` (the binding survives navigations such as redirects). */
export async function recordingContext(browser: Browser, hits: Hit[], viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  await context.exposeBinding('__hxReport', ({ page }, kind: Hit['kind'], detail: string) => {
    hits.push({ page: page ? new URL(page.url()).pathname + new URL(page.url()).search : '?', kind, detail });
  });
  await context.addInitScript(INIT_SCRIPT);
  context.on('page', (page) => watchDialogs(page, hits));
  return context;
}

function watchDialogs(page: Page, hits: Hit[]): void {
  page.on('dialog', async (d) => {
    hits.push({ page: new URL(page.url()).pathname, kind: 'dialog', detail: `${d.type()}: ${d.message()}` });
    await d.dismiss().catch(() => {});
  });
}

/**
 * Links, frames, forms and objects pointing at `javascript:`, `data:` or `vbscript:` URLs on the
 * open page (as the browser resolves them). Passed as text: a bundler's helpers must not leak into it.
 */
const SCRIPT_URLS = `(() => {
  const out = [];
  const check = (el, url) => {
    if (!url) return;
    let protocol;
    try { protocol = new URL(url, location.href).protocol; } catch { protocol = url.trim().split(':')[0] + ':'; }
    if (/^(?:javascript|data|vbscript):$/i.test(protocol)) out.push(el.outerHTML.slice(0, 160));
  };
  for (const el of document.querySelectorAll('a[href], area[href]')) check(el, el.getAttribute('href'));
  for (const el of document.querySelectorAll('iframe[src], embed[src], frame[src]')) check(el, el.getAttribute('src'));
  for (const el of document.querySelectorAll('object[data]')) check(el, el.getAttribute('data'));
  for (const el of document.querySelectorAll('form[action], button[formaction]')) check(el, el.getAttribute('action') || el.getAttribute('formaction'));
  return out;
})()`;

async function scriptUrls(page: Page): Promise<string[]> {
  return page.evaluate(SCRIPT_URLS) as Promise<string[]>;
}

/**
 * `page.goto` that tolerates the page before it navigating by itself (a redirect page's meta
 * refresh can interrupt the next navigation), then waits a moment for late handlers.
 */
async function gotoSettled(page: Page, url: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await page.goto(url, { waitUntil: 'load' });
      break;
    } catch (err) {
      if (attempt >= 3 || !/interrupted by another navigation|ERR_ABORTED/i.test(String(err))) throw err;
      await page.waitForLoadState('load').catch(() => {});
    }
  }
  await page.waitForTimeout(20);
}

/** What sweeping a list of pages found. */
export interface SweepResult {
  hits: Hit[];
  /** Pages wider than the viewport (`scrollWidth > clientWidth`). */
  overflow: Array<{ page: string; scrollWidth: number; clientWidth: number }>;
  visited: number;
}

/** Every page of a built site, as URL paths relative to its root (`papers/x/`, `404.html`). */
export function sitePages(dist: string): string[] {
  return htmlFiles(dist).map((f) => f.replace(/(^|\/)index\.html$/, '$1'));
}

/**
 * Opens each of `paths` under `siteUrl` in `context` (whose pages report into `hits`) and records
 * script URLs and horizontal overflow. Payloads such as `<img onerror>` fire before `load`; a short
 * pause also lets `<details ontoggle>`-style handlers run.
 */
export async function sweepPages(context: BrowserContext, hits: Hit[], siteUrl: string, paths: readonly string[]): Promise<SweepResult> {
  const page = await context.newPage();
  const overflow: SweepResult['overflow'] = [];
  for (const p of paths) {
    await gotoSettled(page, new URL(p, siteUrl).toString());
    try {
      for (const el of await scriptUrls(page)) hits.push({ page: p, kind: 'script-url', detail: el });
      const [scrollWidth, clientWidth] = (await page.evaluate(
        '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
      )) as number[];
      if (scrollWidth! > clientWidth!) overflow.push({ page: p, scrollWidth: scrollWidth!, clientWidth: clientWidth! });
    } catch (err) {
      // A redirect page navigates away by itself (meta refresh): its target is swept on its own.
      if (!/navigat|context was destroyed/i.test(String(err))) throw err;
    }
  }
  await page.close();
  return { hits, overflow, visited: paths.length };
}

/**
 * `/search/?q=…` as a reader would leave it: every result loaded ("Load more" until it is gone)
 * and the filter panel open. Returns the page (still open) for further assertions.
 */
export async function openSearch(context: BrowserContext, siteUrl: string, query: string): Promise<Page> {
  const page = await context.newPage();
  await gotoSettled(page, new URL(`search/?q=${encodeURIComponent(query)}`, siteUrl).toString());
  // The status line ("N papers for …") appears once the search has finished.
  await page.locator('[data-status]', { hasText: /papers? for/ }).waitFor({ timeout: 15_000 });
  const results = page.locator('[data-results] li');
  const more = page.locator('[data-more]');
  for (let i = 0; i < 30 && (await more.isVisible()); i++) {
    const shown = await results.count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-results] li').length > n, shown, { timeout: 10_000 });
  }
  await page.locator('[data-filters] summary').click();
  await page.locator('[data-filter-panel] fieldset').first().waitFor({ timeout: 10_000 });
  return page;
}
