// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { pageVariables } from './pager';
import { usePager } from './usePager';

describe('usePager', () => {
  it('returns to the first page in the very render a filter changes', () => {
    const cursorsSeen: (string | null)[] = [];
    const { result, rerender } = renderHook(
      ({ filter }) => {
        const [pager, dispatch] = usePager(25, [filter]);
        cursorsSeen.push(pageVariables(pager).after);
        return dispatch;
      },
      { initialProps: { filter: 'a' } },
    );
    act(() => result.current({ type: 'next', endCursor: 'c1' }));
    expect(cursorsSeen.at(-1)).toBe('c1');
    cursorsSeen.length = 0;
    rerender({ filter: 'b' });
    // No render with filter "b" ever asked for the page after "c1".
    expect(cursorsSeen).not.toContain('c1');
    expect(cursorsSeen.at(-1)).toBeNull();
  });

  it('keeps the page while nothing it depends on changes', () => {
    const { result, rerender } = renderHook(({ filter }) => usePager(10, [filter]), { initialProps: { filter: 'a' } });
    act(() => result.current[1]({ type: 'next', endCursor: 'c1' }));
    rerender({ filter: 'a' });
    expect(pageVariables(result.current[0])).toEqual({ first: 10, after: 'c1' });
  });
});
