// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderUI } from '../test/render';
import { PermissionMatrix } from './PermissionMatrix';
import type { MatrixRole } from './permissionMatrix';

type P = 'MANAGE_ROLES' | 'READ_AGENTS' | 'WRITE_AGENTS';
const catalogue = [
  { permission: 'MANAGE_ROLES' as const, description: 'Manage roles' },
  { permission: 'READ_AGENTS' as const, description: 'Read agents' },
  { permission: 'WRITE_AGENTS' as const, description: 'Write agents' },
];
const roles: MatrixRole<P>[] = [
  { id: 'admin', name: 'Administrator', predefined: true, permissions: ['MANAGE_ROLES', 'READ_AGENTS', 'WRITE_AGENTS'] },
  { id: 'qa', name: 'Night shift', predefined: false, permissions: ['READ_AGENTS'] },
];

describe('PermissionMatrix', () => {
  it('shows every role × permission and locks predefined roles', () => {
    renderUI(<PermissionMatrix catalogue={catalogue} roles={roles} viewerPermissions={['MANAGE_ROLES', 'READ_AGENTS']} onSave={vi.fn()} />);
    expect(screen.getAllByRole('checkbox')).toHaveLength(6);
    const predefined = screen.getByRole('checkbox', { name: 'Read agents: Administrator' });
    expect((predefined as HTMLInputElement).disabled).toBe(true);
    expect((predefined as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('Predefined')).toBeTruthy();
    expect(screen.getByText('Custom')).toBeTruthy();
  });

  it('does not let the viewer grant what they lack, but lets them withdraw it', () => {
    renderUI(<PermissionMatrix catalogue={catalogue} roles={roles} viewerPermissions={['MANAGE_ROLES']} onSave={vi.fn()} />);
    const write = screen.getByRole('checkbox', { name: 'Write agents: Night shift' }) as HTMLInputElement;
    expect(write.disabled).toBe(true);
    const read = screen.getByRole('checkbox', { name: 'Read agents: Night shift' }) as HTMLInputElement;
    expect(read.disabled).toBe(false);
  });

  it('collects edits and saves only the changed roles in catalogue order', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn(async () => true);
    renderUI(
      <PermissionMatrix
        catalogue={catalogue}
        roles={roles}
        viewerPermissions={['MANAGE_ROLES', 'READ_AGENTS', 'WRITE_AGENTS']}
        onSave={onSave}
      />,
    );
    expect(screen.queryByRole('button', { name: /Save changes/ })).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Write agents: Night shift' }));
    await user.click(screen.getByRole('checkbox', { name: 'Manage roles: Night shift' }));
    await user.click(screen.getByRole('button', { name: 'Save changes (1 role)' }));
    expect(onSave).toHaveBeenCalledWith([
      { id: 'qa', name: 'Night shift', predefined: false, permissions: ['MANAGE_ROLES', 'READ_AGENTS', 'WRITE_AGENTS'] },
    ]);
    await waitFor(() => expect(screen.queryByRole('button', { name: /Save changes/ })).toBeNull());
  });

  it('locks every custom cell for a viewer who cannot manage roles', () => {
    renderUI(<PermissionMatrix catalogue={catalogue} roles={roles} viewerPermissions={['READ_AGENTS']} onSave={vi.fn()} />);
    for (const box of screen.getAllByRole('checkbox')) expect((box as HTMLInputElement).disabled).toBe(true);
  });

  it('discards edits', async () => {
    const user = userEvent.setup();
    renderUI(<PermissionMatrix catalogue={catalogue} roles={roles} viewerPermissions={['MANAGE_ROLES', 'READ_AGENTS']} onSave={vi.fn()} />);
    const read = screen.getByRole('checkbox', { name: 'Read agents: Night shift' }) as HTMLInputElement;
    await user.click(read);
    expect(read.checked).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect((screen.getByRole('checkbox', { name: 'Read agents: Night shift' }) as HTMLInputElement).checked).toBe(true);
  });
});
