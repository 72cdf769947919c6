// Users > Agents > Import users: pick RingEX users, configure, import, watch
// progress, read the results; the history below. The job being watched is in
// the URL (?job=…) so a reload or a shared link shows the same import.
import { Alert, Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconPlugConnectedX } from '@tabler/icons-react';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useAllPages } from '../lib/allPages';
import { errorMessage, hasErrorCode } from '../lib/errors';
import { ConfigureStep } from './ConfigureStep';
import { ImportHistory } from './ImportHistory';
import { JobView } from './JobView';
import { ImportAccountQuery, ImportRolesQuery } from './operations';
import { PickStep } from './PickStep';
import { StepIndicator } from './StepIndicator';
import { initialWizard, wizardReducer } from './wizard';

export default function ImportPage() {
  const { accountId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');
  const [state, dispatch] = useReducer(wizardReducer, undefined, () => initialWizard());
  const [{ data, fetching, error }] = useQuery({ query: ImportAccountQuery, variables: { accountId } });
  const account = data?.account;

  const roles = useAllPages(ImportRolesQuery, { accountId }, (d) => d.account?.roles).data;

  // Each step starts with its heading focused, so keyboard and screen-reader
  // users land at the top of what changed.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const stepKey = jobId ? `job:${jobId}` : state.step;
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [stepKey]);

  const onStarted = useCallback(
    (id: string) => {
      dispatch({ type: 'reset' });
      setParams({ job: id });
    },
    [setParams],
  );
  const onStartOver = useCallback(() => setParams({}), [setParams]);
  // The history shows the watched job too: refresh it when that job ends.
  const [finishedJob, setFinishedJob] = useState<string | null>(null);
  const onFinished = useCallback(() => setFinishedJob(jobId), [jobId]);

  const notLinked = hasErrorCode(error, 'RINGEX_NOT_LINKED') || (account && !account.ringEx.linked);
  const mayImport = !account || account.viewerPermissions.includes('IMPORT_AGENTS');
  const stepIndex = jobId ? 2 : state.step === 'pick' ? 0 : 1;
  const stepTitle = jobId ? 'Import progress and results' : state.step === 'pick' ? 'Pick RingCentral users to import' : 'Configure imported users';

  return (
    <Stack>
      <Title order={1} size="h2">
        Import agents from RingEX
      </Title>
      {error && !notLinked && (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="Could not load the account" role="alert">
          {errorMessage(error)}
        </Alert>
      )}
      {fetching && !account && <Text c="dimmed">Loading…</Text>}
      {data && !data.account && (
        <Alert color="yellow" title="Account not found" role="alert">
          This account does not exist or you have no access to it.
        </Alert>
      )}
      {notLinked && (
        <Alert color="yellow" icon={<IconPlugConnectedX aria-hidden />} title="This account is not linked to RingEX">
          <Text size="sm">
            Agents are imported from the account&apos;s RingEX company directory. Link the account first:{' '}
            <Anchor component={Link} to={`/a/${accountId}/integrations/ringex`}>
              set up the RingEX integration
            </Anchor>
            .
          </Text>
        </Alert>
      )}
      {account && !notLinked && !mayImport && (
        <Alert color="yellow" title="You cannot import agents" role="alert">
          Your role in this account lacks the “import agents” permission.
        </Alert>
      )}
      {account && !notLinked && mayImport && (
        <>
          <StepIndicator steps={['Pick users', 'Configure', 'Import']} active={stepIndex} />
          <Group justify="space-between">
            <Title order={2} size="h3" ref={headingRef} tabIndex={-1}>
              {stepTitle}
            </Title>
            {!jobId && (
              <Text size="sm" c="dimmed">
                {account.ringEx.userCount.toLocaleString('en-US')} users in the RingEX directory
              </Text>
            )}
          </Group>
          {jobId ? (
            <JobView accountId={accountId} jobId={jobId} onStartOver={onStartOver} onFinished={onFinished} />
          ) : state.step === 'pick' ? (
            <PickStep accountId={accountId} state={state} dispatch={dispatch} />
          ) : (
            <ConfigureStep accountId={accountId} roles={roles ?? []} state={state} dispatch={dispatch} onStarted={onStarted} />
          )}
        </>
      )}
      {account && mayImport && <ImportHistory accountId={accountId} refreshKey={`${jobId ?? ''}:${finishedJob ?? ''}`} />}
    </Stack>
  );
}
