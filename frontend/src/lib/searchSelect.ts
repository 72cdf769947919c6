// Server-side search for Select and MultiSelect: the API answers one page of
// options matching what was typed (ordered by name), the control shows it,
// keeps already-selected values with their names even when they are not in
// the page, and says when more match than it shows.
import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import { formatCount } from './pager';

/** Options asked for per search: enough to scroll, few enough to stay quick. */
export const SEARCH_PAGE_SIZE = 50;

/** The value of the hint row at the end of the list; never selectable. */
export const HINT_VALUE = '__search_hint__';

export interface Option {
  value: string;
  label: string;
}

/** "250 more, type to search" / "12 more, refine your search", or null when everything is shown. */
export function searchHint(shown: number, total: number, search: string): string | null {
  if (total <= shown) return null;
  const more = formatCount(total - shown);
  return search.trim() ? `${more} more, refine your search` : `${more} more, type to search`;
}

/**
 * The control's data: the page of matches first, in the server's order, then
 * selected options the page lacks (so the control can show their names), then
 * the hint as a disabled row.
 */
export function searchSelectData(matches: readonly Option[], selected: readonly Option[], hint: string | null): ComboboxItem[] {
  const seen = new Set<string>();
  const data: ComboboxItem[] = [];
  for (const o of [...matches, ...selected]) {
    if (seen.has(o.value)) continue;
    seen.add(o.value);
    data.push({ value: o.value, label: o.label });
  }
  if (hint) data.push({ value: HINT_VALUE, label: hint, disabled: true });
  return data;
}

/**
 * Narrows the current page by what is typed while the server is asked (the
 * debounce), keeping the hint row last. Matches from the server already contain
 * the text, so this never hides one of them.
 */
export const searchFilter: OptionsFilter = ({ options, search }) => {
  const q = search.trim().toLowerCase();
  const out: ComboboxParsedItem[] = [];
  for (const o of options) {
    if ('group' in o) {
      out.push({ ...o, items: o.items.filter((i) => i.value === HINT_VALUE || i.label.toLowerCase().includes(q)) });
    } else if (o.value === HINT_VALUE || o.label.toLowerCase().includes(q)) {
      out.push(o);
    }
  }
  return out;
};

/** What the API is asked: null for "everything" (no filter). */
export function searchVariable(search: string, selectedLabel?: string | null): string | null {
  const q = search.trim();
  // A single Select shows the chosen option's label in its input: that is not a search.
  if (!q || (selectedLabel != null && search === selectedLabel)) return null;
  return q;
}

/** Remembers id → label of every option seen, so selected values keep their names. */
export function rememberOptions(known: Map<string, string>, options: readonly Option[]): boolean {
  let changed = false;
  for (const o of options) {
    if (known.get(o.value) !== o.label) {
      known.set(o.value, o.label);
      changed = true;
    }
  }
  return changed;
}
