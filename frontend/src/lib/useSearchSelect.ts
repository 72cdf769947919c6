// State of a server-searched Select/MultiSelect: what is typed, the debounced
// search variable for the query, the names of options seen so far (so a
// selected value keeps its name when the current page of matches lacks it),
// and the props that make Mantine show the server's answer as is.
import type { ComboboxItem, OptionsFilter } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useRef, useState, type ReactNode } from 'react';
import { rememberOptions, searchFilter, searchHint, searchSelectData, searchVariable, type Option } from './searchSelect';

export interface SearchAnswer {
  /** The page of matches, in the server's order. */
  options: readonly Option[];
  /** How many match in all (the connection's totalCount). */
  total: number;
  fetching: boolean;
}

export interface SearchSelectProps {
  data: ComboboxItem[];
  searchable: true;
  searchValue: string;
  onSearchChange: (value: string) => void;
  filter: OptionsFilter;
  nothingFoundMessage: ReactNode;
}

export interface SearchSelect {
  /** The search variable: null asks for everything (the first page by name). */
  query: string | null;
  /** Selected values whose names are not known yet: look them up by id. */
  missing: string[];
  /** Props for the Select or MultiSelect, from the server's answer. */
  props: (answer: SearchAnswer) => SearchSelectProps;
}

export function useSearchSelect({
  selected,
  initial,
  single = false,
  noun = 'match',
  delay = 250,
}: {
  selected: readonly string[];
  /** Names already known, e.g. of the values a form starts with. */
  initial?: readonly Option[];
  /** A single Select shows the chosen label in its input; typing it is not a search. */
  single?: boolean;
  /** "team", for "No matching team". */
  noun?: string;
  delay?: number;
}): SearchSelect {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, delay);
  const known = useRef<Map<string, string>>(null);
  known.current ??= new Map();
  if (initial) rememberOptions(known.current, initial);
  const names = known.current;

  const selectedLabel = single && selected[0] !== undefined ? names.get(selected[0]) : undefined;
  const query = searchVariable(debounced, selectedLabel);
  const missing = selected.filter((id) => !names.has(id));

  const props = (answer: SearchAnswer): SearchSelectProps => {
    rememberOptions(names, answer.options);
    const chosen: Option[] = [];
    for (const id of selected) {
      const label = names.get(id);
      if (label !== undefined) chosen.push({ value: id, label });
    }
    const hint = searchHint(answer.options.length, answer.total, query ?? '');
    return {
      data: searchSelectData(answer.options, chosen, hint),
      searchable: true,
      searchValue: search,
      onSearchChange: setSearch,
      filter: searchFilter,
      nothingFoundMessage: answer.fetching || searchVariable(search, selectedLabel) !== query ? 'Searching…' : `No matching ${noun}`,
    };
  };

  return { query, missing, props };
}
