import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { EntitySelect, type PickerKind } from '../pickers/EntitySelect';
import { activeFilterCount, emptyFilters, type AgentFilters } from './filters';

export interface Option {
  value: string;
  label: string;
}

interface Props {
  filters: AgentFilters;
  /** The search box shows what is typed; the query waits for a pause (debounced by the page). */
  searchText: string;
  onSearchText: (text: string) => void;
  onChange: (filters: AgentFilters) => void;
  /** Roles, teams and categories are searched in this account (server-side: there can be hundreds). */
  accountId: string;
}

const yesNo = (yes: string, no: string): Option[] => [
  { value: 'yes', label: yes },
  { value: 'no', label: no },
];

export function AgentFilterBar({ filters, searchText, onSearchText, onChange, accountId }: Props) {
  const set = <K extends keyof AgentFilters>(key: K, value: AgentFilters[K]) => onChange({ ...filters, [key]: value });
  const count = activeFilterCount(filters);
  const select = (label: string, key: 'roleId' | 'teamId' | 'categoryId', kind: PickerKind) => (
    <EntitySelect
      kind={kind}
      accountId={accountId}
      label={label}
      placeholder="Any"
      value={filters[key]}
      onChange={(v) => set(key, v)}
      clearable
      size="xs"
      w={{ base: '100%', xs: 170 }}
    />
  );
  // A fixed list of choices; the options' values are the filter's values.
  const choice = (label: string, key: 'enabled' | 'signedIn' | 'source' | 'ringexStatus', data: Option[], width: number) => (
    <Select
      label={label}
      placeholder="Any"
      data={data}
      value={filters[key]}
      onChange={(v) => set(key, v as AgentFilters[typeof key])}
      clearable
      size="xs"
      w={{ base: '100%', xs: width }}
    />
  );
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        label="Search"
        placeholder="Name, email or username"
        leftSection={<IconSearch size={14} aria-hidden />}
        value={searchText}
        onChange={(e) => onSearchText(e.currentTarget.value)}
        size="xs"
        w={{ base: '100%', xs: 240 }}
        type="search"
      />
      {select('Role', 'roleId', 'roles')}
      {select('Team', 'teamId', 'teams')}
      {select('Category', 'categoryId', 'categories')}
      {choice('Enabled', 'enabled', yesNo('Enabled', 'Disabled'), 130)}
      {choice('Signed in', 'signedIn', yesNo('Signed in', 'Signed out'), 130)}
      {choice(
        'Source',
        'source',
        [
          { value: 'MANUAL', label: 'Created by hand' },
          { value: 'RINGEX', label: 'Imported from RingEX' },
        ],
        170,
      )}
      {choice(
        'RingEX user',
        'ringexStatus',
        [
          { value: 'DISABLED', label: 'Disabled in RingEX' },
          { value: 'REMOVED', label: 'Removed from RingEX' },
        ],
        180,
      )}
      {(count > 0 || searchText) && (
        <Button
          variant="subtle"
          size="xs"
          onClick={() => {
            onSearchText('');
            onChange(emptyFilters);
          }}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
