// linkRingEx: server URL, app client ID and secret, JWT credential. The server
// checks them by getting a token before it saves anything.
import { Alert, Button, Group, PasswordInput, Stack, TextInput, type PasswordInputProps } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation } from 'urql';
import type { LinkRingExInput } from '../gql/graphql';
import { linkErrors } from './linkErrors';
import { LinkRingExMutation } from './operations';

/**
 * Mantine's PasswordInput leaves aria-invalid and the error/description link
 * off its input; screen readers need both to hear why a secret was refused.
 */
function SecretInput(props: PasswordInputProps & { id: string }) {
  const { id, error, description } = props;
  const describedBy = [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return <PasswordInput {...props} aria-invalid={!!error} aria-describedby={describedBy || undefined} />;
}

export const DEFAULT_SERVER_URL = 'https://platform.ringcentral.com';

function validUrl(value: string): string | null {
  try {
    const u = new URL(value.trim());
    return u.protocol === 'https:' || u.protocol === 'http:' ? null : 'Enter an http(s) address';
  } catch {
    return 'Enter the address of the RingEX server, e.g. ' + DEFAULT_SERVER_URL;
  }
}

export function LinkForm(props: { accountId: string; initial?: Partial<LinkRingExInput>; submitLabel: string; onLinked: () => void; onCancel?: () => void }) {
  const { accountId, initial, submitLabel, onLinked, onCancel } = props;
  const [{ fetching }, link] = useMutation(LinkRingExMutation);
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<LinkRingExInput>({
    mode: 'uncontrolled',
    initialValues: { serverUrl: initial?.serverUrl ?? DEFAULT_SERVER_URL, clientId: initial?.clientId ?? '', clientSecret: '', jwt: '' },
    validate: {
      serverUrl: validUrl,
      clientId: isNotEmpty('Enter the app’s client ID'),
      clientSecret: isNotEmpty('Enter the app’s client secret'),
      jwt: isNotEmpty('Paste the JWT credential'),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setGeneral(null);
    const input = { serverUrl: values.serverUrl.trim(), clientId: values.clientId.trim(), clientSecret: values.clientSecret, jwt: values.jwt.trim() };
    const res = await link({ accountId, input });
    if (res.data?.linkRingEx) {
      form.reset();
      onLinked();
      return;
    }
    const errors = linkErrors(res.error);
    form.setErrors(errors.fields);
    setGeneral(errors.general);
    const first = Object.keys(errors.fields)[0];
    if (first) document.getElementById(`ringex-${first}`)?.focus();
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Link to RingEX">
      <Stack>
        {general && (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="Could not link the account" role="alert">
            {general}
          </Alert>
        )}
        <TextInput id="ringex-serverUrl" label="Server URL" type="url" required autoComplete="url" key={form.key('serverUrl')} {...form.getInputProps('serverUrl')} />
        <TextInput
          id="ringex-clientId"
          label="Client ID"
          description="Of the RingEX app with the ReadAccounts permission"
          required
          autoComplete="off"
          key={form.key('clientId')}
          {...form.getInputProps('clientId')}
        />
        <SecretInput id="ringex-clientSecret" label="Client secret" required autoComplete="off" key={form.key('clientSecret')} {...form.getInputProps('clientSecret')} />
        <SecretInput
          id="ringex-jwt"
          label="JWT credential"
          description="Created in the RingEX developer console for an administrator of the company"
          required
          autoComplete="off"
          key={form.key('jwt')}
          {...form.getInputProps('jwt')}
        />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={fetching}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
