import { describe, expect, it } from 'vitest';
import { BoundedMemo } from './bounded-memo.ts';

describe('BoundedMemo', () => {
  it('answers a key once from make, then from memory, and takes answers set from elsewhere', () => {
    const calls: string[] = [];
    const memo = new BoundedMemo<string>(10);
    const make = (key: string) => (calls.push(key), key.toUpperCase());
    expect(memo.get('a', make)).toBe('A');
    expect(memo.get('a', make)).toBe('A');
    memo.set('b', 'from another thread');
    expect(memo.get('b', make)).toBe('from another thread');
    expect(calls).toEqual(['a']);
  });

  it('forgets everything once it holds its limit, then answers afresh', () => {
    const calls: string[] = [];
    const memo = new BoundedMemo<number>(2);
    const make = (key: string) => (calls.push(key), key.length);
    memo.get('a', make);
    memo.get('bb', make);
    memo.get('ccc', make); // full: emptied before keeping 'ccc'
    memo.get('a', make);
    expect(calls).toEqual(['a', 'bb', 'ccc', 'a']);
  });
});
