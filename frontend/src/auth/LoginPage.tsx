import { Alert, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { isEmail, isNotEmpty, useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { safeNextPath, useSignIn, type Credentials } from './session';

export default function LoginPage() {
  const signIn = useSignIn();
  const [params] = useSearchParams();
  const [general, setGeneral] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const form = useForm<Credentials>({
    mode: 'uncontrolled',
    initialValues: { email: '', password: '' },
    validate: {
      email: isEmail('Enter the email address you sign in with'),
      password: isNotEmpty('Enter your password'),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setSubmitting(true);
    setGeneral(null);
    try {
      const result = await signIn({ email: values.email.trim(), password: values.password });
      if (result.ok) {
        // A full load: the shell starts from a clean cache with the new session.
        window.location.assign(safeNextPath(params.get('next')) ?? result.landing);
        return;
      }
      form.setErrors(result.errors.fields);
      setGeneral(result.errors.general);
    } finally {
      setSubmitting(false);
    }
  });

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400} radius="md">
        <form onSubmit={submit} noValidate aria-labelledby="login-title">
          <Stack>
            <Title order={1} size="h3" id="login-title">
              Sign in to Switchboard
            </Title>
            {general && (
              <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert" title="Could not sign in">
                {general}
              </Alert>
            )}
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              data-autofocus
              key={form.key('email')}
              {...form.getInputProps('email')}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              key={form.key('password')}
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={submitting} fullWidth>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
