import { ActionIcon, Badge, Button, Checkbox, Group, Modal, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { AgentStateBaseState, AgentStateFieldsFragment } from '../gql/graphql';
import { confirmAction } from '../lib/confirm';
import { formErrors } from '../lib/errors';
import { notifyError, notifySuccess } from '../lib/notify';
import { FormAlert } from '../lib/QueryState';
import { moveItem } from './accountSettings';
import { TableScroll } from '../lib/TableScroll';

/** One agent state as the AgentStateFields fragment reads it. */
export type AgentStateRow = AgentStateFieldsFragment;

export const BASE_STATES: { value: AgentStateBaseState; label: string }[] = [
  { value: 'AVAILABLE', label: 'Available (ready for work)' },
  { value: 'ON_BREAK', label: 'On break' },
  { value: 'LUNCH', label: 'Lunch' },
  { value: 'TRAINING', label: 'Training' },
  { value: 'AWAY', label: 'Away' },
  { value: 'WORKING', label: 'Working' },
];
const baseLabel = (b: AgentStateBaseState) => BASE_STATES.find((s) => s.value === b)?.label ?? b;

export const AgentStateFieldsDoc = graphql(`
  fragment AgentStateFields on AgentState {
    id
    label
    baseState
    selectable
    active
    rank
    ready
  }
`);

const CreateAgentState = graphql(`
  mutation CreateAgentState($input: CreateAgentStateInput!) {
    createAgentState(input: $input) {
      agentState {
        ...AgentStateFields
      }
    }
  }
`);

const UpdateAgentState = graphql(`
  mutation UpdateAgentState($id: ID!, $input: UpdateAgentStateInput!) {
    updateAgentState(id: $id, input: $input) {
      agentState {
        ...AgentStateFields
      }
    }
  }
`);

const DeleteAgentState = graphql(`
  mutation DeleteAgentState($id: ID!) {
    deleteAgentState(id: $id) {
      deletedId
    }
  }
`);

const ReorderAgentStates = graphql(`
  mutation ReorderAgentStates($accountId: ID!, $ids: [ID!]!) {
    reorderAgentStates(accountId: $accountId, ids: $ids) {
      agentStates {
        ...AgentStateFields
      }
    }
  }
`);

const context = { additionalTypenames: ['AgentState'] };

export function AgentStatesEditor({ accountId, states, editable, onChanged }: { accountId: string; states: AgentStateRow[]; editable: boolean; onChanged: () => void }) {
  const [editing, setEditing] = useState<AgentStateRow | 'new' | null>(null);
  const [, remove] = useMutation(DeleteAgentState);
  const [{ fetching: reordering }, reorder] = useMutation(ReorderAgentStates);
  const [, update] = useMutation(UpdateAgentState);

  const move = async (index: number, delta: number) => {
    const ids = moveItem(states.map((s) => s.id), index, delta);
    const res = await reorder({ accountId, ids }, context);
    if (res.error) notifyError(res.error);
    onChanged();
  };

  const toggle = async (s: AgentStateRow, field: 'selectable' | 'active', value: boolean) => {
    const res = await update({ id: s.id, input: { [field]: value } }, context);
    if (res.error) notifyError(res.error);
    onChanged();
  };

  const del = async (s: AgentStateRow) => {
    const ok = await confirmAction({
      title: `Delete the state “${s.label}”?`,
      message: 'Agents can no longer pick it. To keep its history visible, deactivate it instead.',
      confirmLabel: 'Delete state',
    });
    if (!ok) return;
    const res = await remove({ id: s.id }, context);
    if (res.error) return notifyError(res.error);
    notifySuccess(`State “${s.label}” deleted.`);
    onChanged();
  };

  return (
    <Stack>
      <TableScroll minWidth={640} label="Agent states table">
        <Table aria-label="Agent states" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Order</Table.Th>
              <Table.Th>Label</Table.Th>
              <Table.Th>Base state</Table.Th>
              <Table.Th>Agents may pick it</Table.Th>
              <Table.Th>Active</Table.Th>
              {editable && <Table.Th>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {states.map((s, i) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <Text size="sm" w={20}>
                      {i + 1}
                    </Text>
                    {editable && (
                      <>
                        <ActionIcon variant="subtle" aria-label={`Move ${s.label} up`} disabled={i === 0 || reordering} onClick={() => void move(i, -1)}>
                          <IconArrowUp size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon variant="subtle" aria-label={`Move ${s.label} down`} disabled={i === states.length - 1 || reordering} onClick={() => void move(i, 1)}>
                          <IconArrowDown size={16} aria-hidden />
                        </ActionIcon>
                      </>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Text size="sm" fw={600}>
                      {s.label}
                    </Text>
                    {s.ready && (
                      <Badge size="xs" color="green" variant="light">
                        Ready for work
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{baseLabel(s.baseState)}</Table.Td>
                <Table.Td>
                  <Checkbox aria-label={`Agents may pick ${s.label}`} checked={s.selectable} disabled={!editable} onChange={(e) => void toggle(s, 'selectable', e.currentTarget.checked)} />
                </Table.Td>
                <Table.Td>
                  <Checkbox aria-label={`${s.label} is active`} checked={s.active} disabled={!editable} onChange={(e) => void toggle(s, 'active', e.currentTarget.checked)} />
                </Table.Td>
                {editable && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Tooltip label="Edit">
                        <ActionIcon variant="subtle" aria-label={`Edit ${s.label}`} onClick={() => setEditing(s)}>
                          <IconPencil size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label="Delete">
                        <ActionIcon variant="subtle" color="red" aria-label={`Delete ${s.label}`} onClick={() => void del(s)}>
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {editable && (
        <Button w="fit-content" variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
          Add a state
        </Button>
      )}
      {editing && (
        <AgentStateModal
          accountId={accountId}
          state={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      )}
    </Stack>
  );
}

function AgentStateModal({ accountId, state, onClose, onSaved }: { accountId: string; state: AgentStateRow | null; onClose: () => void; onSaved: () => void }) {
  const [general, setGeneral] = useState<string | null>(null);
  const [{ fetching: creating }, create] = useMutation(CreateAgentState);
  const [{ fetching: updating }, update] = useMutation(UpdateAgentState);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: {
      label: state?.label ?? '',
      baseState: state?.baseState ?? ('ON_BREAK' as AgentStateBaseState),
      selectable: state?.selectable ?? true,
      active: state?.active ?? true,
    },
    validate: { label: isNotEmpty('Name the state') },
  });
  const submit = form.onSubmit(async (v) => {
    const input = { label: v.label.trim(), baseState: v.baseState, selectable: v.selectable, active: v.active };
    const res = state ? await update({ id: state.id, input }, context) : await create({ input: { ...input, accountID: accountId } }, context);
    if (res.error) {
      const e = formErrors(res.error, { knownFields: ['label', 'baseState'] });
      form.setErrors(e.fields);
      setGeneral(e.general);
      return;
    }
    notifySuccess(state ? 'State saved.' : `State “${input.label}” added.`);
    onSaved();
  });
  return (
    <Modal opened onClose={onClose} title={state ? `Edit “${state.label}”` : 'New agent state'}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert message={general} />
          <TextInput label="Label" required data-autofocus key={form.key('label')} {...form.getInputProps('label')} />
          <Select
            label="Base state"
            description="Only states based on Available mean ready for work"
            allowDeselect={false}
            data={BASE_STATES}
            key={form.key('baseState')}
            {...form.getInputProps('baseState')}
          />
          <Checkbox label="Agents may pick it" key={form.key('selectable')} {...form.getInputProps('selectable', { type: 'checkbox' })} />
          <Checkbox label="Active" key={form.key('active')} {...form.getInputProps('active', { type: 'checkbox' })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={creating || updating}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
