// Cursor paging for server-side tables. Relay cursors only move forward
// cheaply, so the pager keeps the `after` cursor of every page it has shown:
// "Previous" goes back to the cursor it came from, and any change of search,
// filter, order or page size starts again from the first page.

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const MAX_PAGE_SIZE = 100;

export interface PagerState {
  readonly size: number;
  /** `after` cursor of each page visited so far; the last is the current page. */
  readonly afters: readonly (string | null)[];
}

export type PagerAction =
  | { type: 'next'; endCursor: string | null | undefined }
  | { type: 'previous' }
  | { type: 'reset' }
  | { type: 'size'; size: number };

export function initialPager(size = 25): PagerState {
  return { size: clampSize(size), afters: [null] };
}

export function clampSize(size: number): number {
  if (!Number.isFinite(size) || size < 1) return 1;
  return Math.min(Math.floor(size), MAX_PAGE_SIZE);
}

export function pagerReducer(state: PagerState, action: PagerAction): PagerState {
  switch (action.type) {
    case 'next':
      return action.endCursor ? { ...state, afters: [...state.afters, action.endCursor] } : state;
    case 'previous':
      return state.afters.length > 1 ? { ...state, afters: state.afters.slice(0, -1) } : state;
    case 'reset':
      return state.afters.length === 1 ? state : { ...state, afters: [null] };
    case 'size':
      return { size: clampSize(action.size), afters: [null] };
  }
}

export function pageIndex(state: PagerState): number {
  return state.afters.length - 1;
}

/** Variables for a Relay connection field. */
export function pageVariables(state: PagerState): { first: number; after: string | null } {
  return { first: state.size, after: state.afters[state.afters.length - 1] ?? null };
}

/** "26–50 of 2,431", for the table footer. */
export function rangeLabel(state: PagerState, shown: number, total: number): string {
  if (total === 0 || shown === 0) return `0 of ${formatCount(total)}`;
  const start = pageIndex(state) * state.size + 1;
  return `${formatCount(start)}–${formatCount(start + shown - 1)} of ${formatCount(total)}`;
}

const numberFormat = new Intl.NumberFormat('en-US');

/** 2431 → "2,431". */
export function formatCount(n: number): string {
  return numberFormat.format(n);
}
