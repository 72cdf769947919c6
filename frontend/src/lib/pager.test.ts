import { describe, expect, it } from 'vitest';
import { initialPager, pageIndex, pageVariables, pagerReducer, rangeLabel } from './pager';

describe('pager', () => {
  it('walks forward and back through cursors', () => {
    let p = initialPager(25);
    expect(pageVariables(p)).toEqual({ first: 25, after: null });
    p = pagerReducer(p, { type: 'next', endCursor: 'c1' });
    p = pagerReducer(p, { type: 'next', endCursor: 'c2' });
    expect(pageIndex(p)).toBe(2);
    expect(pageVariables(p)).toEqual({ first: 25, after: 'c2' });
    p = pagerReducer(p, { type: 'previous' });
    expect(pageVariables(p)).toEqual({ first: 25, after: 'c1' });
  });

  it('ignores a next without a cursor and a previous on the first page', () => {
    const p = initialPager();
    expect(pagerReducer(p, { type: 'next', endCursor: null })).toBe(p);
    expect(pagerReducer(p, { type: 'previous' })).toBe(p);
  });

  it('starts over on a new page size, never above 100', () => {
    let p = pagerReducer(initialPager(10), { type: 'next', endCursor: 'c1' });
    p = pagerReducer(p, { type: 'size', size: 500 });
    expect(p).toEqual({ size: 100, afters: [null] });
  });

  it('labels the range shown', () => {
    const p = pagerReducer(initialPager(25), { type: 'next', endCursor: 'c1' });
    expect(rangeLabel(p, 25, 120)).toBe('26–50 of 120');
    expect(rangeLabel(initialPager(), 0, 0)).toBe('0 of 0');
  });
});
