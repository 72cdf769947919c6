import { Code, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { nodes } from '../lib/connection';
import { pageVariables } from '../lib/pager';
import { usePager } from '../lib/usePager';
import { Empty, QueryState } from '../lib/QueryState';
import { TablePager } from '../lib/TablePager';
import { useAccountAccess } from '../shell/viewer';
import { auditWhere, type AuditFilters } from './auditFilters';
import { TableScroll } from '../lib/TableScroll';

const AuditScreenQuery = graphql(`
  query AuditScreen($accountId: ID!, $first: Int, $after: Cursor, $where: AuditEventWhereInput) {
    auditEvents(accountId: $accountId, first: $first, after: $after, where: $where, orderBy: { field: CREATED_AT, direction: DESC }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          createdAt
          actor
          action
          targetType
          targetID
          changes
        }
      }
    }
  }
`);

export default function AuditPage() {
  const { accountId } = useAccountAccess();
  const [typed, setTyped] = useState<AuditFilters>({ action: '', actor: '', from: '', to: '' });
  const [filters] = useDebouncedValue(typed, 300);
  const where = useMemo(() => auditWhere(filters), [filters]);
  const [pager, dispatch] = usePager(50, [where]);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AuditScreenQuery,
    variables: { accountId, ...pageVariables(pager), where },
    requestPolicy: 'cache-and-network',
  });
  const connection = data?.auditEvents;
  const events = nodes(connection?.edges);
  const set = (k: keyof AuditFilters) => (e: React.ChangeEvent<HTMLInputElement>) => setTyped({ ...typed, [k]: e.currentTarget.value });

  return (
    <Stack>
      <Title order={1} size="h2">
        Audit log
      </Title>
      <Group align="flex-end" wrap="wrap" gap="sm">
        <TextInput label="Action" placeholder="e.g. agent.create" value={typed.action} onChange={set('action')} size="xs" w={{ base: '100%', xs: 200 }} />
        <TextInput label="Actor" placeholder="Email or token name" value={typed.actor} onChange={set('actor')} size="xs" w={{ base: '100%', xs: 200 }} />
        <TextInput label="From" type="datetime-local" value={typed.from} onChange={set('from')} size="xs" w={{ base: '100%', xs: 200 }} />
        <TextInput label="To" type="datetime-local" value={typed.to} onChange={set('to')} size="xs" w={{ base: '100%', xs: 200 }} />
      </Group>
      <QueryState fetching={fetching} error={error} hasData={!!connection} retry={() => refetch({ requestPolicy: 'network-only' })}>
        {events.length === 0 ? (
          <Empty title="No events" description={Object.keys(where).length ? 'No event matches the filters.' : 'Nothing has been recorded yet.'} />
        ) : (
          <TableScroll minWidth={760} label="Audit events table">
            <Table aria-label="Audit events" verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Actor</Table.Th>
                  <Table.Th>Action</Table.Th>
                  <Table.Th>Target</Table.Th>
                  <Table.Th>Changes</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {events.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{new Date(e.createdAt).toLocaleString()}</Table.Td>
                    <Table.Td>{e.actor}</Table.Td>
                    <Table.Td>
                      <Code>{e.action}</Code>
                    </Table.Td>
                    <Table.Td>{e.targetType ? `${e.targetType} ${e.targetID ?? ''}` : '—'}</Table.Td>
                    <Table.Td>
                      {e.changes ? (
                        <Text size="xs" ff="monospace" style={{ wordBreak: 'break-word' }} lineClamp={3}>
                          {JSON.stringify(e.changes)}
                        </Text>
                      ) : (
                        '—'
                      )}
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
          shown={events.length}
          connection={connection}
          noun="events"
        />
      </QueryState>
    </Stack>
  );
}
