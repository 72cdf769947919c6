import { Alert, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { isNotEmpty, matchesField, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMutation } from 'urql';
import { ChangePasswordDocument } from '../auth/session';
import { formErrors } from '../lib/errors';

interface PasswordForm {
  current: string;
  next: string;
  confirm: string;
}

export default function PasswordPage() {
  const [general, setGeneral] = useState<string | null>(null);
  const [{ fetching }, changePassword] = useMutation(ChangePasswordDocument);
  const form = useForm<PasswordForm>({
    mode: 'uncontrolled',
    initialValues: { current: '', next: '', confirm: '' },
    validate: {
      current: isNotEmpty('Enter your current password'),
      next: (value, values) =>
        isNotEmpty('Enter a new password')(value) ??
        (value === values.current ? 'Choose a password different from the current one' : null),
      confirm: matchesField('next', 'The passwords do not match'),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setGeneral(null);
    const result = await changePassword({ currentPassword: values.current, newPassword: values.next });
    if (result.error || !result.data?.changePassword) {
      const errors = formErrors(result.error ?? null, {
        fieldMap: { currentPassword: 'current', newPassword: 'next' },
        knownFields: ['current', 'next'],
        explainUnauthenticated: true,
      });
      form.setErrors(errors.fields);
      setGeneral(errors.general ?? (Object.keys(errors.fields).length ? null : 'The password was not changed.'));
      return;
    }
    form.reset();
    notifications.show({ color: 'green', message: 'Your password was changed.' });
  });

  return (
    <Stack maw={420}>
      <Title order={1} size="h2">
        Change password
      </Title>
      <Text c="dimmed">Other sessions stay signed in until they expire.</Text>
      <form onSubmit={submit} noValidate aria-label="Change password">
        <Stack>
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          <PasswordInput label="Current password" autoComplete="current-password" required key={form.key('current')} {...form.getInputProps('current')} />
          <PasswordInput label="New password" autoComplete="new-password" required key={form.key('next')} {...form.getInputProps('next')} />
          <PasswordInput label="Repeat the new password" autoComplete="new-password" required key={form.key('confirm')} {...form.getInputProps('confirm')} />
          <Button type="submit" w="fit-content" loading={fetching}>
            Change password
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
