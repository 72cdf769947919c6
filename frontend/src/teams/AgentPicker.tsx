import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { nodes } from '../lib/connection';

const AgentPickerQuery = graphql(`
  query AgentPicker($accountId: ID!, $search: String) {
    account(id: $accountId) {
      id
      agents(first: 20, where: { search: $search }, orderBy: [{ field: LAST_NAME }]) {
        edges {
          node {
            id
            firstName
            lastName
            username
          }
        }
      }
    }
  }
`);

/** Finds an agent of the account by name, email or username (server-side search). */
export function AgentPicker({
  accountId,
  label,
  value,
  onChange,
  exclude,
}: {
  accountId: string;
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  exclude?: ReadonlySet<string>;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [{ data, fetching }] = useQuery({ query: AgentPickerQuery, variables: { accountId, search: debounced.trim() || null } });
  const data_ = nodes(data?.account?.agents.edges)
    .filter((a) => !exclude?.has(a.id))
    .map((a) => ({ value: a.id, label: `${a.firstName} ${a.lastName} (${a.username})` }));
  return (
    <Select
      label={label}
      placeholder="Type a name, email or username"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={data_}
      value={value}
      onChange={onChange}
      nothingFoundMessage={fetching ? 'Searching…' : 'No matching agent'}
      clearable
    />
  );
}
