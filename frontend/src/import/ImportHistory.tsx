// Past imports of the account, newest first (importJobs).
import { Alert, Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { getFragmentData } from '../gql';
import { nodes } from '../lib/connection';
import { errorMessage } from '../lib/errors';
import { formatDateTime, JOB_STATUS } from './format';
import { ImportHistoryQuery, ImportJobFields } from './operations';
import { PagerControls } from './PagerControls';
import { firstPage, formatCount, nextPage, pageVariables, previousPage } from './pager';

/** `refreshKey` changes when a job starts or ends, so the list follows. */
export function ImportHistory({ accountId, refreshKey }: { accountId: string; refreshKey: string }) {
  const [pager, setPager] = useState(() => firstPage(10));
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ImportHistoryQuery,
    variables: { accountId, ...pageVariables(pager) },
    requestPolicy: 'cache-and-network',
  });
  useEffect(() => {
    if (refreshKey) refetch({ requestPolicy: 'network-only' });
  }, [refreshKey, refetch]);

  const conn = data?.importJobs;
  const jobs = getFragmentData(ImportJobFields, nodes(conn?.edges));

  return (
    <Stack component="section" aria-labelledby="history-title" mt="xl">
      <Title order={2} size="h3" id="history-title">
        Import history
      </Title>
      {error && (
        <Alert color="red" title="Could not load the import history" role="alert">
          {errorMessage(error)}
        </Alert>
      )}
      {!error && !fetching && jobs.length === 0 && <Text c="dimmed">No imports yet.</Text>}
      {jobs.length > 0 && (
        <>
          <Table.ScrollContainer minWidth={640} type="native">
            <Table aria-labelledby="history-title" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Started</Table.Th>
                  <Table.Th>By</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Imported / already / failed of total</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {jobs.map((j) => (
                  <Table.Tr key={j.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/a/${accountId}/agents/import?job=${encodeURIComponent(j.id)}`} size="sm">
                        {formatDateTime(j.createdAt)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td style={{ wordBreak: 'break-all' }}>{j.createdBy}</Table.Td>
                    <Table.Td>{j.role?.name ?? '—'}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={JOB_STATUS[j.status].color}>
                        {JOB_STATUS[j.status].label}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {formatCount(j.importedCount)} / {formatCount(j.alreadyImportedCount)} / {formatCount(j.failedCount)} of {formatCount(j.total)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <PagerControls
            label="Import history pages"
            pager={pager}
            rowsOnPage={jobs.length}
            total={conn?.totalCount ?? 0}
            hasNext={!!conn?.pageInfo.hasNextPage}
            onNext={() => setPager((p) => nextPage(p, conn?.pageInfo.endCursor))}
            onPrevious={() => setPager(previousPage)}
          />
        </>
      )}
    </Stack>
  );
}
