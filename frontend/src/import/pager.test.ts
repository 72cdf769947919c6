import { describe, expect, it } from 'vitest';
import { firstPage, formatCount, hasPreviousPage, nextPage, pageIndex, pageVariables, previousPage, rangeLabel } from './pager';

describe('pager', () => {
  it('walks forward and back through cursors', () => {
    let p = firstPage(10);
    expect(pageVariables(p)).toEqual({ first: 10, after: null });
    expect(hasPreviousPage(p)).toBe(false);
    p = nextPage(p, 'c10');
    p = nextPage(p, 'c20');
    expect(pageIndex(p)).toBe(2);
    expect(pageVariables(p)).toEqual({ first: 10, after: 'c20' });
    p = previousPage(p);
    expect(pageVariables(p)).toEqual({ first: 10, after: 'c10' });
    p = previousPage(previousPage(p));
    expect(pageVariables(p)).toEqual({ first: 10, after: null });
  });

  it('ignores a missing end cursor', () => {
    const p = firstPage();
    expect(nextPage(p, null)).toBe(p);
    expect(nextPage(p, '')).toBe(p);
  });

  it('labels the visible range', () => {
    const p = nextPage(firstPage(25), 'x');
    expect(rangeLabel(p, 25, 2431)).toBe('26–50 of 2,431');
    expect(rangeLabel(firstPage(25), 3, 3)).toBe('1–3 of 3');
    expect(rangeLabel(firstPage(25), 0, 0)).toBe('0 of 0');
  });

  it('formats counts with thousands separators', () => {
    expect(formatCount(2431)).toBe('2,431');
    expect(formatCount(0)).toBe('0');
  });
});
