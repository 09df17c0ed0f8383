import { describe, expect, it } from 'vitest';
import { outboundLinks, urlLabel } from './links.ts';
import { testPaper } from '../../../tests/support/builders.ts';

describe('outboundLinks', () => {
  it('lists code, project, other links, then arXiv, PDF and Hugging Face, each URL once', () => {
    const links = outboundLinks(
      testPaper({
        github: 'https://github.com/a/b',
        project: 'https://p.io/',
        links: ['https://github.com/a/b', 'https://other.org/x'],
        arxiv: '2401.04558',
      }),
    );
    expect(links.map((l) => [l.kind, l.href])).toEqual([
      ['github', 'https://github.com/a/b'],
      ['project', 'https://p.io/'],
      ['link', 'https://other.org/x'],
      ['arxiv', 'https://arxiv.org/abs/2401.04558'],
      ['pdf', 'https://arxiv.org/pdf/2401.04558'],
      ['huggingface', 'https://huggingface.co/papers/2401.04558'],
    ]);
  });

  it('has no arXiv or Hugging Face links without an arXiv id', () => {
    expect(outboundLinks(testPaper({ links: ['https://x.org'] })).map((l) => l.kind)).toEqual(['link']);
  });

  it('drops non-web URLs that pass URL syntax checks', () => {
    expect(outboundLinks(testPaper({ links: ['javascript:alert(1)', 'ftp://x.org/f'] }))).toEqual([]);
  });
});

describe('urlLabel', () => {
  it('drops the scheme and a trailing slash only', () => {
    expect(urlLabel('https://p.io/')).toBe('p.io');
    expect(urlLabel('http://p.io/a/b?c=1')).toBe('p.io/a/b?c=1');
  });
});
