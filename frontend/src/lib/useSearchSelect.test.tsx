// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HINT_VALUE } from './searchSelect';
import { useSearchSelect } from './useSearchSelect';

const answer = (n: number, total: number, fetching = false) => ({
  options: Array.from({ length: n }, (_, i) => ({ value: `t${i + 1}`, label: `Team ${i + 1}` })),
  total,
  fetching,
});

describe('useSearchSelect', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('debounces what is typed into the search variable', () => {
    const { result } = renderHook(() => useSearchSelect({ selected: [], delay: 250 }));
    expect(result.current.query).toBeNull();
    act(() => result.current.props(answer(0, 0)).onSearchChange(' team 11'));
    expect(result.current.props(answer(0, 0)).searchValue).toBe(' team 11');
    expect(result.current.query).toBeNull();
    act(() => {
      vi.advanceTimersByTime(300);
    });
    expect(result.current.query).toBe('team 11');
  });

  it('hints at the rows the answer leaves out', () => {
    const { result } = renderHook(() => useSearchSelect({ selected: [], noun: 'team' }));
    const props = result.current.props(answer(50, 120));
    expect(props.data).toHaveLength(51);
    expect(props.data[50]).toEqual({ value: HINT_VALUE, label: '70 more, type to search', disabled: true });
    expect(result.current.props(answer(0, 0)).nothingFoundMessage).toBe('No matching team');
    expect(result.current.props(answer(0, 0, true)).nothingFoundMessage).toBe('Searching…');
  });

  it('keeps the names of selected values the current answer lacks', () => {
    const { result, rerender } = renderHook(({ selected }) => useSearchSelect({ selected, initial: [{ value: 'x', label: 'Night shift' }] }), {
      initialProps: { selected: ['x', 'unknown'] },
    });
    expect(result.current.missing).toEqual(['unknown']);
    // The first answer names t3; later answers without it still show it.
    result.current.props(answer(3, 3));
    rerender({ selected: ['x', 't3'] });
    const data = result.current.props(answer(1, 1)).data;
    expect(data.map((d) => d.label)).toEqual(['Team 1', 'Night shift', 'Team 3']);
    expect(result.current.missing).toEqual([]);
  });

  it('does not search for the label a single select shows', () => {
    const { result } = renderHook(() => useSearchSelect({ selected: ['a'], initial: [{ value: 'a', label: 'Demo Contact Center' }], single: true }));
    act(() => result.current.props(answer(0, 0)).onSearchChange('Demo Contact Center'));
    act(() => {
      vi.advanceTimersByTime(300);
    });
    expect(result.current.query).toBeNull();
  });
});
