// Settings > Integrations > RingEX: link the account to its RingEX company,
// see the link and the last directory sync, sync now, unlink, leaver policy.
import { Alert, Anchor, Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { getFragmentData } from '../gql';
import type { AccountLeaverPolicy } from '../gql/graphql';
import { formatDateTime } from '../import/format';
import { LabelledProgress } from '../import/LabelledProgress';
import { confirmAction } from '../lib/confirm';
import { errorMessage } from '../lib/errors';
import { LinkForm } from './LinkForm';
import { RingExAccountQuery, RingExStatusFields, RingExSyncProgressSubscription, SetLeaverPolicyMutation, SyncRingExMutation, UnlinkRingExMutation } from './operations';
import { SYNC_STATUS, syncInProgress, type SyncRequest } from './status';

const LEAVER_POLICIES: { value: AccountLeaverPolicy; label: string }[] = [
  { value: 'FLAG_ONLY', label: 'Flag the agent only (keep it enabled)' },
  { value: 'DISABLE', label: 'Disable the agent' },
];

export default function RingExPage() {
  const { accountId = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: RingExAccountQuery, variables: { accountId }, requestPolicy: 'cache-and-network' });
  const account = data?.account;
  const queried = getFragmentData(RingExStatusFields, account?.ringEx);
  const [syncRequest, setSyncRequest] = useState<SyncRequest | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [editing, setEditing] = useState(false);

  const watching = !!queried?.linked && syncInProgress(queried, syncRequest, now);
  const [sub] = useSubscription({ query: RingExSyncProgressSubscription, variables: { accountId }, pause: !watching });
  const pushed = getFragmentData(RingExStatusFields, sub.data?.ringExSyncProgress);
  const link = watching && pushed ? pushed : queried;
  const syncing = !!link?.linked && syncInProgress(link, syncRequest, now);

  // While a sync runs: tick the clock, and poll as a backstop for the socket.
  useEffect(() => {
    if (!syncing) return;
    const t = setInterval(() => {
      setNow(Date.now());
      refetch({ requestPolicy: 'network-only' });
    }, sub.error || !sub.fetching ? 1000 : 3000);
    return () => clearInterval(t);
  }, [syncing, sub.error, sub.fetching, refetch]);

  const [syncState, sync] = useMutation(SyncRingExMutation);
  const [unlinkState, unlink] = useMutation(UnlinkRingExMutation);
  const [leaverState, setLeaver] = useMutation(SetLeaverPolicyMutation);
  const canManage = !account || account.viewerPermissions.includes('MANAGE_INTEGRATIONS');

  async function syncNow() {
    const res = await sync({ accountId });
    if (res.error) {
      notifications.show({ color: 'red', title: 'Could not start the sync', message: errorMessage(res.error) });
      return;
    }
    setSyncRequest({ at: Date.now(), lastSyncAtBefore: link?.lastSyncAt ?? null });
    setNow(Date.now());
  }

  async function confirmUnlink() {
    const ok = await confirmAction({
      title: 'Unlink RingEX?',
      message:
        'Switchboard forgets the credentials and stops syncing the directory. Imported agents stay, but no one can import more users until the account is linked again.',
      confirmLabel: 'Unlink',
      cancelLabel: 'Keep the link',
    });
    if (!ok) return;
    const res = await unlink({ accountId });
    if (res.error) notifications.show({ color: 'red', title: 'Could not unlink', message: errorMessage(res.error) });
    else {
      notifications.show({ title: 'Unlinked', message: 'The account is no longer linked to RingEX.' });
      refetch({ requestPolicy: 'network-only' });
    }
  }

  async function changeLeaverPolicy(policy: AccountLeaverPolicy) {
    const res = await setLeaver({ accountId, policy });
    if (res.error) notifications.show({ color: 'red', title: 'Could not save the leaver policy', message: errorMessage(res.error) });
    else notifications.show({ title: 'Saved', message: 'Leaver policy updated.' });
  }

  const onLinked = () => {
    setEditing(false);
    notifications.show({ title: 'Linked', message: 'The account is linked to RingEX; the first directory sync has started.' });
    setSyncRequest({ at: Date.now(), lastSyncAtBefore: link?.lastSyncAt ?? null });
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <Stack maw={900}>
      <Title order={1} size="h2">
        RingEX integration
      </Title>
      <Text c="dimmed">The link to the RingEX company account that agents are imported from.</Text>
      {error && (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="Could not load the integration" role="alert">
          {errorMessage(error)}
        </Alert>
      )}
      {fetching && !account && <Text c="dimmed">Loading…</Text>}
      {data && !data.account && (
        <Alert color="yellow" title="Account not found" role="alert">
          This account does not exist or you have no access to it.
        </Alert>
      )}
      {account && !canManage && (
        <Alert color="yellow" title="Read only">
          Your role lacks the “manage integrations” permission: you can see the link but not change it.
        </Alert>
      )}
      {link && !link.linked && (
        <Paper withBorder p="md">
          <Stack>
            <Title order={2} size="h3">
              Link to RingEX
            </Title>
            <Text size="sm">This account is not linked. Enter the credentials of a RingEX app; Switchboard checks them with RingEX before saving.</Text>
            {canManage && <LinkForm accountId={accountId} submitLabel="Link account" onLinked={onLinked} />}
          </Stack>
        </Paper>
      )}
      {link?.linked && (
        <Paper withBorder p="md" component="section" aria-labelledby="link-status-title">
          <Stack>
            <Group justify="space-between">
              <Title order={2} size="h3" id="link-status-title">
                Status
              </Title>
              <Badge color="green" variant="light" size="lg">
                Linked
              </Badge>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" component="dl" m={0}>
              <Field label="Company ID" value={link.companyId ?? '—'} />
              <Field label="Users in the directory" value={link.userCount.toLocaleString('en-US')} />
              <Field label="Server" value={link.serverUrl ?? '—'} />
              <Field label="Client ID" value={link.clientId ?? '—'} />
              <Field label="Linked on" value={formatDateTime(link.linkedAt)} />
              <Field label="Last sync" value={formatDateTime(link.lastSyncAt)} />
              <Field
                label="Last sync result"
                value={
                  link.lastSyncStatus ? (
                    <Badge variant="light" color={SYNC_STATUS[link.lastSyncStatus].color}>
                      {SYNC_STATUS[link.lastSyncStatus].label}
                    </Badge>
                  ) : (
                    '—'
                  )
                }
              />
            </SimpleGrid>
            {link.lastSyncError && (
              <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="Last sync failed">
                {link.lastSyncError}
              </Alert>
            )}
            {syncing && (
              <Stack gap={4}>
                <LabelledProgress label="Directory sync in progress" valueText="Syncing" running />
                <Text size="sm" role="status" aria-live="polite">
                  Syncing the directory… {link.userCount.toLocaleString('en-US')} users so far.
                </Text>
              </Stack>
            )}
            <Group gap="xs">
              <Button onClick={() => void syncNow()} loading={syncState.fetching} disabled={!canManage || syncing}>
                {syncing ? 'Syncing…' : 'Sync now'}
              </Button>
              <Button component={Link} to={`/a/${accountId}/agents/import`} variant="light">
                Import agents
              </Button>
              {canManage && (
                <Button variant="default" onClick={() => setEditing((e) => !e)} aria-expanded={editing}>
                  Change credentials
                </Button>
              )}
              {canManage && (
                <Button color="red" variant="outline" onClick={confirmUnlink} loading={unlinkState.fetching}>
                  Unlink
                </Button>
              )}
            </Group>
            {editing && (
              <LinkForm
                accountId={accountId}
                initial={{ serverUrl: link.serverUrl ?? undefined, clientId: link.clientId ?? undefined }}
                submitLabel="Save credentials"
                onLinked={onLinked}
                onCancel={() => setEditing(false)}
              />
            )}
          </Stack>
        </Paper>
      )}
      {account && link?.linked && (
        <Paper withBorder p="md" component="section" aria-labelledby="leavers-title">
          <Stack gap="xs">
            <Title order={2} size="h3" id="leavers-title">
              Leavers
            </Title>
            <Text size="sm">
              Agents whose RingEX user is disabled or removed are always flagged in the{' '}
              <Anchor component={Link} to={`/a/${accountId}/agents`}>
                agents list
              </Anchor>
              . A sync that sees far fewer users than the last one marks nobody removed.
            </Text>
            <NativeSelect
              label="When a RingEX user is disabled or removed"
              value={account.leaverPolicy}
              onChange={(e) => void changeLeaverPolicy(e.currentTarget.value as AccountLeaverPolicy)}
              data={LEAVER_POLICIES}
              disabled={!canManage || leaverState.fetching}
              maw={420}
            />
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

function Field({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} size="sm" style={{ wordBreak: 'break-all' }}>
        {value}
      </Text>
    </div>
  );
}
