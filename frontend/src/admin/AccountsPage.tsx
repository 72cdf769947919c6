import { Anchor, Button, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { nodes } from '../lib/connection';
import { formErrors } from '../lib/errors';
import { notifySuccess } from '../lib/notify';
import { Empty, FormAlert, QueryState } from '../lib/QueryState';
import { TableScroll } from '../lib/TableScroll';
import { pageVariables } from '../lib/pager';
import { usePager } from '../lib/usePager';
import { TablePager } from '../lib/TablePager';

const AccountsScreenQuery = graphql(`
  query AccountsScreen($first: Int, $after: Cursor, $q: String) {
    accounts(first: $first, after: $after, where: { nameContainsFold: $q }, orderBy: { field: NAME }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          createdAt
          defaultTimezone
          defaultLanguage
          archived
          agents {
            totalCount
          }
        }
      }
    }
  }
`);

const CreateAccount = graphql(`
  mutation CreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) {
      account {
        id
        name
      }
    }
  }
`);

const context = { additionalTypenames: ['Account'] };

export default function AccountsPage() {
  const [searchText, setSearchText] = useState('');
  const [search] = useDebouncedValue(searchText.trim(), 300);
  // A new search starts from the first page.
  const [pager, dispatch] = usePager(25, [search]);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AccountsScreenQuery,
    variables: { ...pageVariables(pager), q: search || null },
    context,
  });
  const [creating, setCreating] = useState(false);
  const connection = data?.accounts;
  const accounts = nodes(connection?.edges);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Accounts
        </Title>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
          New account
        </Button>
      </Group>
      <Text c="dimmed">Each account is one business. Create it first, then assign the people who manage it on Console users.</Text>
      <TextInput
        label="Search"
        placeholder="Account name"
        type="search"
        leftSection={<IconSearch size={14} aria-hidden />}
        value={searchText}
        onChange={(e) => setSearchText(e.currentTarget.value)}
        size="xs"
        w={{ base: '100%', xs: 260 }}
      />
      <QueryState fetching={fetching} error={error} hasData={!!data} retry={() => refetch({ requestPolicy: 'network-only' })}>
        {accounts.length === 0 ? (
          <Empty title={search ? 'No matching account' : 'No accounts yet'} />
        ) : (
          <TableScroll minWidth={560} label="Accounts table">
            <Table aria-label="Accounts" verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Account</Table.Th>
                  <Table.Th>Agents</Table.Th>
                  <Table.Th>Timezone</Table.Th>
                  <Table.Th>Language</Table.Th>
                  <Table.Th>Created</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {accounts.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/a/${a.id}/agents`} fw={600}>
                        {a.name}
                      </Anchor>
                      {a.archived && ' (archived)'}
                    </Table.Td>
                    <Table.Td>{a.agents.totalCount}</Table.Td>
                    <Table.Td>{a.defaultTimezone}</Table.Td>
                    <Table.Td>{a.defaultLanguage}</Table.Td>
                    <Table.Td>{new Date(a.createdAt).toLocaleDateString()}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
        <TablePager
          state={pager}
          dispatch={dispatch}
          shown={accounts.length}
          connection={connection}
          noun="accounts"
        />
      </QueryState>
      {creating && (
        <CreateAccountModal
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      )}
    </Stack>
  );
}

function CreateAccountModal({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const [general, setGeneral] = useState<string | null>(null);
  const [{ fetching }, create] = useMutation(CreateAccount);
  const form = useForm({ mode: 'uncontrolled', initialValues: { name: '' }, validate: { name: isNotEmpty('Name the account') } });
  const submit = form.onSubmit(async ({ name }) => {
    const res = await create({ input: { name: name.trim() } }, context);
    if (res.error || !res.data) {
      const e = formErrors(res.error ?? null, { knownFields: ['name'] });
      form.setErrors(e.fields);
      setGeneral(e.general);
      return;
    }
    notifySuccess(`Account “${res.data.createAccount.account.name}” created with its predefined roles and agent states.`);
    onCreated();
  });
  return (
    <Modal opened onClose={onClose} title="New account">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert message={general} />
          <TextInput label="Name" required data-autofocus key={form.key('name')} {...form.getInputProps('name')} />
          <Text size="xs" c="dimmed">
            Defaults (timezone, language, agent states) can be changed in the account’s settings.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={fetching}>
              Create account
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
