import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { showBulkResult } from '../lib/bulk';
import { confirmAction } from '../lib/confirm';
import { errorMessage } from '../lib/errors';
import { pageVariables } from '../lib/pager';
import { usePager } from '../lib/usePager';
import { Empty, QueryState } from '../lib/QueryState';
import { TablePager } from '../lib/TablePager';
import { nodes } from '../lib/connection';
import { notifyError } from '../lib/notify';
import { useAccountAccess } from '../shell/viewer';
import { AgentFilterBar } from './AgentFilterBar';
import { AgentFormModal } from './AgentFormModal';
import { agentRows, AgentTable, fullName, type AgentRow } from './AgentTable';
import { agentOrder, agentWhere, defaultSort, emptyFilters, toggleSort, type AgentFilters } from './filters';

const AgentsScreenQuery = graphql(`
  query AgentsScreen($accountId: ID!, $first: Int, $after: Cursor, $where: AgentWhereInput, $orderBy: [AgentOrder!]) {
    account(id: $accountId) {
      id
      agents(first: $first, after: $after, where: $where, orderBy: $orderBy) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            ...AgentRow
          }
        }
      }
    }
  }
`);

const SetAgentsEnabled = graphql(`
  mutation SetAgentsEnabled($ids: [ID!]!, $enabled: Boolean!) {
    setAgentsEnabled(ids: $ids, enabled: $enabled) {
      succeeded
      failed
      results {
        id
        ok
        code
        message
      }
    }
  }
`);

const DeleteAgents = graphql(`
  mutation DeleteAgents($ids: [ID!]!) {
    deleteAgents(ids: $ids) {
      succeeded
      failed
      results {
        id
        ok
        code
        message
      }
    }
  }
`);

const SignOutAgent = graphql(`
  mutation SignOutAgent($agentId: ID!) {
    signOutAgent(agentId: $agentId) {
      succeeded
      failed
      results {
        id
        ok
        code
        message
      }
    }
  }
`);

// Bulk and delete answers carry no Agent, so the list is told to refetch.
const context = { additionalTypenames: ['Agent', 'AgentConnection'] };

export default function AgentsPage() {
  const { accountId, can } = useAccountAccess();
  const [searchText, setSearchText] = useState('');
  const [search] = useDebouncedValue(searchText, 300);
  const [filters, setFilters] = useState<AgentFilters>(emptyFilters);
  const [sort, setSort] = useState(defaultSort);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);

  const where = useMemo(() => agentWhere({ ...filters, search }), [filters, search]);
  // A new search, filter or order starts from the first page.
  const [pager, dispatch] = usePager(25, [where, sort]);

  const [{ data, fetching, error }, refetch] = useQuery({
    query: AgentsScreenQuery,
    variables: { accountId, ...pageVariables(pager), where, orderBy: agentOrder(sort) },
    context,
  });
  const [, setEnabled] = useMutation(SetAgentsEnabled);
  const [, deleteAgents] = useMutation(DeleteAgents);
  const [, signOutAgent] = useMutation(SignOutAgent);

  const account = data?.account;
  const connection = account?.agents;
  const rows = agentRows(nodes(connection?.edges));
  const names = useMemo(() => new Map(rows.map((r) => [r.id, fullName(r)])), [rows]);
  const nameOf = (id: string) => names.get(id) ?? id;
  const refresh = () => refetch({ requestPolicy: 'network-only' });

  const canWrite = can('WRITE_AGENTS');

  const runEnabled = async (ids: string[], enabled: boolean) => {
    const res = await setEnabled({ ids, enabled }, context);
    if (res.error || !res.data) return notifyError(res.error);
    showBulkResult(enabled ? 'Enable' : 'Disable', res.data.setAgentsEnabled, nameOf);
    refresh();
  };
  const runDelete = async (ids: string[]) => {
    const who = ids.length === 1 ? nameOf(ids[0]!) : `${ids.length} agents`;
    const ok = await confirmAction({
      title: `Delete ${who}?`,
      message: 'Deleting cannot be undone. Agents who have ever signed in cannot be deleted: disable them instead.',
      confirmLabel: 'Delete',
    });
    if (!ok) return;
    const res = await deleteAgents({ ids }, context);
    if (res.error || !res.data) return notifyError(res.error);
    showBulkResult('Delete', res.data.deleteAgents, nameOf);
    setSelected(new Set());
    refresh();
  };
  const runSignOut = async (a: AgentRow) => {
    const ok = await confirmAction({
      title: `Sign ${fullName(a)} out?`,
      message: 'The agent’s session ends at once; they can sign in again.',
      confirmLabel: 'Sign out',
    });
    if (!ok) return;
    const res = await signOutAgent({ agentId: a.id }, context);
    if (res.error || !res.data) return notifyError(res.error);
    showBulkResult('Sign out', res.data.signOutAgent, nameOf);
    refresh();
  };

  const select = (ids: string[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Agents
        </Title>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ id: null })}>
            New agent
          </Button>
        )}
      </Group>
      <AgentFilterBar
        filters={filters}
        searchText={searchText}
        onSearchText={setSearchText}
        onChange={setFilters}
        accountId={accountId}
      />
      {canWrite && selected.size > 0 && (
        <Paper withBorder p="xs" role="region" aria-label="Bulk actions">
          <Group gap="sm">
            <Text size="sm">{selected.size} selected</Text>
            <Button size="xs" variant="default" onClick={() => void runEnabled([...selected], true)}>
              Enable
            </Button>
            <Button size="xs" variant="default" onClick={() => void runEnabled([...selected], false)}>
              Disable
            </Button>
            <Button size="xs" color="red" variant="light" onClick={() => void runDelete([...selected])}>
              Delete
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setSelected(new Set())}>
              Clear selection
            </Button>
          </Group>
        </Paper>
      )}
      <QueryState fetching={fetching} error={error} hasData={!!connection} retry={refresh}>
        {account === null ? (
          <Empty title="Account not found" description="It does not exist or you are not a member of it." />
        ) : rows.length === 0 && !fetching ? (
          <Empty
            title="No agents"
            description={Object.keys(where).length ? 'No agent matches the search and filters.' : 'This account has no agents yet.'}
          />
        ) : (
          <AgentTable
            rows={rows}
            sort={sort}
            onSort={(field) => setSort((s) => toggleSort(s, field))}
            selected={selected}
            onSelect={select}
            selectable={canWrite}
            actions={{
              ...(canWrite && {
                edit: (a: AgentRow) => setEditing({ id: a.id }),
                setEnabled: (a: AgentRow, enabled: boolean) => void runEnabled([a.id], enabled),
                remove: (a: AgentRow) => void runDelete([a.id]),
              }),
              ...(can('SIGN_OUT_AGENTS') && { signOut: (a: AgentRow) => void runSignOut(a) }),
            }}
          />
        )}
        <TablePager
          state={pager}
          dispatch={dispatch}
          shown={rows.length}
          connection={connection}
          noun="agents"
        />
      </QueryState>
      {editing && (
        <AgentFormModal
          accountId={accountId}
          agentId={editing.id}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            refresh();
          }}
        />
      )}
      {error && connection && <Text c="red" size="sm">{errorMessage(error)}</Text>}
    </Stack>
  );
}
