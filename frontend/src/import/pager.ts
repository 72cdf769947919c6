// The import screens' pager: the shared cursor pager (lib/pager) as plain
// functions, for state kept in useState or inside the wizard reducer.
import { initialPager, pagerReducer, type PagerState } from '../lib/pager';

export { formatCount, PAGE_SIZES, pageIndex, pageVariables, rangeLabel } from '../lib/pager';
export type Pager = PagerState;

export function firstPage(size = 25): Pager {
  return initialPager(size);
}

export function nextPage(p: Pager, endCursor: string | null | undefined): Pager {
  return pagerReducer(p, { type: 'next', endCursor });
}

export function previousPage(p: Pager): Pager {
  return pagerReducer(p, { type: 'previous' });
}

export function hasPreviousPage(p: Pager): boolean {
  return p.afters.length > 1;
}
