import { describe, expect, it } from 'vitest';
import {
  emptySelection,
  hasSelection,
  headerState,
  isSelected,
  onQueryChange,
  sameQuery,
  selectAllMatching,
  selectedCount,
  toggleHeader,
  toggleRow,
  toSelectionInput,
  type DirectoryQuery,
  type Selection,
} from './selection';

type Filter = { status?: string; notImported?: boolean };
const q = (search = '', filter: Filter = {}): DirectoryQuery<Filter> => ({ search, filter });
const page = ['1', '2', '3'];

function pick(...ids: string[]): Selection<Filter> {
  return ids.reduce((s, id) => toggleRow(s, id), emptySelection<Filter>());
}

describe('explicit ids', () => {
  it('starts empty', () => {
    const s = emptySelection<Filter>();
    expect(selectedCount(s, 100)).toBe(0);
    expect(hasSelection(s, 100)).toBe(false);
    expect(headerState(s, page)).toBe('unchecked');
    expect(toSelectionInput(s)).toEqual({ ids: [] });
  });

  it('toggles rows on and off', () => {
    let s = pick('1', '3');
    expect(isSelected(s, '1')).toBe(true);
    expect(isSelected(s, '2')).toBe(false);
    expect(selectedCount(s, 100)).toBe(2);
    s = toggleRow(s, '1');
    expect(isSelected(s, '1')).toBe(false);
    expect(toSelectionInput(s)).toEqual({ ids: ['3'] });
  });

  it('does not mutate the previous selection', () => {
    const a = pick('1');
    const b = toggleRow(a, '2');
    expect(isSelected(a, '2')).toBe(false);
    expect(isSelected(b, '2')).toBe(true);
  });

  it('header: indeterminate for some, checked for all of the page', () => {
    expect(headerState(pick('2'), page)).toBe('indeterminate');
    expect(headerState(pick('1', '2', '3'), page)).toBe('checked');
    // ids from another page do not count for this page
    expect(headerState(pick('9'), page)).toBe('unchecked');
  });

  it('header click from unchecked or indeterminate selects all matching', () => {
    for (const s of [emptySelection<Filter>(), pick('2')]) {
      const next = toggleHeader(s, q(' ann '), page);
      expect(next.mode).toBe('allMatching');
      expect(toSelectionInput(next)).toEqual({
        allMatching: { search: 'ann', filter: {} },
        excludeIds: [],
      });
    }
  });

  it('header click when the page is fully checked clears only this page', () => {
    const s = toggleHeader(pick('1', '2', '3', '9'), q(), page);
    expect(s.mode).toBe('ids');
    expect(toSelectionInput(s)).toEqual({ ids: ['9'] });
  });

  it('keeps explicit picks when the search changes', () => {
    const s = pick('1', '2');
    expect(onQueryChange(s, q('bob'))).toBe(s);
  });

  it('empty page: header is unchecked', () => {
    expect(headerState(pick('1'), [])).toBe('unchecked');
  });
});

describe('all matching', () => {
  const all = selectAllMatching(q('ann', { status: 'Enabled' }));

  it('selects every row, on every page', () => {
    expect(isSelected(all, 'anything')).toBe(true);
    expect(headerState(all, page)).toBe('checked');
    expect(headerState(all, [])).toBe('checked');
    expect(selectedCount(all, 1234)).toBe(1234);
  });

  it('unchecking rows records exclusions', () => {
    const s = toggleRow(toggleRow(all, '2'), '7');
    expect(isSelected(s, '2')).toBe(false);
    expect(selectedCount(s, 1234)).toBe(1232);
    expect(headerState(s, page)).toBe('indeterminate');
    expect(toSelectionInput(s)).toEqual({
      allMatching: { search: 'ann', filter: { status: 'Enabled' } },
      excludeIds: ['2', '7'],
    });
  });

  it('rechecking an excluded row removes the exclusion', () => {
    const s = toggleRow(toggleRow(all, '2'), '2');
    expect(selectedCount(s, 10)).toBe(10);
    expect(toSelectionInput(s)).toMatchObject({ excludeIds: [] });
  });

  it('header is indeterminate when rows on other pages were excluded', () => {
    const s = toggleRow(all, '42');
    expect(headerState(s, page)).toBe('indeterminate');
    expect(headerState(s, [])).toBe('unchecked');
  });

  it('header click when indeterminate re-selects all, when checked clears', () => {
    const s = toggleRow(all, '2');
    const again = toggleHeader(s, q('ann', { status: 'Enabled' }), page);
    expect(again.mode === 'allMatching' && again.excluded.size).toBe(0);
    expect(toggleHeader(again, q('ann'), page)).toEqual(emptySelection());
  });

  it('count never goes below zero', () => {
    const s = toggleRow(toggleRow(all, '1'), '2');
    expect(selectedCount(s, 1)).toBe(0);
    expect(hasSelection(s, 1)).toBe(false);
  });

  it('resets when the search or filter changes', () => {
    expect(onQueryChange(all, q('bob', { status: 'Enabled' }))).toEqual(emptySelection());
    expect(onQueryChange(all, q('ann', { status: 'Disabled' }))).toEqual(emptySelection());
  });

  it('survives an equivalent query (whitespace, key order, undefined keys)', () => {
    const s = selectAllMatching<Record<string, unknown>>({ search: 'ann', filter: { a: 1, b: 2 } });
    expect(onQueryChange(s, { search: ' ann ', filter: { b: 2, a: 1, c: undefined } })).toBe(s);
  });
});

describe('sameQuery', () => {
  it('compares nested filters by value', () => {
    expect(sameQuery(q('', { status: 'A' }), q(' ', { status: 'A' }))).toBe(true);
    expect(sameQuery(q('x'), q('y'))).toBe(false);
    expect(sameQuery(q('', { notImported: true }), q('', {}))).toBe(false);
  });
});
