// Selection model of the RingEX import table. The admin either checks rows one
// by one (explicit ids) or checks the header box, which selects every user
// matching the current search and filter across all pages; rows unchecked after
// that are remembered as exclusions. The server receives the same two shapes,
// so a selection of 40,000 users never travels as 40,000 ids.

export interface DirectoryQuery<F> {
  search: string;
  filter: F;
}

export type Selection<F> =
  | { readonly mode: 'ids'; readonly ids: ReadonlySet<string> }
  | {
      readonly mode: 'allMatching';
      readonly query: DirectoryQuery<F>;
      readonly excluded: ReadonlySet<string>;
    };

export type HeaderState = 'checked' | 'indeterminate' | 'unchecked';

export type SelectionInput<F> =
  | { ids: string[] }
  | { allMatching: DirectoryQuery<F>; excludeIds: string[] };

export function emptySelection<F>(): Selection<F> {
  return { mode: 'ids', ids: new Set() };
}

/** Normalizes a query so that "  ann " and "ann" mean the same search. */
export function normalizeQuery<F>(query: DirectoryQuery<F>): DirectoryQuery<F> {
  return { search: query.search.trim(), filter: query.filter };
}

export function sameQuery<F>(a: DirectoryQuery<F>, b: DirectoryQuery<F>): boolean {
  return a.search.trim() === b.search.trim() && stableJSON(a.filter) === stableJSON(b.filter);
}

export function isSelected<F>(sel: Selection<F>, id: string): boolean {
  return sel.mode === 'ids' ? sel.ids.has(id) : !sel.excluded.has(id);
}

export function toggleRow<F>(sel: Selection<F>, id: string): Selection<F> {
  if (sel.mode === 'ids') {
    return { mode: 'ids', ids: toggled(sel.ids, id) };
  }
  return { ...sel, excluded: toggled(sel.excluded, id) };
}

/** State of the header checkbox for the rows shown on the current page. */
export function headerState<F>(sel: Selection<F>, pageIds: readonly string[]): HeaderState {
  if (pageIds.length === 0) {
    return sel.mode === 'allMatching' && sel.excluded.size === 0 ? 'checked' : 'unchecked';
  }
  const selected = pageIds.filter((id) => isSelected(sel, id)).length;
  if (selected === 0) return 'unchecked';
  if (selected === pageIds.length) {
    // Every visible row is checked, but in all-matching mode rows on other
    // pages may have been unchecked: the box says "not everything".
    return sel.mode === 'allMatching' && sel.excluded.size > 0 ? 'indeterminate' : 'checked';
  }
  return 'indeterminate';
}

/**
 * The header checkbox: from unchecked or indeterminate it selects every user
 * matching the query; from checked it clears (in explicit mode only the
 * current page, so picks made on other pages survive).
 */
export function toggleHeader<F>(
  sel: Selection<F>,
  query: DirectoryQuery<F>,
  pageIds: readonly string[],
): Selection<F> {
  if (headerState(sel, pageIds) !== 'checked') {
    return selectAllMatching(query);
  }
  if (sel.mode === 'allMatching') return emptySelection();
  const ids = new Set(sel.ids);
  for (const id of pageIds) ids.delete(id);
  return { mode: 'ids', ids };
}

export function selectAllMatching<F>(query: DirectoryQuery<F>): Selection<F> {
  return { mode: 'allMatching', query: normalizeQuery(query), excluded: new Set() };
}

/**
 * Called when the search or filter changes. "All matching" was a promise about
 * one query, so a new query resets it; explicitly checked users stay checked,
 * which lets the admin collect people across several searches.
 */
export function onQueryChange<F>(sel: Selection<F>, query: DirectoryQuery<F>): Selection<F> {
  if (sel.mode === 'allMatching' && !sameQuery(sel.query, query)) {
    return emptySelection();
  }
  return sel;
}

/** How many users are selected, given how many match the query in all-matching mode. */
export function selectedCount<F>(sel: Selection<F>, totalCount: number): number {
  if (sel.mode === 'ids') return sel.ids.size;
  return Math.max(0, totalCount - sel.excluded.size);
}

export function hasSelection<F>(sel: Selection<F>, totalCount: number): boolean {
  return selectedCount(sel, totalCount) > 0;
}

/** The API's input shape. */
export function toSelectionInput<F>(sel: Selection<F>): SelectionInput<F> {
  if (sel.mode === 'ids') return { ids: [...sel.ids] };
  return { allMatching: normalizeQuery(sel.query), excludeIds: [...sel.excluded] };
}

function toggled(set: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
}

/** JSON with sorted object keys, so equal filters compare equal. */
function stableJSON(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>)
          .filter(([, x]) => x !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      );
    }
    return v;
  }) ?? 'undefined';
}
