import { ActionIcon, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { confirmAction } from '../lib/confirm';
import { notifyError, notifySuccess } from '../lib/notify';
import { QueryState } from '../lib/QueryState';
import { EntitySelect } from '../pickers/EntitySelect';

const MembershipsQuery = graphql(`
  query Memberships($userId: ID!) {
    node(id: $userId) {
      __typename
      ... on ConsoleUser {
        id
        email
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
`);

const AssignMembership = graphql(`
  mutation AssignMembership($userId: ID!, $accountId: ID!, $roleId: ID!) {
    assignMembership(userId: $userId, accountId: $accountId, roleId: $roleId) {
      membership {
        id
      }
    }
  }
`);

const UnassignMembership = graphql(`
  mutation UnassignMembership($userId: ID!, $accountId: ID!) {
    unassignMembership(userId: $userId, accountId: $accountId)
  }
`);

const context = { additionalTypenames: ['Membership', 'ConsoleUser'] };

/** Which accounts a console user manages, with which role; assign or remove. */
export function MembershipsModal({ userId, onClose }: { userId: string; onClose: () => void }) {
  const [accountId, setAccountId] = useState<string | null>(null);
  const [roleId, setRoleId] = useState<string | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MembershipsQuery,
    variables: { userId },
    context,
  });
  const [{ fetching: assigning }, assign] = useMutation(AssignMembership);
  const [, unassign] = useMutation(UnassignMembership);
  const user = data?.node?.__typename === 'ConsoleUser' ? (data.node as Extract<NonNullable<typeof data.node>, { __typename: 'ConsoleUser' }>) : null;
  const refresh = () => refetch({ requestPolicy: 'network-only' });

  const submit = async () => {
    if (!accountId || !roleId) return;
    const res = await assign({ userId, accountId, roleId }, context);
    if (res.error) return notifyError(res.error);
    notifySuccess('Membership saved.');
    // Same variables, fresh answer: the list shows the new membership.
    setRoleId(null);
    refresh();
  };

  const remove = async (m: { account: { id: string; name: string } }) => {
    const ok = await confirmAction({
      title: `Remove ${user?.email ?? 'the user'} from ${m.account.name}?`,
      message: 'They can no longer manage this account. The account itself is not changed.',
      confirmLabel: 'Remove',
    });
    if (!ok) return;
    const res = await unassign({ userId, accountId: m.account.id }, context);
    if (res.error) return notifyError(res.error);
    refresh();
  };

  return (
    <Modal opened onClose={onClose} title={user ? `Accounts of ${user.email}` : 'Accounts'} size="lg">
      <QueryState fetching={fetching} error={error} hasData={!!user}>
        <Stack>
          {(user?.memberships ?? []).length === 0 ? (
            <Text size="sm" c="dimmed">
              Not assigned to any account.
            </Text>
          ) : (
            <Table aria-label="Memberships">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Account</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Remove</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(user?.memberships ?? []).map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{m.account.name}</Table.Td>
                    <Table.Td>{m.role.name}</Table.Td>
                    <Table.Td>
                      <ActionIcon variant="subtle" color="red" aria-label={`Remove from ${m.account.name}`} onClick={() => void remove(m)}>
                        <IconX size={16} aria-hidden />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group align="flex-end" wrap="wrap">
            <EntitySelect
              kind="accounts"
              label="Account"
              placeholder="Type to find an account"
              value={accountId}
              onChange={(v) => {
                setAccountId(v);
                setRoleId(null);
              }}
              w={{ base: '100%', xs: 220 }}
            />
            <EntitySelect
              // A new account, a new list of roles.
              key={accountId ?? ''}
              kind="roles"
              accountId={accountId}
              label="Role"
              placeholder={accountId ? 'Choose a role' : 'Choose an account first'}
              disabled={!accountId}
              value={roleId}
              onChange={setRoleId}
              w={{ base: '100%', xs: 200 }}
            />
            <Button onClick={() => void submit()} disabled={!accountId || !roleId} loading={assigning}>
              Assign
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            Assigning to an account where the user already is changes their role there.
          </Text>
        </Stack>
      </QueryState>
    </Modal>
  );
}
