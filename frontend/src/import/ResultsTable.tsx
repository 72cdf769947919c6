// Per-user results of a finished import, filterable by outcome, with the
// CSV the server renders.
import { Alert, Badge, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useClient, useQuery } from 'urql';
import type { ImportResultOutcome } from '../gql/graphql';
import { nodes } from '../lib/connection';
import { errorMessage } from '../lib/errors';
import { downloadCsv, resultsFilename } from './csv';
import { mappingMatch, RESULT_OUTCOME } from './format';
import { ImportResultsCsvQuery, ImportResultsQuery } from './operations';
import { PagerControls } from './PagerControls';
import { firstPage, nextPage, pageVariables, previousPage } from './pager';

const OUTCOMES: ImportResultOutcome[] = ['IMPORTED', 'ALREADY_IMPORTED', 'FAILED'];

export function ResultsTable({ accountId, jobId, createdAt }: { accountId: string; jobId: string; createdAt: string }) {
  const [outcome, setOutcome] = useState<ImportResultOutcome | ''>('');
  const [pager, setPager] = useState(() => firstPage(25));
  const [{ data, fetching, error }] = useQuery({
    query: ImportResultsQuery,
    variables: { id: jobId, where: outcome ? { outcome } : null, ...pageVariables(pager) },
    requestPolicy: 'cache-and-network',
  });
  const conn = data?.importJob?.results;
  const rows = nodes(conn?.edges);

  const client = useClient();
  const [downloading, setDownloading] = useState(false);
  async function download() {
    setDownloading(true);
    try {
      const res = await client.query(ImportResultsCsvQuery, { id: jobId }, { requestPolicy: 'network-only' }).toPromise();
      const csv = res.data?.importJob?.resultsCsv;
      if (csv === undefined) throw new Error(errorMessage(res.error) ?? 'The results are not available.');
      downloadCsv(csv, resultsFilename(jobId, createdAt));
    } catch (e) {
      notifications.show({ color: 'red', title: 'Could not download the results', message: (e as Error).message });
    } finally {
      setDownloading(false);
    }
  }

  return (
    <Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={2} size="h3" id="results-title">
          Results
        </Title>
        <Group gap="xs" align="flex-end">
          <NativeSelect
            label="Outcome"
            value={outcome}
            onChange={(e) => {
              setOutcome(e.currentTarget.value as ImportResultOutcome | '');
              setPager((p) => firstPage(p.size));
            }}
            data={[{ value: '', label: 'All outcomes' }, ...OUTCOMES.map((o) => ({ value: o, label: RESULT_OUTCOME[o].label }))]}
          />
          <Button leftSection={<IconDownload size={16} aria-hidden />} variant="default" onClick={() => void download()} loading={downloading}>
            Download CSV
          </Button>
        </Group>
      </Group>
      {error && (
        <Alert color="red" title="Could not load the results" role="alert">
          {errorMessage(error)}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={340} type="native">
        <Table aria-labelledby="results-title" aria-busy={fetching} striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>User</Table.Th>
              <Table.Th visibleFrom="sm">Username</Table.Th>
              <Table.Th>Outcome</Table.Th>
              <Table.Th>Details</Table.Th>
              <Table.Th visibleFrom="sm">Timezone</Table.Th>
              <Table.Th visibleFrom="sm">Language</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Text size="sm">{r.name}</Text>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {r.email}
                  </Text>
                </Table.Td>
                <Table.Td visibleFrom="sm" style={{ overflowWrap: 'anywhere' }}>
                  {r.username}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={RESULT_OUTCOME[r.outcome].color}>
                    {RESULT_OUTCOME[r.outcome].label}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {r.outcome === 'FAILED' ? (
                    <Text size="sm">
                      {r.message}
                      {r.code && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          ({r.code})
                        </Text>
                      )}
                    </Text>
                  ) : r.agent ? (
                    <Text size="sm">
                      <Link to={`/a/${accountId}/agents?agent=${encodeURIComponent(r.agent.id)}`}>View agent</Link> · {r.agent.role.name}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Text size="sm">{r.timezone || '—'}</Text>
                  {r.timezoneMatch && <Text size="xs" c="dimmed">{mappingMatch(r.timezoneMatch).label}</Text>}
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Text size="sm">{r.language || '—'}</Text>
                  {r.languageMatch && <Text size="xs" c="dimmed">{mappingMatch(r.languageMatch).label}</Text>}
                </Table.Td>
              </Table.Tr>
            ))}
            {!fetching && rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text ta="center" c="dimmed" py="md">
                    No results {outcome ? 'with this outcome' : 'yet'}.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <PagerControls
        label="Result pages"
        pager={pager}
        rowsOnPage={rows.length}
        total={conn?.totalCount ?? 0}
        hasNext={!!conn?.pageInfo.hasNextPage}
        onNext={() => setPager((p) => nextPage(p, conn?.pageInfo.endCursor))}
        onPrevious={() => setPager(previousPage)}
      />
    </Stack>
  );
}
