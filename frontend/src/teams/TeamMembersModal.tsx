import { ActionIcon, Button, Group, Modal, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { TeamMemberKind } from '../gql/graphql';
import { nodes } from '../lib/connection';
import { notifyError } from '../lib/notify';
import { QueryState } from '../lib/QueryState';
import { pageVariables } from '../lib/pager';
import { usePager } from '../lib/usePager';
import { TablePager } from '../lib/TablePager';
import { AgentPicker } from './AgentPicker';

const TeamMembersQuery = graphql(`
  query TeamMembers($teamId: ID!, $membersFirst: Int, $membersAfter: Cursor, $leadersFirst: Int, $leadersAfter: Cursor) {
    node(id: $teamId) {
      __typename
      ... on Team {
        id
        name
        members(first: $membersFirst, after: $membersAfter, orderBy: [{ field: LAST_NAME }, { field: FIRST_NAME }]) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              id
              firstName
              lastName
              username
            }
          }
        }
        leaders(first: $leadersFirst, after: $leadersAfter, orderBy: [{ field: LAST_NAME }, { field: FIRST_NAME }]) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
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
  }
`);

const AddTeamMembers = graphql(`
  mutation AddTeamMembers($teamId: ID!, $agentIds: [ID!]!, $kind: TeamMemberKind!) {
    addTeamMembers(teamId: $teamId, agentIds: $agentIds, kind: $kind) {
      team {
        id
      }
      results {
        id
        ok
        message
      }
    }
  }
`);

const RemoveTeamMembers = graphql(`
  mutation RemoveTeamMembers($teamId: ID!, $agentIds: [ID!]!, $kind: TeamMemberKind!) {
    removeTeamMembers(teamId: $teamId, agentIds: $agentIds, kind: $kind) {
      team {
        id
      }
      results {
        id
        ok
        message
      }
    }
  }
`);

const context = { additionalTypenames: ['Agent', 'Team'] };

export function TeamMembersModal({ accountId, teamId, canManage, onClose }: { accountId: string; teamId: string; canManage: boolean; onClose: () => void }) {
  const [membersPager, membersDispatch] = usePager(25, [teamId]);
  const [leadersPager, leadersDispatch] = usePager(25, [teamId]);
  const members_ = pageVariables(membersPager);
  const leaders_ = pageVariables(leadersPager);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: TeamMembersQuery,
    variables: { teamId, membersFirst: members_.first, membersAfter: members_.after, leadersFirst: leaders_.first, leadersAfter: leaders_.after },
    context,
  });
  const [, add] = useMutation(AddTeamMembers);
  const [, remove] = useMutation(RemoveTeamMembers);
  const [kind, setKind] = useState<TeamMemberKind>('MEMBER');
  const [pick, setPick] = useState<string | null>(null);
  const team = data?.node?.__typename === 'Team' ? (data.node as Extract<NonNullable<typeof data.node>, { __typename: 'Team' }>) : null;
  const refresh = () => refetch({ requestPolicy: 'network-only' });

  const members = nodes(team?.members.edges);
  const leaders = nodes(team?.leaders.edges);
  const current = kind === 'MEMBER' ? members : leaders;
  const connection = kind === 'MEMBER' ? team?.members : team?.leaders;

  const run = async (op: typeof add | typeof remove, agentIds: string[], k: TeamMemberKind) => {
    const res = await op({ teamId, agentIds, kind: k }, context);
    if (res.error) return notifyError(res.error);
    const payload = res.data && ('addTeamMembers' in res.data ? res.data.addTeamMembers : (res.data as { removeTeamMembers: { results: { ok: boolean; message?: string | null }[] } }).removeTeamMembers);
    const failed = payload?.results.find((r) => !r.ok);
    if (failed) notifyError({ graphQLErrors: [{ message: failed.message ?? 'failed' }] });
    setPick(null);
    refresh();
  };

  return (
    <Modal opened onClose={onClose} title={team ? `Team “${team.name}”` : 'Team'} size="lg">
      <QueryState fetching={fetching} error={error} hasData={!!team}>
        <Stack>
          <SegmentedControl
            aria-label="Show"
            value={kind}
            onChange={(v) => setKind(v as TeamMemberKind)}
            data={[
              { value: 'MEMBER', label: `Members (${team?.members.totalCount ?? 0})` },
              { value: 'LEADER', label: `Leaders (${team?.leaders.totalCount ?? 0})` },
            ]}
          />
          {canManage && (
            <Group align="flex-end" wrap="wrap">
              <div style={{ flex: 1, minWidth: 220 }}>
                <AgentPicker
                  accountId={accountId}
                  label={kind === 'MEMBER' ? 'Add a member' : 'Add a leader'}
                  value={pick}
                  onChange={setPick}
                  exclude={new Set(current.map((a) => a.id))}
                />
              </div>
              <Button disabled={!pick} onClick={() => pick && void run(add, [pick], kind)}>
                Add
              </Button>
            </Group>
          )}
          <Title order={3} size="h5">
            {kind === 'MEMBER' ? 'Members' : 'Leaders'}
          </Title>
          {current.length === 0 ? (
            <Text c="dimmed" size="sm">
              {kind === 'MEMBER' ? 'No members yet.' : 'No leaders yet.'}
            </Text>
          ) : (
            <Table aria-label={kind === 'MEMBER' ? 'Members' : 'Leaders'}>
              <Table.Tbody>
                {current.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      {a.firstName} {a.lastName}
                    </Table.Td>
                    <Table.Td>{a.username}</Table.Td>
                    {canManage && (
                      <Table.Td w={40}>
                        <ActionIcon variant="subtle" color="red" aria-label={`Remove ${a.firstName} ${a.lastName}`} onClick={() => void run(remove, [a.id], kind)}>
                          <IconX size={16} aria-hidden />
                        </ActionIcon>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <TablePager
            state={kind === 'MEMBER' ? membersPager : leadersPager}
            dispatch={kind === 'MEMBER' ? membersDispatch : leadersDispatch}
            shown={current.length}
            connection={connection}
            noun={kind === 'MEMBER' ? 'members' : 'leaders'}
          />
        </Stack>
      </QueryState>
    </Modal>
  );
}
