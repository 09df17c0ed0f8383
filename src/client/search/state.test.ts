import { describe, expect, it } from 'vitest';
import { hasFilters, pagefindOptions, paramsFromState, stateFromParams } from './state.ts';

describe('search state in the URL', () => {
  it('round-trips query, sort and repeated filters, leaving defaults out', () => {
    const params = new URLSearchParams('q=diffusion&sort=upvotes&topic=A%20%26%20B&topic=C&org=Acme%2C%20Inc.&year=2025');
    const state = stateFromParams(params);
    expect(state).toEqual({ q: 'diffusion', sort: 'upvotes', filters: { topic: ['A & B', 'C'], org: ['Acme, Inc.'], year: ['2025'] } });
    expect(paramsFromState(state).toString()).toBe(params.toString());
    expect(paramsFromState(stateFromParams(new URLSearchParams('q=x&sort=relevance'))).toString()).toBe('q=x');
  });

  it('reads an unknown sort as relevance and drops empty or repeated filter values', () => {
    const state = stateFromParams(new URLSearchParams('sort=random&topic=&topic=A&topic=A'));
    expect(state.sort).toBe('relevance');
    expect(state.filters.topic).toEqual(['A']);
    expect(hasFilters(state)).toBe(true);
    expect(hasFilters(stateFromParams(new URLSearchParams('q=x')))).toBe(false);
  });

  it('gives Pagefind OR-within-group filters and no sort key (the engine sorts from the sort data)', () => {
    const state = stateFromParams(new URLSearchParams('q=x&sort=newest&topic=A&topic=B'));
    expect(pagefindOptions(state)).toEqual({ filters: { topic: { any: ['A', 'B'] } } });
    expect(pagefindOptions({ ...state, sort: 'relevance' })).toEqual({ filters: { topic: { any: ['A', 'B'] } } });
  });
});
