import { useReducer, useState } from 'react';
import { initialPager, pagerReducer, type PagerAction, type PagerState } from './pager';

/**
 * A table's pager that starts again from the first page whenever one of
 * `resetOn` changes (account, search, filter, order). The reset happens in
 * the same render, so the new query never goes out with the old page's
 * cursor first (an effect would send it, then the first page).
 */
export function usePager(size: number, resetOn: readonly unknown[]): [PagerState, (action: PagerAction) => void] {
  const [state, dispatch] = useReducer(pagerReducer, size, initialPager);
  const [seen, setSeen] = useState(resetOn);
  if (seen.length !== resetOn.length || seen.some((v, i) => !Object.is(v, resetOn[i]))) {
    setSeen(resetOn);
    dispatch({ type: 'reset' });
    return [pagerReducer(state, { type: 'reset' }), dispatch];
  }
  return [state, dispatch];
}
