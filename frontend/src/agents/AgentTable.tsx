import { ActionIcon, Badge, Checkbox, Group, Menu, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconDots } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../gql';
import type { AgentOrderField, AgentRowFragment } from '../gql/graphql';
import type { AgentSort } from './filters';
import { TableScroll } from '../lib/TableScroll';

export const AgentRowFragmentDoc = graphql(`
  fragment AgentRow on Agent {
    id
    firstName
    lastName
    email
    username
    enabled
    source
    ringexStatus
    signedIn
    role {
      id
      name
    }
    teams {
      id
      name
    }
  }
`);

export type AgentRow = AgentRowFragment;

export function agentRows(refs: readonly FragmentType<typeof AgentRowFragmentDoc>[]): readonly AgentRow[] {
  return getFragmentData(AgentRowFragmentDoc, refs);
}

export const fullName = (a: Pick<AgentRow, 'firstName' | 'lastName'>) => `${a.firstName} ${a.lastName}`.trim();

export interface AgentActions {
  edit?: (a: AgentRow) => void;
  setEnabled?: (a: AgentRow, enabled: boolean) => void;
  remove?: (a: AgentRow) => void;
  signOut?: (a: AgentRow) => void;
}

interface AgentTableProps {
  rows: readonly AgentRow[];
  sort: AgentSort;
  onSort: (field: AgentOrderField) => void;
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], on: boolean) => void;
  actions: AgentActions;
  selectable: boolean;
}

export function AgentTable({ rows, sort, onSort, selected, onSelect, actions, selectable }: AgentTableProps) {
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const someOnPage = rows.some((r) => selected.has(r.id));
  const sortHeader = (field: AgentOrderField, label: string) => (
    <SortHeader field={field} label={label} sort={sort} onSort={onSort} />
  );
  return (
    <TableScroll minWidth={900} label="Agents table">
      <Table striped highlightOnHover verticalSpacing="xs" aria-label="Agents">
        <Table.Thead>
          <Table.Tr>
            {selectable && (
              <Table.Th w={40}>
                <Checkbox
                  aria-label="Select every agent on this page"
                  checked={allOnPage}
                  indeterminate={someOnPage && !allOnPage}
                  onChange={(e) => onSelect(rows.map((r) => r.id), e.currentTarget.checked)}
                />
              </Table.Th>
            )}
            {sortHeader('LAST_NAME', 'Name')}
            {sortHeader('USERNAME', 'Username')}
            {sortHeader('EMAIL', 'Email')}
            <Table.Th>Role</Table.Th>
            <Table.Th>Teams</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Source</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((a) => (
            <Table.Tr key={a.id} bg={selected.has(a.id) ? 'var(--mantine-primary-color-light)' : undefined}>
              {selectable && (
                <Table.Td>
                  <Checkbox
                    aria-label={`Select ${fullName(a)}`}
                    checked={selected.has(a.id)}
                    onChange={(e) => onSelect([a.id], e.currentTarget.checked)}
                  />
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm" fw={500}>
                  {fullName(a)}
                </Text>
              </Table.Td>
              <Table.Td>{a.username}</Table.Td>
              <Table.Td>{a.email}</Table.Td>
              <Table.Td>{a.role.name}</Table.Td>
              <Table.Td>{(a.teams ?? []).map((t) => t.name).join(', ') || '—'}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <StatusBadges agent={a} />
                </Group>
              </Table.Td>
              <Table.Td>{a.source === 'RINGEX' ? 'RingEX' : 'Manual'}</Table.Td>
              <Table.Td>
                <RowMenu agent={a} actions={actions} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

function StatusBadges({ agent }: { agent: AgentRow }): ReactNode {
  return (
    <>
      <Badge color={agent.enabled ? 'green' : 'gray'} variant="light">
        {agent.enabled ? 'Enabled' : 'Disabled'}
      </Badge>
      {agent.signedIn && (
        <Badge color="blue" variant="light">
          Signed in
        </Badge>
      )}
      {agent.ringexStatus === 'DISABLED' && (
        <Badge color="orange" variant="light">
          RingEX disabled
        </Badge>
      )}
      {agent.ringexStatus === 'REMOVED' && (
        <Badge color="red" variant="light">
          RingEX removed
        </Badge>
      )}
    </>
  );
}

function SortHeader({ field, label, sort, onSort }: { field: AgentOrderField; label: string; sort: AgentSort; onSort: (f: AgentOrderField) => void }) {
  const active = sort.field === field;
  const Icon = !active ? IconArrowsSort : sort.direction === 'ASC' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th aria-sort={active ? (sort.direction === 'ASC' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(field)} fw={700} fz="sm">
        <Group gap={4} wrap="nowrap">
          {label}
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

function RowMenu({ agent, actions }: { agent: AgentRow; actions: AgentActions }) {
  const { edit, setEnabled, remove, signOut } = actions;
  if (!edit && !setEnabled && !remove && !signOut) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${fullName(agent)}`}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {edit && <Menu.Item onClick={() => edit(agent)}>Edit</Menu.Item>}
        {setEnabled && (
          <Menu.Item onClick={() => setEnabled(agent, !agent.enabled)}>{agent.enabled ? 'Disable' : 'Enable'}</Menu.Item>
        )}
        {signOut && agent.signedIn && <Menu.Item onClick={() => signOut(agent)}>Sign out</Menu.Item>}
        {remove && (
          <Menu.Item color="red" onClick={() => remove(agent)}>
            Delete
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
