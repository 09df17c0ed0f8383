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

/** Starts a server for `dir` under `base` (`/` or `/repo/`). */
export async function serveDist(dir: string, base = '/'): Promise<StaticServer> {
  const assets = sirv(dir, { dev: true, etag: false });
  const notFound = path.join(dir, '404.html');
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    const send404 = () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
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
