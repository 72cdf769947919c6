// One import job: live progress from the importJobProgress subscription
// (graphql-ws), then its per-user results. Polling backs the subscription up:
// fast when the socket failed or ended early, slow otherwise.
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { getFragmentData } from '../gql';
import { confirmAction } from '../lib/confirm';
import { errorMessage } from '../lib/errors';
import { formatDateTime, JOB_STATUS, jobFinished, percent } from './format';
import { CancelImportJobMutation, ImportJobFields, ImportJobProgressSubscription, ImportJobQuery } from './operations';
import { formatCount } from './pager';
import { LabelledProgress } from './LabelledProgress';
import { ResultsTable } from './ResultsTable';

export function JobView(props: { accountId: string; jobId: string; onStartOver: () => void; onFinished?: () => void }) {
  const { accountId, jobId, onStartOver, onFinished } = props;
  const [query, refetch] = useQuery({ query: ImportJobQuery, variables: { id: jobId }, requestPolicy: 'network-only' });
  const queried = getFragmentData(ImportJobFields, query.data?.importJob);
  const [sub] = useSubscription({ query: ImportJobProgressSubscription, variables: { jobId }, pause: !!queried && jobFinished(queried.status) });
  const pushed = getFragmentData(ImportJobFields, sub.data?.importJobProgress);
  // The newest of the two: processed only grows, and a finished job stays finished.
  const job = pushed && (!queried || pushed.processed >= queried.processed || jobFinished(pushed.status)) ? pushed : queried;
  const finished = !!job && jobFinished(job.status);
  const [cancelling, cancel] = useMutation(CancelImportJobMutation);

  const socketHealthy = sub.fetching && !sub.error;
  useEffect(() => {
    if (finished) return;
    const t = setInterval(() => refetch({ requestPolicy: 'network-only' }), socketHealthy ? 5000 : 1000);
    return () => clearInterval(t);
  }, [finished, socketHealthy, refetch]);

  // Announce and focus the outcome once, when the job ends while watched.
  const doneRef = useRef<HTMLHeadingElement>(null);
  const wasRunning = useRef(false);
  useEffect(() => {
    if (!finished) wasRunning.current = true;
    else {
      if (wasRunning.current) doneRef.current?.focus();
      onFinished?.();
    }
  }, [finished, onFinished]);

  if (!job) {
    if (query.error) {
      return (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="Could not load this import" role="alert">
          {errorMessage(query.error)}
        </Alert>
      );
    }
    if (!query.fetching && query.data) {
      return (
        <Alert color="yellow" title="Import not found" role="alert">
          This import does not exist in this account.{' '}
          <Button variant="subtle" size="compact-sm" onClick={onStartOver}>
            Start a new import
          </Button>
        </Alert>
      );
    }
    return <Text c="dimmed">Loading the import…</Text>;
  }

  const status = JOB_STATUS[job.status];
  const pct = percent(job.processed, job.total);
  const confirmCancel = async () => {
    const ok = await confirmAction({
      title: 'Cancel this import?',
      message: 'Users already imported stay imported; the rest are not imported.',
      confirmLabel: 'Cancel import',
      cancelLabel: 'Keep importing',
    });
    if (ok) void cancel({ id: job.id });
  };

  return (
    <Stack>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap">
            <Title order={2} size="h3" ref={doneRef} tabIndex={-1}>
              {finished ? 'Import finished' : 'Importing users…'}
            </Title>
            <Badge size="lg" color={status.color} variant="light">
              {status.label}
            </Badge>
          </Group>
          <LabelledProgress
            label="Import progress"
            value={finished && job.total === 0 ? 100 : pct}
            valueText={`${formatCount(job.processed)} of ${formatCount(job.total)} users processed`}
            running={!finished}
            color={job.status === 'FAILED' ? 'red' : job.status === 'CANCELLED' ? 'orange' : 'blue'}
          />
          <Text size="sm" role="status" aria-live="polite">
            {formatCount(job.processed)} of {formatCount(job.total)} users processed ({pct}%)
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
            <Count label="Imported" value={job.importedCount} color="green" />
            <Count label="Already imported" value={job.alreadyImportedCount} color="gray" />
            <Count label="Failed" value={job.failedCount} color="red" />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            Started {formatDateTime(job.startedAt ?? job.createdAt)} by {job.createdBy}
            {job.role ? ` · role ${job.role.name}` : ''}
            {job.teams.length ? ` · teams ${job.teams.map((t) => t.name).join(', ')}` : ''}
            {job.categories.length ? ` · categories ${job.categories.map((c) => c.name).join(', ')}` : ''}
            {job.finishedAt ? ` · finished ${formatDateTime(job.finishedAt)}` : ''}
          </Text>
          {job.error && (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="The import stopped">
              {job.error}
            </Alert>
          )}
          {finished && job.status === 'SUCCEEDED' && (
            <Alert color="green" icon={<IconCircleCheck aria-hidden />} title="Done">
              {formatCount(job.importedCount)} imported, {formatCount(job.alreadyImportedCount)} already imported, {formatCount(job.failedCount)} failed.
            </Alert>
          )}
          <Group gap="xs">
            {!finished && (
              <Button variant="default" color="red" onClick={confirmCancel} loading={cancelling.fetching} disabled={job.cancelRequested}>
                {job.cancelRequested ? 'Cancelling…' : 'Cancel import'}
              </Button>
            )}
            <Button component={Link} to={`/a/${accountId}/agents`} variant="light">
              Go to the agents list
            </Button>
            <Button variant="default" onClick={onStartOver}>
              Import more users
            </Button>
          </Group>
        </Stack>
      </Paper>
      {finished && <ResultsTable accountId={accountId} jobId={job.id} createdAt={job.createdAt} />}
    </Stack>
  );
}

function Count({ label, value, color }: { label: string; value: number; color: string }) {
  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" c={value > 0 ? `${color}.9` : undefined}>
        {formatCount(value)}
      </Text>
    </Paper>
  );
}
