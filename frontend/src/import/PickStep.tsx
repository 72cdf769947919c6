// Step 1: the RingEX directory as a server-paginated table with search,
// filters and the selection model of selection.ts (rows, or every match).
import { Alert, Badge, Button, Checkbox, Group, NativeSelect, Paper, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertCircle, IconSearch } from '@tabler/icons-react';
import { useEffect, type Dispatch } from 'react';
import { useQuery } from 'urql';
import type { RingExUserStatus } from '../gql/graphql';
import { nodes } from '../lib/connection';
import { errorMessage } from '../lib/errors';
import { fullName, rowCheckboxLabel, selectionSummary, USER_STATUSES, userStatusColor, userStatusLabel } from './format';
import { DirectoryUsersQuery } from './operations';
import { PagerControls } from './PagerControls';
import { pageVariables } from './pager';
import { hasSelection, headerState, isSelected } from './selection';
import { toUserFilter, type WizardAction, type WizardState } from './wizard';

const SEARCH_DEBOUNCE_MS = 300;

export function PickStep({ accountId, state, dispatch }: { accountId: string; state: WizardState; dispatch: Dispatch<WizardAction> }) {
  const [settled] = useDebouncedValue(state.searchText, SEARCH_DEBOUNCE_MS);
  useEffect(() => dispatch({ type: 'searchSettled', search: settled }), [settled, dispatch]);

  const { first, after } = pageVariables(state.pager);
  const [{ data, fetching, error }] = useQuery({
    query: DirectoryUsersQuery,
    variables: { accountId, search: state.query.search || null, filter: toUserFilter(state.query.filter), first, after },
    requestPolicy: 'cache-and-network',
  });
  const conn = data?.ringExUsers;
  const rows = nodes(conn?.edges);
  const total = conn?.totalCount ?? 0;
  const pageIds = rows.map((r) => r.id);

  useEffect(() => {
    if (conn) dispatch({ type: 'totalLoaded', total: conn.totalCount });
  }, [conn, dispatch]);

  const header = headerState(state.selection, pageIds);
  const summary = selectionSummary(state.selection, state.matchingTotal);
  const canGoOn = hasSelection(state.selection, state.matchingTotal);

  return (
    <Stack>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label="Search RingCentral users"
          description="Name, email or extension number"
          type="search"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={state.searchText}
          onChange={(e) => dispatch({ type: 'searchTyped', text: e.currentTarget.value })}
          style={{ flex: '1 1 240px' }}
          data-autofocus
        />
        <NativeSelect
          label="Status"
          value={state.query.filter.status ?? ''}
          onChange={(e) => dispatch({ type: 'statusChanged', status: (e.currentTarget.value || null) as RingExUserStatus | null })}
          data={[{ value: '', label: 'All statuses' }, ...USER_STATUSES]}
          style={{ flex: '0 1 180px' }}
        />
        <Switch
          label="Hide imported users"
          checked={state.query.filter.hideImported}
          onChange={(e) => dispatch({ type: 'hideImportedChanged', hide: e.currentTarget.checked })}
          mb={8}
        />
      </Group>

      <Paper withBorder p="xs" role="status" aria-live="polite" bg={summary ? 'var(--mantine-color-blue-light)' : undefined}>
        <Group justify="space-between" gap="xs" mih={30}>
          <Text size="sm" fw={summary ? 600 : 400}>
            {summary ?? 'No users selected. Tick rows, or the header box to select every user matching the search.'}
          </Text>
          {summary && (
            <Button variant="subtle" size="compact-sm" onClick={() => dispatch({ type: 'selectionCleared' })}>
              Clear selection
            </Button>
          )}
        </Group>
      </Paper>

      {error && (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="Could not load the RingEX directory" role="alert">
          {errorMessage(error)}
        </Alert>
      )}

      <Table.ScrollContainer minWidth={340} type="native">
        <Table striped highlightOnHover aria-label="RingCentral users" aria-busy={fetching} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>
                <Checkbox
                  aria-label="Select all users matching the search, on every page"
                  checked={header === 'checked'}
                  indeterminate={header === 'indeterminate'}
                  onChange={() => dispatch({ type: 'headerToggled', pageIds })}
                  disabled={total === 0}
                />
              </Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th visibleFrom="sm">Email</Table.Th>
              <Table.Th visibleFrom="sm">Extension</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th visibleFrom="sm">Imported</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((u) => (
              <Table.Tr key={u.id} bg={isSelected(state.selection, u.id) ? 'var(--mantine-color-blue-light)' : undefined}>
                <Table.Td>
                  <Checkbox
                    aria-label={rowCheckboxLabel(u)}
                    checked={isSelected(state.selection, u.id)}
                    onChange={() => dispatch({ type: 'rowToggled', id: u.id })}
                  />
                </Table.Td>
                <Table.Td>
                  {fullName(u)}
                  {/* Narrow screens fold email and extension under the name. */}
                  <Text hiddenFrom="sm" size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {u.email} · ext. {u.extensionNumber}
                  </Text>
                </Table.Td>
                <Table.Td visibleFrom="sm" style={{ overflowWrap: 'anywhere' }}>
                  {u.email}
                </Table.Td>
                <Table.Td visibleFrom="sm">{u.extensionNumber}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={userStatusColor(u.status)}>
                    {userStatusLabel(u.status)}
                  </Badge>
                  {u.removed && (
                    <Badge variant="outline" color="red" ml={4}>
                      Removed
                    </Badge>
                  )}
                  {u.imported && (
                    <Badge hiddenFrom="sm" variant="light" color="teal" display="block" mt={4}>
                      Imported
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  {u.imported ? (
                    <Badge variant="light" color="teal">
                      Imported
                    </Badge>
                  ) : (
                    <Text span size="sm" c="dimmed">
                      No
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            {!fetching && !error && rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text ta="center" c="dimmed" py="lg">
                    {state.query.search ? `No RingCentral users match “${state.query.search}”.` : 'No RingCentral users to show.'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {fetching && rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text ta="center" c="dimmed" py="lg">
                    Loading users…
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <PagerControls
        label="Directory pages"
        pager={state.pager}
        rowsOnPage={rows.length}
        total={total}
        hasNext={!!conn?.pageInfo.hasNextPage}
        onNext={() => dispatch({ type: 'nextPage', endCursor: conn?.pageInfo.endCursor })}
        onPrevious={() => dispatch({ type: 'previousPage' })}
        onSize={(size) => dispatch({ type: 'pageSizeChanged', size })}
      />

      <Group justify="flex-end">
        <Button onClick={() => dispatch({ type: 'next' })} disabled={!canGoOn}>
          Next: configure
        </Button>
      </Group>
    </Stack>
  );
}
