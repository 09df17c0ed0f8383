import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bibliography, bibtexFor, bibtexKey, escapeBibtex, type BibtexInput } from './bibtex.ts';
import { fixtureCases, matchFixture } from '../../../tests/support/fixtures.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures/bibtex');

const base: BibtexInput = {
  arxiv: '2405.15738',
  id: '2405.15738',
  title: 'ConvLLaVA: Hierarchical Backbones as Visual Encoder',
  authors: ['Chunjiang Ge', 'Sijie Cheng'],
  authorCount: 2,
  published: '2024-05-24',
};

/** The value of `name = {…}` in an entry (balanced braces). */
function field(entry: string, name: string): string | undefined {
  const start = entry.indexOf(`  ${name} = {`);
  if (start < 0) return undefined;
  let depth = 0;
  const from = entry.indexOf('{', start);
  for (let i = from; i < entry.length; i++) {
    if (entry[i] === '\\') i++;
    else if (entry[i] === '{') depth++;
    else if (entry[i] === '}' && --depth === 0) return entry.slice(from + 1, i);
  }
  return undefined;
}

/** True when every brace not escaped by a backslash is balanced. */
function balanced(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

describe('fixtures (UPDATE=1 rewrites expected.bib)', () => {
  for (const name of fixtureCases(FIXTURES)) {
    it(name, () => {
      const input = JSON.parse(readFileSync(join(FIXTURES, name, 'input.json'), 'utf8')) as BibtexInput;
      matchFixture(join(FIXTURES, name, 'expected.bib'), `${bibtexFor(input)}\n`);
    });
  }
});

describe('bibtexFor', () => {
  it('writes an arXiv @misc entry with eprint, archivePrefix, url and year', () => {
    const entry = bibtexFor(base);
    expect(entry.startsWith('@misc{ge2024convllava,\n')).toBe(true);
    expect(field(entry, 'eprint')).toBe('2405.15738');
    expect(field(entry, 'archivePrefix')).toBe('arXiv');
    expect(field(entry, 'url')).toBe('https://arxiv.org/abs/2405.15738');
    expect(field(entry, 'year')).toBe('2024');
    expect(field(entry, 'author')).toBe('Chunjiang Ge and Sijie Cheng');
    expect(entry.endsWith('\n}')).toBe(true);
  });

  it('ends the author list with "and others" when it is partial or unknown', () => {
    expect(field(bibtexFor({ ...base, authorCount: 7 }), 'author')).toBe('Chunjiang Ge and Sijie Cheng and others');
    expect(field(bibtexFor({ ...base, authors: null, authorCount: 4 }), 'author')).toBe('others');
    expect(field(bibtexFor({ ...base, authors: null, authorCount: null }), 'author')).toBe('others');
  });

  it('escapes BibTeX/LaTeX specials in the title but keeps $…$ math', () => {
    const title = field(bibtexFor({ ...base, title: '$\\nabla^2$DFT: 100% of {all} R&D #1_best for $5 million' }), 'title');
    expect(title).toBe('{$\\nabla^2$DFT: 100\\% of \\{all\\} R\\&D \\#1\\_best for \\$5 million}');
  });

  it('turns \\$ in a title into an escaped dollar, not math', () => {
    expect(field(bibtexFor({ ...base, title: '\\$OneMillion-Bench: How Far' }), 'title')).toBe('{\\$OneMillion-Bench: How Far}');
  });

  it('escapes a malformed formula as text so braces stay balanced', () => {
    const entry = bibtexFor({ ...base, title: 'Bad $\\frac{$ math' });
    expect(field(entry, 'title')).toBe('{Bad \\$\\textbackslash{}frac\\{\\$ math}');
    expect(balanced(entry)).toBe(true);
  });

  it('escapes % # & inside math, where LaTeX would otherwise misread them', () => {
    expect(field(bibtexFor({ ...base, title: 'Top $50%$ and $a&b$' }), 'title')).toBe('{Top $50\\%$ and $a\\&b$}');
  });

  it('protects author names containing a comma or the word "and"', () => {
    const author = field(bibtexFor({ ...base, authors: ['Smith, John', 'Tom and Jerry Lab', 'Ana_Lee 50%'], authorCount: 3 }), 'author');
    expect(author).toBe('{Smith, John} and {Tom and Jerry Lab} and Ana\\_Lee 50\\%');
  });

  it('writes a name suffix in BibTeX\'s "Last, Jr., First" form', () => {
    expect(field(bibtexFor({ ...base, authors: ['José Núñez Jr.', 'Jr. Bob'], authorCount: 2 }), 'author')).toBe(
      'Núñez, Jr., José and Jr. Bob',
    );
  });

  it('omits eprint for an invalid arXiv id and falls back to the given http(s) url', () => {
    const entry = bibtexFor({ ...base, arxiv: '2405.1}{evil', url: 'https://example.org/papers/x/' });
    expect(field(entry, 'eprint')).toBeUndefined();
    expect(field(entry, 'archivePrefix')).toBeUndefined();
    expect(field(entry, 'url')).toBe('https://example.org/papers/x/');
    expect(field(bibtexFor({ ...base, arxiv: null, url: 'javascript:alert(1)' }), 'url')).toBeUndefined();
  });

  it('always produces balanced braces, whatever the title and names', () => {
    const unit = fc.constantFrom('{', '}', '\\', '$', '%', '&', '#', '_', '^', '~', 'a', ' ', 'and', ',');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), fc.array(fc.string({ unit, maxLength: 12 }), { maxLength: 3 }), (title, authors) => {
        const entry = bibtexFor({ ...base, title: `T${title}`, authors, authorCount: null });
        expect(balanced(entry)).toBe(true);
        // Every field line ends inside the entry: no `}` closed the entry early.
        expect(entry.trimEnd().endsWith('}')).toBe(true);
        expect(field(entry, 'url')).toBe('https://arxiv.org/abs/2405.15738');
      }),
      { numRuns: 300 },
    );
  });
});

