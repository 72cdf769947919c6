import { ActionIcon, Button, Group, Modal, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { IconPencil, IconPlus, IconTrash, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { confirmAction } from '../lib/confirm';
import { nodes } from '../lib/connection';
import { formErrors } from '../lib/errors';
import { notifyError, notifySuccess } from '../lib/notify';
import { Empty, FormAlert, QueryState } from '../lib/QueryState';
import { useAccountAccess } from '../shell/viewer';
import { TeamMembersModal } from './TeamMembersModal';
import { TableScroll } from '../lib/TableScroll';
import { pageVariables } from '../lib/pager';
import { usePager } from '../lib/usePager';
import { TablePager } from '../lib/TablePager';

const TeamsScreenQuery = graphql(`
  query TeamsScreen($accountId: ID!, $first: Int, $after: Cursor) {
    account(id: $accountId) {
      id
      teams(first: $first, after: $after, orderBy: { field: NAME }) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            name
            members {
              totalCount
            }
            leaders {
              totalCount
            }
          }
        }
      }
    }
  }
`);

const CreateTeam = graphql(`
  mutation CreateTeam($input: CreateTeamInput!) {
    createTeam(input: $input) {
      team {
        id
        name
      }
    }
  }
`);

const RenameTeam = graphql(`
  mutation RenameTeam($id: ID!, $name: String!) {
    updateTeam(id: $id, input: { name: $name }) {
      team {
        id
        name
      }
    }
  }
`);

const DeleteTeam = graphql(`
  mutation DeleteTeam($id: ID!) {
    deleteTeam(id: $id) {
      deletedId
    }
  }
`);

const context = { additionalTypenames: ['Team'] };

export default function TeamsPage() {
  const { accountId, can } = useAccountAccess();
  // Another account starts from its first page.
  const [pager, dispatch] = usePager(25, [accountId]);
  const [{ data, fetching, error }, refetch] = useQuery({ query: TeamsScreenQuery, variables: { accountId, ...pageVariables(pager) }, context });
  const [, deleteTeam] = useMutation(DeleteTeam);
  const [naming, setNaming] = useState<{ id: string | null; name: string } | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const canManage = can('MANAGE_TEAMS');
  const connection = data?.account?.teams;
  const teams = nodes(connection?.edges);

  const remove = async (team: { id: string; name: string }) => {
    const ok = await confirmAction({
      title: `Delete the team “${team.name}”?`,
      message: 'Its agents stay; only the team and its memberships go.',
      confirmLabel: 'Delete team',
    });
    if (!ok) return;
    const res = await deleteTeam({ id: team.id }, context);
    if (res.error) return notifyError(res.error);
    notifySuccess(`Team “${team.name}” deleted.`);
    refresh();
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Teams
        </Title>
        {canManage && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setNaming({ id: null, name: '' })}>
            New team
          </Button>
        )}
      </Group>
      <QueryState fetching={fetching} error={error} hasData={!!data?.account} retry={refresh}>
        {teams.length === 0 && !connection?.totalCount ? (
          <Empty title="No teams" description="Teams group agents under leaders." />
        ) : (
          <TableScroll minWidth={480} label="Teams table">
            <Table aria-label="Teams" verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Team</Table.Th>
                  <Table.Th>Members</Table.Th>
                  <Table.Th>Leaders</Table.Th>
                  <Table.Th>Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {teams.map((t) => (
                  <Table.Tr key={t.id}>
                    <Table.Td fw={600}>{t.name}</Table.Td>
                    <Table.Td>{t.members.totalCount}</Table.Td>
                    <Table.Td>{t.leaders.totalCount}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Tooltip label="Members and leaders">
                          <ActionIcon variant="subtle" aria-label={`Members and leaders of ${t.name}`} onClick={() => setOpen(t.id)}>
                            <IconUsers size={16} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                        {canManage && (
                          <>
                            <Tooltip label="Rename">
                              <ActionIcon variant="subtle" aria-label={`Rename ${t.name}`} onClick={() => setNaming({ id: t.id, name: t.name })}>
                                <IconPencil size={16} aria-hidden />
                              </ActionIcon>
                            </Tooltip>
                            <Tooltip label="Delete">
                              <ActionIcon variant="subtle" color="red" aria-label={`Delete ${t.name}`} onClick={() => void remove(t)}>
                                <IconTrash size={16} aria-hidden />
                              </ActionIcon>
                            </Tooltip>
                          </>
                        )}
                      </Group>
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
          shown={teams.length}
          connection={connection}
          noun="teams"
        />
      </QueryState>
      {naming && (
        <TeamNameModal
          accountId={accountId}
          team={naming}
          onClose={() => setNaming(null)}
          onSaved={() => {
            setNaming(null);
            refresh();
          }}
        />
      )}
      {open && <TeamMembersModal accountId={accountId} teamId={open} canManage={canManage} onClose={() => { setOpen(null); refresh(); }} />}
    </Stack>
  );
}

function TeamNameModal({ accountId, team, onClose, onSaved }: { accountId: string; team: { id: string | null; name: string }; onClose: () => void; onSaved: () => void }) {
  const [general, setGeneral] = useState<string | null>(null);
  const [{ fetching: creating }, create] = useMutation(CreateTeam);
  const [{ fetching: renaming }, rename] = useMutation(RenameTeam);
  const form = useForm({ mode: 'uncontrolled', initialValues: { name: team.name }, validate: { name: isNotEmpty('Name the team') } });
  const submit = form.onSubmit(async ({ name }) => {
    const res = team.id ? await rename({ id: team.id, name: name.trim() }) : await create({ input: { accountID: accountId, name: name.trim() } });
    if (res.error) {
      const e = formErrors(res.error, { knownFields: ['name'] });
      form.setErrors(e.fields);
      setGeneral(e.general);
      return;
    }
    notifySuccess(team.id ? 'Team renamed.' : 'Team created.');
    onSaved();
  });
  return (
    <Modal opened onClose={onClose} title={team.id ? 'Rename team' : 'New team'}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert message={general} />
          <TextInput label="Name" required data-autofocus key={form.key('name')} {...form.getInputProps('name')} />
          <Text size="xs" c="dimmed">
            Add members and leaders from the team’s list afterwards.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={creating || renaming}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
