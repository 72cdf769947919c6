import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { formErrors } from '../lib/errors';
import { notifySuccess } from '../lib/notify';
import { FormAlert } from '../lib/QueryState';

export interface RoleDraft {
  /** null: a new custom role. */
  id: string | null;
  name: string;
  description: string;
}

const CreateRole = graphql(`
  mutation CreateRole($input: CreateRoleInput!) {
    createRole(input: $input) {
      role {
        id
        name
        description
        predefined
        permissions
      }
    }
  }
`);

const RenameRole = graphql(`
  mutation RenameRole($id: ID!, $input: UpdateRoleInput!) {
    updateRole(id: $id, input: $input) {
      role {
        id
        name
        description
      }
    }
  }
`);

export function RoleFormModal({ accountId, draft, onClose, onSaved }: { accountId: string; draft: RoleDraft; onClose: () => void; onSaved: () => void }) {
  const [general, setGeneral] = useState<string | null>(null);
  const [{ fetching: creating }, create] = useMutation(CreateRole);
  const [{ fetching: renaming }, rename] = useMutation(RenameRole);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { name: draft.name, description: draft.description },
    validate: { name: isNotEmpty('Name the role') },
  });

  const submit = form.onSubmit(async (v) => {
    setGeneral(null);
    const input = { name: v.name.trim(), description: v.description.trim() };
    const res = draft.id
      ? await rename({ id: draft.id, input })
      : await create({ input: { ...input, accountID: accountId, permissions: [] } });
    if (res.error) {
      const e = formErrors(res.error, { knownFields: ['name', 'description'] });
      form.setErrors(e.fields);
      setGeneral(e.general);
      return;
    }
    notifySuccess(draft.id ? 'Role saved.' : `Role “${input.name}” created: give it permissions in the matrix.`);
    onSaved();
  });

  return (
    <Modal opened onClose={onClose} title={draft.id ? 'Rename role' : 'New custom role'}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert message={general} />
          <TextInput label="Name" required data-autofocus key={form.key('name')} {...form.getInputProps('name')} />
          <Textarea label="Description" autosize minRows={2} key={form.key('description')} {...form.getInputProps('description')} />
          {!draft.id && <FormHint />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={creating || renaming}>
              {draft.id ? 'Save' : 'Create role'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function FormHint() {
  return <span style={{ fontSize: 'var(--mantine-font-size-sm)' }}>A new role starts with no permission.</span>;
}
