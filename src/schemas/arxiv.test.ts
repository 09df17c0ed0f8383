import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ARXIV_ID, ARXIV_URL_ID, arxivIdFromUrl, arxivUrlId, parseArxivId } from './arxiv.ts';
import { slugify } from '../ingest/ids.ts';

describe('parseArxivId', () => {
  it.each([
    ['2401.04558', '2401.04558'],
    ['2401.04558v12', '2401.04558'],
    [' arXiv:2401.04558 ', '2401.04558'],
    ['0704.0001', '0704.0001'],
    ['1412.9999', '1412.9999'],
    ['1501.00001', '1501.00001'],
    ['hep-th/9901001', 'hep-th/9901001'],
    ['HEP-TH/9901001v2', 'hep-th/9901001'],
    ['math.GT/0309136', 'math/0309136'],
    ['cs/0112017', 'cs/0112017'],
    ['cond-mat/9108001', 'cond-mat/9108001'],
  ])('%s → %s', (raw, id) => expect(parseArxivId(raw)).toBe(id));

  it.each([
    'sparse-attention-goes-far',
    '../../etc/passwd',
    '2401.1}{x',
    '2401.1',
    '2413.00001',
    '0703.0001',
    '1412.00001',
    '1501.0001',
    '2401.04558/x',
    'hep-th/9107001',
    'hep-th/0704001',
    'hep-th/990100',
    'a/b',
    '',
    '2401.04558 2401.04559',
    '<script>',
  ])('refuses %j', (raw) => expect(parseArxivId(raw)).toBeNull());

  it('gives ids whose URL ids have a dot, which no title slug ever has', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.stringMatching(/^\d{4}\.\d{4,5}(v\d)?$/),
          fc.stringMatching(/^[a-z]{2,8}(-[a-z]{2,4})?(\.[A-Z]{2})?\/\d{7}$/),
          fc.string(),
        ),
        fc.string({ maxLength: 80 }),
        (raw, title) => {
          const id = parseArxivId(raw);
          if (id !== null) {
            expect(id).toMatch(ARXIV_ID);
            expect(arxivUrlId(id)).toMatch(ARXIV_URL_ID);
            expect(arxivUrlId(id)).toContain('.');
            expect(parseArxivId(id)).toBe(id);
          }
          expect(slugify(title)).not.toContain('.');
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('arxivIdFromUrl', () => {
  it.each([
    ['https://huggingface.co/papers/2606.00683', '2606.00683'],
    ['https://huggingface.co/papers/2606.00683#community', '2606.00683'],
    ['https://huggingface.co/login?next=%2Fpapers%2F2606.00683', '2606.00683'],
    ['https://arxiv.org/abs/hep-th/9901001v2', 'hep-th/9901001'],
    ['https://arxiv.org/pdf/2401.04558v1.pdf', '2401.04558'],
    ['https://huggingface.co/papers/trending', null],
    ['https://huggingface.co/papers/sparse-attention-goes-far', null],
    ['https://huggingface.co/papers/2401.1}{x', null],
    ['https://example.org/papers/2401.04558', null],
  ])('%s → %s', (url, id) => expect(arxivIdFromUrl(url)).toBe(id));
});
