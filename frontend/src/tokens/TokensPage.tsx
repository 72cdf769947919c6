import { Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { ApiTokenScope } from '../gql/graphql';
import { confirmAction } from '../lib/confirm';
import { nodes } from '../lib/connection';
import { formErrors } from '../lib/errors';
import { notifyError, notifySuccess } from '../lib/notify';
import { Empty, FormAlert, QueryState } from '../lib/QueryState';
import { SecretOnce } from '../lib/SecretOnce';
import { useAccountAccess } from '../shell/viewer';
import { TableScroll } from '../lib/TableScroll';
import { pageVariables } from '../lib/pager';
import { usePager } from '../lib/usePager';
import { TablePager } from '../lib/TablePager';

const TokensScreenQuery = graphql(`
  query TokensScreen($accountId: ID!, $first: Int, $after: Cursor) {
    apiTokens(accountId: $accountId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          prefix
          scope
          createdAt
          expiresAt
          revokedAt
          lastUsedAt
          user {
            id
            email
          }
        }
      }
    }
  }
`);

const CreateToken = graphql(`
  mutation CreateAPIToken($input: CreateAPITokenInput!) {
    createAPIToken(input: $input) {
      token {
        id
        name
      }
      secret
    }
  }
`);

const RevokeToken = graphql(`
  mutation RevokeAPIToken($id: ID!) {
    revokeAPIToken(id: $id) {
      token {
        id
        revokedAt
      }
    }
  }
`);

const context = { additionalTypenames: ['APIToken'] };
const when = (t: string | null | undefined) => (t ? new Date(t).toLocaleString() : '—');

export default function TokensPage() {
  const { accountId } = useAccountAccess();
  const [pager, dispatch] = usePager(25, [accountId]);
  const [{ data, fetching, error }, refetch] = useQuery({ query: TokensScreenQuery, variables: { accountId, ...pageVariables(pager) }, context });
  const [, revoke] = useMutation(RevokeToken);
  const [creating, setCreating] = useState(false);
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const connection = data?.apiTokens;
  const tokens = nodes(connection?.edges);

  const runRevoke = async (t: { id: string; name: string }) => {
    const ok = await confirmAction({
      title: `Revoke “${t.name}”?`,
      message: 'Every program using this token loses access at once. This cannot be undone.',
      confirmLabel: 'Revoke token',
    });
    if (!ok) return;
    const res = await revoke({ id: t.id }, context);
    if (res.error) return notifyError(res.error);
    notifySuccess(`Token “${t.name}” revoked.`);
    refresh();
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          API tokens
        </Title>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
          New token
        </Button>
      </Group>
      <Text c="dimmed">Programs send a token as “Authorization: Bearer …”. Read-only tokens suit partner dashboards.</Text>
      <QueryState fetching={fetching} error={error} hasData={!!data} retry={refresh}>
        {tokens.length === 0 ? (
          <Empty title="No API tokens" />
        ) : (
          <TableScroll minWidth={760} label="API tokens table">
            <Table aria-label="API tokens" verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Prefix</Table.Th>
                  <Table.Th>Scope</Table.Th>
                  <Table.Th>Created by</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th>Expires</Table.Th>
                  <Table.Th>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.map((t) => (
                  <Table.Tr key={t.id}>
                    <Table.Td fw={600}>{t.name}</Table.Td>
                    <Table.Td ff="monospace">{t.prefix}…</Table.Td>
                    <Table.Td>{t.scope === 'READ_ONLY' ? 'Read only' : 'Full'}</Table.Td>
                    <Table.Td>{t.user.email}</Table.Td>
                    <Table.Td>{when(t.lastUsedAt)}</Table.Td>
                    <Table.Td>{when(t.expiresAt)}</Table.Td>
                    <Table.Td>
                      {t.revokedAt ? (
                        <Badge color="gray" variant="light">
                          Revoked
                        </Badge>
                      ) : (
                        <Button size="xs" color="red" variant="light" onClick={() => void runRevoke(t)} aria-label={`Revoke ${t.name}`}>
                          Revoke
                        </Button>
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
          shown={tokens.length}
          connection={connection}
          noun="tokens"
        />
      </QueryState>
      {creating && (
        <CreateTokenModal
          accountId={accountId}
          onClose={() => {
            setCreating(false);
            refresh();
          }}
        />
      )}
    </Stack>
  );
}

function CreateTokenModal({ accountId, onClose }: { accountId: string; onClose: () => void }) {
  const [general, setGeneral] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [{ fetching }, create] = useMutation(CreateToken);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { name: '', scope: 'READ_ONLY' as ApiTokenScope, expiresAt: '' },
    validate: { name: isNotEmpty('Name the token after the program that uses it') },
  });
  const submit = form.onSubmit(async (v) => {
    const res = await create(
      {
        input: {
          accountId,
          name: v.name.trim(),
          scope: v.scope,
          ...(v.expiresAt ? { expiresAt: new Date(`${v.expiresAt}T23:59:59`).toISOString() } : {}),
        },
      },
      context,
    );
    if (res.error || !res.data) {
      const e = formErrors(res.error ?? null, { knownFields: ['name', 'scope', 'expiresAt'] });
      form.setErrors(e.fields);
      setGeneral(e.general);
      return;
    }
    setSecret(res.data.createAPIToken.secret);
  });
  return (
    <Modal opened onClose={onClose} title="New API token">
      {secret ? (
        <Stack>
          <SecretOnce title="Token secret" secret={secret} />
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormAlert message={general} />
            <TextInput label="Name" required data-autofocus key={form.key('name')} {...form.getInputProps('name')} />
            <Select
              label="Scope"
              allowDeselect={false}
              data={[
                { value: 'READ_ONLY', label: 'Read only' },
                { value: 'FULL', label: 'Full access (your permissions)' },
              ]}
              key={form.key('scope')}
              {...form.getInputProps('scope')}
            />
            <TextInput label="Expires on" description="Optional" type="date" key={form.key('expiresAt')} {...form.getInputProps('expiresAt')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={fetching}>
                Create token
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
