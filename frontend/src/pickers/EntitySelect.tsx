// Pickers of an account's teams, roles and categories, and of accounts, with
// the search done by the server: any of hundreds of rows is a few keystrokes
// away, and what is already selected keeps its name.
import { Select, type SelectProps } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { getFragmentData } from '../gql';
import { nodes } from '../lib/connection';
import { SEARCH_PAGE_SIZE, type Option } from '../lib/searchSelect';
import { useSearchSelect, type SearchAnswer } from '../lib/useSearchSelect';
import { categoryOption, namedOption, roleOption } from './labels';
import { CategoryOptionFields, PickerLabelsQuery, PickerOptionsQuery } from './operations';

export type PickerKind = 'teams' | 'roles' | 'categories' | 'accounts';

const nouns: Record<PickerKind, string> = { teams: 'team', roles: 'role', categories: 'category', accounts: 'account' };
const contexts: Record<PickerKind, { additionalTypenames: string[] }> = {
  teams: { additionalTypenames: ['Team'] },
  roles: { additionalTypenames: ['Role'] },
  categories: { additionalTypenames: ['Category'] },
  accounts: { additionalTypenames: ['Account'] },
};

/** One page of options matching `q` (null: the first by name). */
function usePickerOptions(kind: PickerKind, accountId: string | null | undefined, q: string | null, pause = false): SearchAnswer {
  const inAccount = kind !== 'accounts';
  const [{ data, fetching }] = useQuery({
    query: PickerOptionsQuery,
    variables: {
      accountId: accountId ?? '',
      inAccount,
      q,
      first: SEARCH_PAGE_SIZE,
      teams: kind === 'teams',
      roles: kind === 'roles',
      categories: kind === 'categories',
      accounts: kind === 'accounts',
    },
    pause: pause || (inAccount && !accountId),
    context: contexts[kind],
  });
  // Not asked yet (paused) counts as waiting: the list says "Searching…", not "No match".
  const waiting = fetching || !data;
  return useMemo(() => {
    const a = data?.account;
    switch (kind) {
      case 'teams':
        return { options: nodes(a?.teams?.edges).map(namedOption), total: a?.teams?.totalCount ?? 0, fetching: waiting };
      case 'roles':
        return { options: nodes(a?.roles?.edges).map(roleOption), total: a?.roles?.totalCount ?? 0, fetching: waiting };
      case 'categories':
        return {
          options: nodes(a?.categories?.edges).map((c) => categoryOption(getFragmentData(CategoryOptionFields, c))),
          total: a?.categories?.totalCount ?? 0,
          fetching: waiting,
        };
      case 'accounts':
        return { options: nodes(data?.accounts?.edges).map(namedOption), total: data?.accounts?.totalCount ?? 0, fetching: waiting };
    }
  }, [data, waiting, kind]);
}

/** Names of selected values the pickers have not seen yet, looked up by id. */
export function usePickerLabels(ids: readonly string[]): Option[] {
  const [{ data }] = useQuery({ query: PickerLabelsQuery, variables: { ids: [...ids] }, pause: ids.length === 0 });
  return useMemo(() => {
    const out: Option[] = [];
    for (const n of data?.nodes ?? []) {
      if (!n) continue;
      switch (n.__typename) {
        case 'Team':
        case 'Account':
          out.push(namedOption(n));
          break;
        case 'Role':
          out.push(roleOption(n));
          break;
        case 'Category':
          out.push(categoryOption(getFragmentData(CategoryOptionFields, n)));
          break;
      }
    }
    return out;
  }, [data]);
}

export interface PickerProps {
  kind: PickerKind;
  /** The account whose teams, roles or categories are offered (not for kind "accounts"). */
  accountId?: string | null;
  /** Names already known of values the control starts with. */
  initialOptions?: readonly Option[];
}

export type ServerSearched = 'data' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter' | 'nothingFoundMessage';

export type EntitySelectProps = PickerProps &
  Omit<SelectProps, ServerSearched | 'value' | 'defaultValue' | 'onChange'> & {
    value?: string | null;
    defaultValue?: string | null;
    onChange?: (value: string | null) => void;
  };

/** A single-value picker; works controlled (value) or with a form's defaultValue. */
export function EntitySelect({ kind, accountId, initialOptions, value, defaultValue, onChange, onDropdownOpen, ...rest }: EntitySelectProps) {
  const [own, setOwn] = useState<string | null>(defaultValue ?? null);
  const current = value !== undefined ? value : own;
  const picker = useLazyPicker(kind, accountId, current ? [current] : [], initialOptions, true, onDropdownOpen);
  return (
    <Select
      {...rest}
      {...picker}
      value={current}
      onChange={(v) => {
        setOwn(v);
        onChange?.(v);
      }}
    />
  );
}

/**
 * A picker's server-searched options and search props. Options are asked for
 * once the list first opens, not with every screen that shows the control.
 */
export function useLazyPicker(
  kind: PickerKind,
  accountId: string | null | undefined,
  selected: readonly string[],
  initialOptions: readonly Option[] | undefined,
  single: boolean,
  onDropdownOpen: (() => void) | undefined,
) {
  const s = useNamedSearch(kind, selected, initialOptions, single);
  const [opened, setOpened] = useState(false);
  const answer = usePickerOptions(kind, accountId, s.query, !opened);
  return {
    ...s.props(answer),
    onDropdownOpen: () => {
      setOpened(true);
      onDropdownOpen?.();
    },
  };
}

/**
 * The search state, with the names of selected values neither initialOptions
 * nor any answer so far has given looked up by id.
 */
function useNamedSearch(kind: PickerKind, selected: readonly string[], initialOptions: readonly Option[] | undefined, single = false) {
  const [lookedUp, setLookedUp] = useState<readonly Option[]>([]);
  const initial = useMemo(() => [...(initialOptions ?? []), ...lookedUp], [initialOptions, lookedUp]);
  const s = useSearchSelect({ selected, initial, single, noun: nouns[kind] });
  const fetched = usePickerLabels(s.missing);
  useEffect(() => {
    if (fetched.length) setLookedUp(fetched);
  }, [fetched]);
  return s;
}
