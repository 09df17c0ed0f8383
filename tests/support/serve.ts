/**
 * Serves a built `dist/` on a free loopback port, mounted under a base path, the way GitHub Pages
 * serves a project site (404.html for unknown paths). Uses sirv; only the base-prefix mount and
 * the 404 fallback are ours.
 */
import http from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  /** Origin plus base, e.g. `http://127.0.0.1:41234/papershelf/`. */
  url: string;
  close(): Promise<void>;
}

/** Options of `serveDist`. */
export interface ServeOptions {
  /** Extra response headers for HTML pages (e.g. a report-only Content-Security-Policy). */
  htmlHeaders?: Record<string, string>;
}

/** Starts a server for `dir` under `base` (`/` or `/repo/`). */
export async function serveDist(dir: string, base = '/', options: ServeOptions = {}): Promise<StaticServer> {
  const htmlHeaders = Object.entries(options.htmlHeaders ?? {});
  const assets = sirv(dir, {
    dev: true,
    etag: false,
    setHeaders: (res, pathname) => {
      // `pathname` is the request path: pages are `…/` or `….html`.
      if (pathname.endsWith('/') || pathname.endsWith('.html')) for (const [k, v] of htmlHeaders) res.setHeader(k, v);
    },
  });
  const notFound = path.join(dir, '404.html');
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    const send404 = () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      for (const [k, v] of htmlHeaders) res.setHeader(k, v);
      res.end(existsSync(notFound) ? readFileSync(notFound) : 'Not found');
    };
    if (!url.startsWith(base)) return send404();
    req.url = '/' + url.slice(base.length);
    assets(req, res, send404);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
