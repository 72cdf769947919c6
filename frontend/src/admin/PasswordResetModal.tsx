import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { FormAlert } from '../lib/QueryState';
import { errorMessage } from '../lib/errors';
import { SecretOnce } from '../lib/SecretOnce';

const ResetPassword = graphql(`
  mutation ResetConsoleUserPassword($id: ID!) {
    resetConsoleUserPassword(id: $id) {
      user {
        id
      }
      password
    }
  }
`);

export function PasswordResetModal({ user, onClose }: { user: { id: string; email: string }; onClose: () => void }) {
  const [{ fetching, error }, reset] = useMutation(ResetPassword);
  const [password, setPassword] = useState<string | null>(null);
  return (
    <Modal opened onClose={onClose} title={`Reset the password of ${user.email}`}>
      <Stack>
        {password ? (
          <SecretOnce title="New password" secret={password} />
        ) : (
          <>
            <FormAlert message={errorMessage(error)} />
            <Text size="sm">A new password is generated and shown once. The old one stops working and their sessions end.</Text>
          </>
        )}
        <Group justify="flex-end">
          {password ? (
            <Button onClick={onClose}>Done</Button>
          ) : (
            <>
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button
                color="red"
                loading={fetching}
                onClick={async () => {
                  const res = await reset({ id: user.id });
                  if (res.data) setPassword(res.data.resetConsoleUserPassword.password);
                }}
              >
                Reset password
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
