import { describe, expect, it } from 'vitest';
import { compactReasons } from './reasons.ts';

describe('compactReasons', () => {
  it('names each place once, keeps the order and the counts', () => {
    expect(
      compactReasons([
        'title mentions "data"',
        'abstract mentions "VLM" (2×)',
        'abstract mentions "vision-language model"',
        'keyword "continual learning"',
        'keyword "catastrophic forgetting"',
      ]),
    ).toBe('title "data"; abstract "VLM" ×2, "vision-language model"; keywords "continual learning", "catastrophic forgetting"');
  });

  it('keeps a phrase with quotes or separators whole', () => {
    expect(compactReasons(['keyword "say "hi"; bye"'])).toBe('keywords "say "hi"; bye"');
  });

  it('keeps a reason in another form as written, in its place', () => {
    expect(compactReasons(['title mentions "a"', 'chosen by hand', 'keyword "b"'])).toBe('title "a"; chosen by hand; keywords "b"');
  });

  it('says when the taxonomy assigned the topic without a reason', () => {
    expect(compactReasons([])).toBe('assigned by the taxonomy');
  });
});
