// Cursor paging for server-side tables. Relay cursors only move forward
// cheaply, so the pager keeps the `after` cursor of every page it has shown:
// "Previous" pops back to the cursor it came from, and any change of search,
// filter or page size starts again from the first page.

export interface Pager {
  readonly size: number;
  /** `after` cursor of each page visited so far; the last one is the current page. */
  readonly afters: readonly (string | null)[];
}

export const PAGE_SIZES = [10, 25, 50, 100] as const;

export function firstPage(size = 25): Pager {
  return { size, afters: [null] };
}

export function pageIndex(p: Pager): number {
  return p.afters.length - 1;
}

/** Variables for a Relay connection field. */
export function pageVariables(p: Pager): { first: number; after: string | null } {
  return { first: p.size, after: p.afters[p.afters.length - 1] ?? null };
}

export function nextPage(p: Pager, endCursor: string | null | undefined): Pager {
  if (!endCursor) return p;
  return { ...p, afters: [...p.afters, endCursor] };
}

export function previousPage(p: Pager): Pager {
  if (p.afters.length <= 1) return p;
  return { ...p, afters: p.afters.slice(0, -1) };
}

export function hasPreviousPage(p: Pager): boolean {
  return p.afters.length > 1;
}

/** "26–50 of 2,431"; "0 of 0" when nothing matches. */
export function rangeLabel(p: Pager, rowsOnPage: number, total: number): string {
  if (rowsOnPage === 0) return `0 of ${formatCount(total)}`;
  const start = pageIndex(p) * p.size + 1;
  return `${formatCount(start)}–${formatCount(start + rowsOnPage - 1)} of ${formatCount(total)}`;
}

const numberFormat = new Intl.NumberFormat('en-US');

/** 2431 → "2,431". */
export function formatCount(n: number): string {
  return numberFormat.format(n);
}