describe('bibtexKey', () => {
  it('uses the ASCII-folded surname, year and first significant title word', () => {
    expect(bibtexKey({ ...base, authors: ['José Núñez Jr.'], title: 'The Art of $\\nabla$Scaling' })).toBe('nunez2024art');
    expect(bibtexKey({ ...base, authors: ['Smith, John'], title: 'A Study' })).toBe('smith2024study');
    expect(bibtexKey({ ...base, authors: null, title: '$τ$-bench: A Benchmark' })).toBe('anon2024bench');
  });

  it('falls back to the id when the title has no ASCII word', () => {
    expect(bibtexKey({ ...base, authors: ['张三'], title: '深度学习', id: 'shen-du-xue-xi' })).toBe('anon2024shenduxuexi');
  });
});

describe('escapeBibtex', () => {
  it('escapes every special character', () => {
    expect(escapeBibtex('\\ { } % & # _ $ ^ ~')).toBe(
      '\\textbackslash{} \\{ \\} \\% \\& \\# \\_ \\$ \\textasciicircum{} \\textasciitilde{}',
    );
  });
});

describe('bibliography', () => {
  const paper = (id: string, extra: Partial<BibtexInput> = {}): BibtexInput => ({ ...base, id, arxiv: null, ...extra });

  it('holds each entry exactly as bibtexFor writes it, by id, keys made unique', () => {
    const papers = [paper('b'), paper('a'), paper('c', { title: 'Another Title' }), paper('d')];
    const bib = bibliography(papers);
    const entries = bib.trimEnd().split('\n\n');
    expect(entries).toEqual([
      bibtexFor(papers[1]!),
      bibtexFor(papers[0]!, 'ge2024convllava2'),
      bibtexFor(papers[2]!),
      bibtexFor(papers[3]!, 'ge2024convllava3'),
    ]);
    const keys = entries.map((e) => /^@misc\{([^,]+),/.exec(e)![1]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(bib.endsWith('}\n')).toBe(true);
  });

  it('skips a numbered key another paper already has by nature', () => {
    const bib = bibliography([paper('a'), paper('b', { title: 'ConvLLaVA2 Again' }), paper('c')]);
    const keys = [...bib.matchAll(/^@misc\{([^,]+),/gm)].map((m) => m[1]);
    expect(keys).toEqual(['ge2024convllava', 'ge2024convllava2', 'ge2024convllava3']);
  });

  it('is empty for no papers', () => {
    expect(bibliography([])).toBe('');
  });
});
