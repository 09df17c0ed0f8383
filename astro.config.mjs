// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';
import pagefind from './src/integrations/pagefind.ts';
import katexAssets from './src/integrations/katex-assets.ts';
import { basePath, siteUrl } from './src/lib/config.ts';

// SITE and BASE come from the environment so one checkout deploys to any GitHub Pages URL.
export default defineConfig({
  site: siteUrl(),
  base: basePath(),
  trailingSlash: 'always',
  outDir: process.env.PAPERSHELF_OUT || './dist',
  build: { format: 'directory' },
  integrations: [mdx(), katexAssets(), pagefind()],
  vite: { plugins: [tailwindcss()] },
});
