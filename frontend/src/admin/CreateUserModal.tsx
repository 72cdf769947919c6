import { Button, Checkbox, Group, Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { isEmail, isNotEmpty, useForm } from '@mantine/form';
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { formErrors } from '../lib/errors';
import { notifySuccess } from '../lib/notify';
import { FormAlert } from '../lib/QueryState';
import { SecretOnce } from '../lib/SecretOnce';

const CreateConsoleUser = graphql(`
  mutation CreateConsoleUser($input: CreateConsoleUserInput!) {
    createConsoleUser(input: $input) {
      user {
        id
        email
        name
        platformAdmin
        disabled
      }
      password
    }
  }
`);

/** Creates a console user; a generated password is shown once, here. */
export function CreateUserModal({ onClose }: { onClose: () => void }) {
  const [general, setGeneral] = useState<string | null>(null);
  const [created, setCreated] = useState<{ email: string; password: string | null } | null>(null);
  const [{ fetching }, create] = useMutation(CreateConsoleUser);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: '', name: '', password: '', platformAdmin: false },
    validate: { email: isEmail('Enter a valid email address'), name: isNotEmpty('Enter the person’s name') },
  });
  const submit = form.onSubmit(async (v) => {
    setGeneral(null);
    const res = await create({
      input: { email: v.email.trim(), name: v.name.trim(), platformAdmin: v.platformAdmin, ...(v.password ? { password: v.password } : {}) },
    });
    if (res.error || !res.data) {
      const e = formErrors(res.error ?? null, { knownFields: ['email', 'name', 'password'] });
      form.setErrors(e.fields);
      setGeneral(e.general);
      return;
    }
    const { user, password } = res.data.createConsoleUser;
    notifySuccess(`${user.email} created. Assign them to accounts from the list.`);
    setCreated({ email: user.email, password: password ?? null });
  });

  return (
    <Modal opened onClose={onClose} title="New console user">
      {created ? (
        <Stack>
          {created.password ? (
            <SecretOnce title={`Initial password of ${created.email}`} secret={created.password} />
          ) : (
            <div>{created.email} signs in with the password you chose.</div>
          )}
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormAlert message={general} />
            <TextInput label="Email" type="email" required data-autofocus key={form.key('email')} {...form.getInputProps('email')} />
            <TextInput label="Name" required key={form.key('name')} {...form.getInputProps('name')} />
            <PasswordInput
              label="Initial password"
              description="Leave empty to generate one, shown once"
              autoComplete="new-password"
              key={form.key('password')}
              {...form.getInputProps('password')}
            />
            <Checkbox label="Platform administrator (every account, every permission)" key={form.key('platformAdmin')} {...form.getInputProps('platformAdmin', { type: 'checkbox' })} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={fetching}>
                Create user
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
