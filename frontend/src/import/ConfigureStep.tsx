// Step 2: role (required), teams and categories (optional), the server's
// preview of what the import will do, and the Import button.
import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMemo, useState, type Dispatch } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { errorMessage, formErrors } from '../lib/errors';
import { formatCount } from './pager';
import { ImportAgentsMutation, ImportPreviewQuery } from './operations';
import { EntityMultiSelect } from '../pickers/EntityMultiSelect';
import { previewRoleId, roleOptions, type RoleLike } from './options';
import { PreviewTable } from './PreviewTable';
import { selectedCount } from './selection';
import { importBlocker, importField, toImportInput, type ImportField, type WizardAction, type WizardState } from './wizard';

export const PREVIEW_PAGE_SIZE = 10;

type FieldErrors = Partial<Record<ImportField, string>>;

/** Splits an API error into messages under the three controls and one general message. */
function splitErrors(error: CombinedError | undefined): { fields: FieldErrors; general: string | null } {
  if (!error) return { fields: {}, general: null };
  const fields: FieldErrors = {};
  const rest = error.graphQLErrors.filter((e) => {
    const raw = e.extensions?.['field'];
    const f = typeof raw === 'string' ? importField(raw) : null;
    if (f && !fields[f]) fields[f] = e.message;
    return !f;
  });
  const general = rest.length || error.networkError ? formErrors({ graphQLErrors: rest, networkError: error.networkError }).general : null;
  return { fields, general };
}

export function ConfigureStep(props: {
  accountId: string;
  /** Every role of the account (all pages); teams and categories are searched by their pickers. */
  roles: readonly RoleLike[];
  state: WizardState;
  dispatch: Dispatch<WizardAction>;
  onStarted: (jobId: string) => void;
}) {
  const { accountId, roles: accountRoles, state, dispatch, onStarted } = props;
  const roles = useMemo(() => roleOptions(accountRoles), [accountRoles]);
  const [roleMissing, setRoleMissing] = useState(false);

  const previewInput = toImportInput(state, accountId, previewRoleId(accountRoles));
  const [preview] = useQuery({
    query: ImportPreviewQuery,
    variables: { input: previewInput!, offset: (state.previewPage - 1) * PREVIEW_PAGE_SIZE, limit: PREVIEW_PAGE_SIZE },
    pause: !previewInput,
    requestPolicy: 'network-only',
  });
  const [importing, runImport] = useMutation(ImportAgentsMutation);

  const previewErrors = splitErrors(preview.error);
  const importErrors = splitErrors(importing.error);
  const fieldError = (f: ImportField) =>
    importErrors.fields[f] ?? (f === 'roleId' && roleMissing ? 'Choose the role of the imported agents.' : undefined) ?? previewErrors.fields[f];

  const p = preview.data?.previewAgentImport;
  const chosen = p?.total ?? selectedCount(state.selection, state.matchingTotal);

  async function submit() {
    if (!state.roleId) {
      setRoleMissing(true);
      document.getElementById('import-role')?.focus();
      return;
    }
    const input = importBlocker(state) ? null : toImportInput(state, accountId);
    if (!input) return;
    // Errors stay in `importing.error` and show under the fields they name.
    const res = await runImport({ input });
    const job = res.data?.importAgents.job;
    if (job) onStarted(job.id);
  }

  return (
    <Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Text fw={600}>{formatCount(chosen)} {chosen === 1 ? 'user' : 'users'} chosen</Text>
          <Text size="sm" c="dimmed">
            New agents get their name, email, login, timezone and language from RingEX, and the role, teams and categories you choose here.
          </Text>
        </div>
        <Button variant="default" onClick={() => dispatch({ type: 'back' })}>
          Back: change selection
        </Button>
      </Group>

      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <NativeSelect
          id="import-role"
          label="Role"
          required
          value={state.roleId ?? ''}
          onChange={(e) => {
            setRoleMissing(false);
            dispatch({ type: 'roleChanged', roleId: e.currentTarget.value || null });
          }}
          data={[{ value: '', label: 'Choose a role…' }, ...roles]}
          error={fieldError('roleId')}
        />
        <EntityMultiSelect
          kind="teams"
          accountId={accountId}
          label="Teams"
          description="Optional"
          placeholder={state.teamIds.length ? undefined : 'Type to find teams'}
          value={state.teamIds}
          onChange={(ids) => dispatch({ type: 'teamsChanged', ids })}
          clearable
          error={fieldError('teamIds')}
          comboboxProps={{ withinPortal: true }}
        />
        <EntityMultiSelect
          kind="categories"
          accountId={accountId}
          label="Categories"
          description="Optional"
          placeholder={state.categoryIds.length ? undefined : 'Type to find categories'}
          value={state.categoryIds}
          onChange={(ids) => dispatch({ type: 'categoriesChanged', ids })}
          clearable
          error={fieldError('categoryIds')}
          comboboxProps={{ withinPortal: true }}
        />
      </SimpleGrid>

      {(importErrors.general ?? previewErrors.general) && (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="The import cannot start" role="alert">
          {importErrors.general ?? previewErrors.general}
        </Alert>
      )}

      <Title order={3} size="h4" id="preview-title">
        Preview
      </Title>
      {preview.fetching && !p && <Text c="dimmed">Checking the chosen users…</Text>}
      {preview.error && !p && !previewErrors.general && <Text c="red">{errorMessage(preview.error)}</Text>}
      {p && (
        <PreviewTable
          preview={p}
          page={state.previewPage}
          pageSize={PREVIEW_PAGE_SIZE}
          fetching={preview.fetching}
          onPage={(page) => dispatch({ type: 'previewPageChanged', page })}
        />
      )}

      <Group justify="flex-end">
        <Button onClick={() => void submit()} loading={importing.fetching} disabled={p?.total === 0}>
          Start import
        </Button>
      </Group>
    </Stack>
  );
}
