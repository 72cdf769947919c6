// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { Provider, type Client } from 'urql';
import { describe, expect, it } from 'vitest';
import { fromValue } from 'wonka';
import { renderUI } from '../test/render';
import { EntityMultiSelect } from './EntityMultiSelect';

interface Call {
  name: string;
  variables: Record<string, unknown>;
}

/** A client answering PickerOptions with teams whose name contains q, out of 120. */
function fakeClient(calls: Call[]): Client {
  const all = Array.from({ length: 120 }, (_, i) => ({ __typename: 'Team', id: `t${i + 1}`, name: `Team ${String(i + 1).padStart(3, '0')}` }));
  return {
    executeQuery: (op: { query: { definitions: { name?: { value: string } }[] }; variables: Record<string, unknown> }) => {
      const name = op.query.definitions.find((d) => d.name)?.name?.value ?? '';
      calls.push({ name, variables: op.variables });
      if (name === 'PickerLabels') {
        const ids = op.variables['ids'] as string[];
        return fromValue({ operation: op, data: { nodes: all.filter((t) => ids.includes(t.id)) }, stale: false, hasNext: false });
      }
      const q = ((op.variables['q'] as string | null) ?? '').toLowerCase();
      const matching = all.filter((t) => t.name.toLowerCase().includes(q));
      const teams = {
        __typename: 'TeamConnection',
        totalCount: matching.length,
        edges: matching.slice(0, op.variables['first'] as number).map((node) => ({ __typename: 'TeamEdge', node })),
      };
      return fromValue({ operation: op, data: { account: { __typename: 'Account', id: 'acc', teams } }, stale: false, hasNext: false });
    },
  } as unknown as Client;
}

const withClient = (client: Client, ui: ReactElement) => renderUI(<Provider value={client}>{ui}</Provider>);

describe('EntityMultiSelect', () => {
  it('asks nothing until opened, then one page, then what is typed', async () => {
    const calls: Call[] = [];
    const user = userEvent.setup();
    withClient(fakeClient(calls), <EntityMultiSelect kind="teams" accountId="acc" label="Teams" />);
    expect(calls.filter((c) => c.name === 'PickerOptions')).toHaveLength(0);

    await user.click(screen.getByRole('combobox', { name: 'Teams' }));
    await screen.findByRole('option', { name: '70 more, type to search' });
    expect(screen.getAllByRole('option')).toHaveLength(51);

    await user.type(screen.getByRole('combobox', { name: 'Teams' }), '118');
    await screen.findByRole('option', { name: 'Team 118' });
    await waitFor(() => expect(calls.some((c) => c.name === 'PickerOptions' && c.variables['q'] === '118')).toBe(true));
    expect(calls.find((c) => c.name === 'PickerOptions')?.variables).toMatchObject({ accountId: 'acc', first: 50, teams: true, roles: false });
  });

  it('shows the names of selected values it has not listed, looked up by id', async () => {
    const calls: Call[] = [];
    withClient(fakeClient(calls), <EntityMultiSelect kind="teams" accountId="acc" label="Teams" defaultValue={['t99']} />);
    expect((await screen.findAllByText('Team 099')).length).toBeGreaterThan(0);
    expect(calls.find((c) => c.name === 'PickerLabels')?.variables).toEqual({ ids: ['t99'] });
  });
});
