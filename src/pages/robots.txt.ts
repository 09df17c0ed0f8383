/**
 * `/robots.txt`: every page may be crawled, and the sitemap is named with its absolute URL, the
 * standard place for it (`<link rel="sitemap">` in every page's head is not read by crawlers and
 * cost bytes on each of 50,000 pages).
 */
import type { APIContext } from 'astro';
import { href } from '../site/view/links.ts';

export function GET(context: APIContext) {
  const lines = ['User-agent: *', 'Allow: /'];
  if (context.site) lines.push(`Sitemap: ${new URL(href('sitemap-index.xml'), context.site).href}`);
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
