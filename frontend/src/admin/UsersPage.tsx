import { ActionIcon, Badge, Button, Group, Menu, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDots, IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { ConsoleUserWhereInput } from '../gql/graphql';
import { confirmAction } from '../lib/confirm';
import { nodes } from '../lib/connection';
import { notifyError, notifySuccess } from '../lib/notify';
import { pageVariables } from '../lib/pager';
import { usePager } from '../lib/usePager';
import { Empty, QueryState } from '../lib/QueryState';
import { TablePager } from '../lib/TablePager';
import { CreateUserModal } from './CreateUserModal';
import { MembershipsModal } from './MembershipsModal';
import { PasswordResetModal } from './PasswordResetModal';
import { TableScroll } from '../lib/TableScroll';

const UsersScreenQuery = graphql(`
  query UsersScreen($first: Int, $after: Cursor, $where: ConsoleUserWhereInput) {
    consoleUsers(first: $first, after: $after, where: $where, orderBy: { field: EMAIL }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          email
          name
          platformAdmin
          disabled
          lastSignInAt
          memberships {
            id
            account {
              id
              name
            }
            role {
              id
              name
            }
          }
        }
      }
    }
  }
`);

const SetUserDisabled = graphql(`
  mutation SetUserDisabled($id: ID!, $disabled: Boolean!) {
    updateConsoleUser(id: $id, input: { disabled: $disabled }) {
      user {
        id
        disabled
      }
    }
  }
`);

const context = { additionalTypenames: ['ConsoleUser', 'Membership'] };

export default function UsersPage() {
  const [searchText, setSearchText] = useState('');
  const [search] = useDebouncedValue(searchText.trim(), 300);
  const [pager, dispatch] = usePager(25, [search]);
  const where = useMemo<ConsoleUserWhereInput | null>(
    () => (search ? { or: [{ emailContainsFold: search }, { nameContainsFold: search }] } : null),
    [search],
  );
  const [{ data, fetching, error }, refetch] = useQuery({
    query: UsersScreenQuery,
    variables: { ...pageVariables(pager), where },
    context,
  });
  const [, setDisabled] = useMutation(SetUserDisabled);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<{ id: string; email: string } | null>(null);
  const [assigning, setAssigning] = useState<string | null>(null);
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const connection = data?.consoleUsers;
  const users = nodes(connection?.edges);

  const toggleDisabled = async (u: (typeof users)[number]) => {
    if (!u.disabled) {
      const ok = await confirmAction({
        title: `Disable ${u.email}?`,
        message: 'They are signed out and cannot sign in until enabled again. Their accounts keep working.',
        confirmLabel: 'Disable user',
      });
      if (!ok) return;
    }
    const res = await setDisabled({ id: u.id, disabled: !u.disabled }, context);
    if (res.error) return notifyError(res.error);
    notifySuccess(u.disabled ? `${u.email} enabled.` : `${u.email} disabled.`);
    refresh();
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Console users
        </Title>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
          New user
        </Button>
      </Group>
      <TextInput
        label="Search"
        placeholder="Email or name"
        type="search"
        leftSection={<IconSearch size={14} aria-hidden />}
        value={searchText}
        onChange={(e) => setSearchText(e.currentTarget.value)}
        w={{ base: '100%', xs: 300 }}
      />
      <QueryState fetching={fetching} error={error} hasData={!!connection} retry={refresh}>
        {users.length === 0 ? (
          <Empty title="No console users" description={search ? 'No user matches the search.' : undefined} />
        ) : (
          <TableScroll minWidth={760} label="Console users table">
            <Table aria-label="Console users" verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>User</Table.Th>
                  <Table.Th>Accounts and roles</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Last sign-in</Table.Th>
                  <Table.Th>Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {u.name}
                      </Text>
                      <Text size="xs">{u.email}</Text>
                    </Table.Td>
                    <Table.Td>
                      {(u.memberships ?? []).length === 0 ? (
                        <Text size="sm" c="dimmed">
                          None
                        </Text>
                      ) : (
                        (u.memberships ?? []).map((m) => (
                          <Text size="sm" key={m.id}>
                            {m.account.name}: {m.role.name}
                          </Text>
                        ))
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {u.platformAdmin && (
                          <Badge size="sm" variant="light">
                            Platform admin
                          </Badge>
                        )}
                        <Badge size="sm" variant="light" color={u.disabled ? 'gray' : 'green'}>
                          {u.disabled ? 'Disabled' : 'Active'}
                        </Badge>
                      </Group>
                    </Table.Td>
                    <Table.Td>{u.lastSignInAt ? new Date(u.lastSignInAt).toLocaleString() : 'Never'}</Table.Td>
                    <Table.Td>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${u.email}`}>
                            <IconDots size={18} aria-hidden />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item onClick={() => setAssigning(u.id)}>Accounts and roles</Menu.Item>
                          <Menu.Item onClick={() => setResetting({ id: u.id, email: u.email })}>Reset password</Menu.Item>
                          <Menu.Item color={u.disabled ? undefined : 'red'} onClick={() => void toggleDisabled(u)}>
                            {u.disabled ? 'Enable' : 'Disable'}
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
        <TablePager
          state={pager}
          dispatch={dispatch}
          shown={users.length}
          connection={connection}
          noun="users"
        />
      </QueryState>
      {creating && <CreateUserModal onClose={() => { setCreating(false); refresh(); }} />}
      {resetting && <PasswordResetModal user={resetting} onClose={() => setResetting(null)} />}
      {assigning && <MembershipsModal userId={assigning} onClose={() => { setAssigning(null); refresh(); }} />}
    </Stack>
  );
}
