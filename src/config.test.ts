import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

describe('readConfig', () => {
  it('gives every default on an empty environment', () => {
    const cfg = readConfig({});
    expect(cfg).toMatchObject({
      site: 'http://localhost:4321',
      base: '/',
      digestsDir: './content/digests',
      papersDir: './content/papers',
      notesDir: './content/notes',
      topicsFile: './content/topics.yaml',
      ledgerFile: 'content/permalinks.txt',
      apiBase: 'https://huggingface.co/api/daily_papers',
      outDir: './dist',
      cacheDir: './node_modules/.astro',
      searchShardPapers: 10_000,
      searchRecentPapers: 0,
      ci: false,
      noColor: false,
    });
    expect(cfg.corpusDir).toMatch(/\/shared\/corpus$/);
  });

  it('reads each variable, an empty one counting as unset', () => {
    const cfg = readConfig({
      SITE: ' https://example.org ',
      BASE: 'repo',
      PAPERSHELF_DIGESTS: 'd',
      PAPERSHELF_PAPERS: 'p',
      PAPERSHELF_NOTES: '',
      PAPERSHELF_TOPICS: 't.yaml',
      PAPERSHELF_LEDGER: 'l.txt',
      PAPERSHELF_API: ' http://127.0.0.1:9/api ',
      PAPERSHELF_OUT: 'o',
      PAPERSHELF_CACHE: 'c',
      PAPERSHELF_SEARCH_SHARD: '2500',
      PAPERSHELF_SEARCH_RECENT: '2000',
      PAPERSHELF_CORPUS: '/c',
      CI: 'true',
      NO_COLOR: '',
    });
    expect(cfg).toEqual({
      site: 'https://example.org',
      base: '/repo/',
      digestsDir: 'd',
      papersDir: 'p',
      notesDir: './content/notes',
      topicsFile: 't.yaml',
      ledgerFile: 'l.txt',
      apiBase: 'http://127.0.0.1:9/api',
      outDir: 'o',
      cacheDir: 'c',
      searchShardPapers: 2500,
      searchRecentPapers: 2000,
      corpusDir: '/c',
      ci: true,
      noColor: true,
    });
  });

  it.each([
    ['/repo', '/repo/'],
    ['repo/', '/repo/'],
    ['//a/b//', '/a/b/'],
    [' / ', '/'],
    ['', '/'],
  ])('normalises BASE %j to %j', (base, expected) => {
    expect(readConfig({ BASE: base }).base).toBe(expected);
  });

  it.each(['abc', '-1', '0', '1e3', '2.5', '10k'])('refuses PAPERSHELF_SEARCH_SHARD=%j, naming the variable', (value) => {
    expect(() => readConfig({ PAPERSHELF_SEARCH_SHARD: value })).toThrow(ConfigError);
    expect(() => readConfig({ PAPERSHELF_SEARCH_SHARD: value })).toThrow(
      `PAPERSHELF_SEARCH_SHARD: expected a whole number of papers (e.g. 10000), found "${value}"`,
    );
  });

  it('defaults PAPERSHELF_SEARCH_SHARD to 10,000 papers', () => {
    expect(readConfig({}).searchShardPapers).toBe(10_000);
  });

  it.each(['abc', '-1', '1e3', '2.5', '2k'])('refuses PAPERSHELF_SEARCH_RECENT=%j, naming the variable', (value) => {
    expect(() => readConfig({ PAPERSHELF_SEARCH_RECENT: value })).toThrow(
      `PAPERSHELF_SEARCH_RECENT: expected a whole number of papers (e.g. 2000, or 0 for none), found "${value}"`,
    );
  });
});
