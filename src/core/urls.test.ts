import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractLinks, findUrls, githubRepo } from './urls.ts';

/** The raw span and cleaned URL of every URL found. */
const found = (text: string): Array<[string, string]> => findUrls(text).map((u) => [text.slice(u.start, u.end), u.url]);

describe('findUrls', () => {
  it.each([
    ['Code: https://github.com/a/b.', [['https://github.com/a/b', 'https://github.com/a/b']]],
    [
      'Code is at https://github.com/ZihuaEvan/FlashSD/{[here]}.',
      [['https://github.com/ZihuaEvan/FlashSD/{[here]}', 'https://github.com/ZihuaEvan/FlashSD']],
    ],
    ['at https://x.io/{https://x.io/}.', [['https://x.io/{https://x.io/}', 'https://x.io']]],
    [
      'at https://github.com/wenyudu/MIGU{this https URL}. Next',
      [['https://github.com/wenyudu/MIGU{this https URL}', 'https://github.com/wenyudu/MIGU']],
    ],
    ['see https://h.co/J/F{blue{https://h.co/J/F}}.', [['https://h.co/J/F{blue{https://h.co/J/F}}', 'https://h.co/J/F']]],
    ['Code: http://github.com/a/arazn-llm}, Models', [['http://github.com/a/arazn-llm', 'http://github.com/a/arazn-llm']]],
    ['code~\\url{https://github.com/CONE-MT/LLaMAX/.} and', [['https://github.com/CONE-MT/LLaMAX/', 'https://github.com/CONE-MT/LLaMAX/']]],
    ['(see https://github.com/thunlp/BlockFFN).', [['https://github.com/thunlp/BlockFFN', 'https://github.com/thunlp/BlockFFN']]],
    ['https://en.wikipedia.org/wiki/Foo_(bar).', [['https://en.wikipedia.org/wiki/Foo_(bar)', 'https://en.wikipedia.org/wiki/Foo_(bar)']]],
    [
      'at https://github.com/kyutai-labs/ARC-Encoder , fine',
      [['https://github.com/kyutai-labs/ARC-Encoder', 'https://github.com/kyutai-labs/ARC-Encoder']],
    ],
    ['here: github.com/AgentTorch/AgentTorch.', [['github.com/AgentTorch/AgentTorch', 'https://github.com/AgentTorch/AgentTorch']]],
    ['visit www.example.org/page;', [['www.example.org/page', 'https://www.example.org/page']]],
    [
      '"https://a.io/x", \'https://b.io/y\'',
      [
        ['https://a.io/x', 'https://a.io/x'],
        ['https://b.io/y', 'https://b.io/y'],
      ],
    ],
    ['HTTPS://Example.com/Path', [['HTTPS://Example.com/Path', 'https://Example.com/Path']]],
    ['网址https://a.cn/x。下一句', [['https://a.cn/x', 'https://a.cn/x']]],
  ])('%j', (text, expected) => expect(found(text)).toEqual(expected));

  it.each(['no links here', 'https:// broken', 'email me@github.com/x', 'a/github.com/x is a path', 'https://localhost/x'])(
    'finds nothing in %j',
    (text) => {
      expect(findUrls(text)).toEqual([]);
    },
  );

  it('reports UTF-16 offsets, so text after astral characters still slices right', () => {
    const text = '😀 math 𝔸 then https://a.io/x.';
    const [u] = findUrls(text);
    expect(text.slice(u!.start, u!.end)).toBe('https://a.io/x');
  });

  it('returns spans in order, non-overlapping, each starting with the URL text', () => {
    const part = fc.constantFrom(
      'see ',
      'https://a.io/x',
      'github.com/o/r',
      '{https://a.io/x}',
      '{[here]}',
      '.',
      ',',
      ' ',
      '(',
      ')',
      '}',
      'www.b.org',
      '\n',
    );
    fc.assert(
      fc.property(
        fc.array(part, { maxLength: 20 }).map((a) => a.join('')),
        (text) => {
          let last = 0;
          for (const u of findUrls(text)) {
            expect(u.start).toBeGreaterThanOrEqual(last);
            expect(u.end).toBeGreaterThan(u.start);
            expect(/^(https?:\/\/|www\.|github\.com\/)/i.test(text.slice(u.start, u.end))).toBe(true);
            expect(() => new URL(u.url)).not.toThrow();
            expect(/[.,;:'")\]}]$/.test(u.url) && !u.url.endsWith(')')).toBe(false);
            last = u.end;
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('githubRepo', () => {
  it.each([
    ['https://github.com/a/b', 'https://github.com/a/b'],
    ['https://github.com/a/b.git', 'https://github.com/a/b'],
    ['https://github.com/a/b/', 'https://github.com/a/b'],
    ['https://github.com/a/b/tree/main/src', 'https://github.com/a/b'],
    ['https://www.github.com/Alpha-VLLM/Lumina-Video', 'https://github.com/Alpha-VLLM/Lumina-Video'],
    ['github.com/a/b', 'https://github.com/a/b'],
    ['http://github.com/a/b#readme', 'https://github.com/a/b'],
    ['https://github.com/a', null],
    ['https://github.com/orgs/a/repositories', null],
    ['https://github.com/topics/llm', null],
    ['https://a.github.io/b', null],
    ['https://gitlab.com/a/b', null],
    ['not a url', null],
  ])('%s → %s', (url, expected) => expect(githubRepo(url)).toBe(expected));
});

describe('extractLinks', () => {
  it('takes the first repository as github and every other URL, deduplicated, as links', () => {
    const text =
      'Project https://p.io/. Code https://github.com/a/b/tree/main and https://github.com/a/b.git; ' +
      'data https://huggingface.co/d and https://github.com/c/d, again https://p.io/.';
    expect(extractLinks(text)).toEqual({
      github: 'https://github.com/a/b',
      links: ['https://p.io/', 'https://huggingface.co/d', 'https://github.com/c/d'],
    });
  });

  it('gives null and no links for text without URLs', () => {
    expect(extractLinks('plain')).toEqual({ github: null, links: [] });
  });
});

describe('findUrls on hostile text', () => {
  /** Unbroken inputs that made an earlier findUrls quadratic (each match rescanned the rest of its token). */
  const shapes: Record<string, (n: number) => string> = {
    'https://a.bc/{ repeated (issue 7)': (n) => 'https://a.bc/{'.repeat(Math.ceil(n / 14)),
    'a URL ending in n closing parentheses': (n) => `https://a.bc/x${')'.repeat(n)}`,
    'a URL ending in n full stops': (n) => `https://a.bc/x${'.'.repeat(n)}`,
    'URLs with empty debris groups, back to back': (n) => 'https://a.bc/x{}'.repeat(Math.ceil(n / 16)),
    'URLs glued by semicolons': (n) => 'https://a.bc/x;'.repeat(Math.ceil(n / 15)),
    'www. repeated': (n) => '(www.'.repeat(Math.ceil(n / 5)),
  };

  /** Fastest of a few runs, in ms: the least disturbed by other work on the machine (fewer runs when slow). */
  const fastest = (work: () => void, runs = 7): number => {
    let best = Infinity;
    let spent = 0;
    for (let i = 0; i < runs && (i < 2 || spent < 1_000); i++) {
      const started = performance.now();
      work();
      const took = performance.now() - started;
      best = Math.min(best, took);
      spent += took;
    }
    return best;
  };

  // No absolute time limit (machines differ; speed targets belong in `npm run bench`): scanning one
  // text of 4n characters must cost about what scanning four texts of n characters costs. Linear
  // code gives a ratio near 1; the quadratic scan this replaces gave 4 and more.
  it.each(Object.entries(shapes))('is linear: %s', (_name, make) => {
    const small = make(12_500);
    const big = make(50_000);
    findUrls(big); // warm up the JIT on the same shape
    const separate = fastest(() => {
      for (let i = 0; i < 4; i++) findUrls(small);
    });
    const together = fastest(() => findUrls(big));
    expect(together / separate).toBeLessThan(2.5);
  });

  it('still finds every URL in 224 KB of "https://a.bc/{" (the reported input)', () => {
    const text = 'https://a.bc/{'.repeat(16_000);
    const urls = findUrls(text);
    expect(urls).toHaveLength(16_000);
    expect(urls.every((u) => u.url === 'https://a.bc')).toBe(true);
  });
});
