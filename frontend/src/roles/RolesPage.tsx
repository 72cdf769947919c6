import { ActionIcon, Badge, Button, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { Permission } from '../gql/graphql';
import { confirmAction } from '../lib/confirm';
import { nodes } from '../lib/connection';
import { notifyError, notifySuccess } from '../lib/notify';
import { Empty, QueryState } from '../lib/QueryState';
import { useAccountAccess } from '../shell/viewer';
import { PermissionMatrix } from './PermissionMatrix';
import type { MatrixRole } from './permissionMatrix';
import { RoleFormModal, type RoleDraft } from './RoleFormModal';
import { TableScroll } from '../lib/TableScroll';
import { pageVariables } from '../lib/pager';
import { usePager } from '../lib/usePager';
import { TablePager } from '../lib/TablePager';

const RolesScreenQuery = graphql(`
  query RolesScreen($accountId: ID!, $first: Int, $after: Cursor) {
    permissionCatalogue {
      permission
      description
    }
    account(id: $accountId) {
      id
      viewerPermissions
      roles(first: $first, after: $after, orderBy: { field: NAME }) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            name
            description
            predefined
            permissions
            agentCount
          }
        }
      }
    }
  }
`);

export const UpdateRolePermissions = graphql(`
  mutation UpdateRolePermissions($id: ID!, $permissions: [Permission!]!) {
    updateRole(id: $id, input: { permissions: $permissions }) {
      role {
        id
        permissions
      }
    }
  }
`);

const DeleteRole = graphql(`
  mutation DeleteRole($id: ID!) {
    deleteRole(id: $id) {
      deletedId
    }
  }
`);

const context = { additionalTypenames: ['Role'] };

export default function RolesPage() {
  const { accountId, can } = useAccountAccess();
  const client = useClient();
  const [pager, dispatch] = usePager(25, [accountId]);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: RolesScreenQuery,
    variables: { accountId, ...pageVariables(pager) },
    context,
  });
  const [, deleteRole] = useMutation(DeleteRole);
  const [draft, setDraft] = useState<RoleDraft | null>(null);
  const refresh = () => refetch({ requestPolicy: 'network-only' });

  const account = data?.account;
  const connection = account?.roles;
  const roles = nodes(connection?.edges);
  const canManage = can('MANAGE_ROLES');

  const saveMatrix = async (changed: MatrixRole<Permission>[]) => {
    for (const role of changed) {
      const res = await client.mutation(UpdateRolePermissions, { id: role.id, permissions: [...role.permissions] }).toPromise();
      if (res.error) {
        notifyError(res.error);
        refresh();
        return false;
      }
    }
    notifySuccess(changed.length === 1 ? 'Role saved.' : `${changed.length} roles saved.`);
    return true;
  };

  const remove = async (role: (typeof roles)[number]) => {
    const ok = await confirmAction({
      title: `Delete the role “${role.name}”?`,
      message: 'Roles still held by agents or console users cannot be deleted.',
      confirmLabel: 'Delete role',
    });
    if (!ok) return;
    const res = await deleteRole({ id: role.id }, context);
    if (res.error) return notifyError(res.error);
    notifySuccess(`Role “${role.name}” deleted.`);
    refresh();
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Roles and permissions
        </Title>
        {canManage && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDraft({ id: null, name: '', description: '' })}>
            New role
          </Button>
        )}
      </Group>
      <QueryState fetching={fetching} error={error} hasData={!!account} retry={refresh}>
        {!account ? (
          <Empty title="Account not found" />
        ) : (
          <>
            <TableScroll minWidth={560} label="Roles table">
              <Table aria-label="Roles" verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Role</Table.Th>
                    <Table.Th>Description</Table.Th>
                    <Table.Th>Agents</Table.Th>
                    <Table.Th>Permissions</Table.Th>
                    {canManage && <Table.Th>Actions</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {roles.map((role) => (
                    <Table.Tr key={role.id}>
                      <Table.Td>
                        <Group gap="xs">
                          <Text size="sm" fw={600}>
                            {role.name}
                          </Text>
                          {role.predefined && (
                            <Badge size="xs" color="gray" variant="light">
                              Predefined
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>{role.description || '—'}</Table.Td>
                      <Table.Td>{role.agentCount}</Table.Td>
                      <Table.Td>{role.permissions.length}</Table.Td>
                      {canManage && (
                        <Table.Td>
                          {role.predefined ? (
                            <Text size="xs" c="dimmed">
                              Protected
                            </Text>
                          ) : (
                            <Group gap={4} wrap="nowrap">
                              <Tooltip label="Rename">
                                <ActionIcon variant="subtle" aria-label={`Rename ${role.name}`} onClick={() => setDraft({ id: role.id, name: role.name, description: role.description })}>
                                  <IconPencil size={16} aria-hidden />
                                </ActionIcon>
                              </Tooltip>
                              <Tooltip label="Delete">
                                <ActionIcon variant="subtle" color="red" aria-label={`Delete ${role.name}`} onClick={() => void remove(role)}>
                                  <IconTrash size={16} aria-hidden />
                                </ActionIcon>
                              </Tooltip>
                            </Group>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
            <TablePager
              state={pager}
              dispatch={dispatch}
              shown={roles.length}
              connection={connection}
              noun="roles"
            />
            <Title order={2} size="h3">
              Permission matrix
            </Title>
            <Text size="sm" c="dimmed">
              Predefined roles are fixed. A custom role can hold any permission you hold yourself.
              {connection && connection.totalCount > roles.length && ' The matrix shows the roles of the page above.'}
            </Text>
            <PermissionMatrix
              key={roles.map((r) => `${r.id}:${r.permissions.join(',')}`).join('|')}
              catalogue={data.permissionCatalogue}
              roles={roles}
              viewerPermissions={account.viewerPermissions}
              onSave={saveMatrix}
            />
          </>
        )}
      </QueryState>
      {draft && (
        <RoleFormModal
          accountId={accountId}
          draft={draft}
          onClose={() => setDraft(null)}
          onSaved={() => {
            setDraft(null);
            refresh();
          }}
        />
      )}
    </Stack>
  );
}
