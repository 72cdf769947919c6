import { Alert, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { isNotEmpty, matchesField, useForm } from '@mantine/form';
import { useState } from 'react';

interface PasswordForm {
  current: string;
  next: string;
  confirm: string;
}

export default function PasswordPage() {
  const [general, setGeneral] = useState<string | null>(null);
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

  // The changePassword mutation arrives with auth.graphql.
  const submit = form.onSubmit(() => setGeneral('Changing the password is not available yet.'));

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
          <Button type="submit" w="fit-content">
            Change password
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
