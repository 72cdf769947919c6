import { describe, expect, it } from 'vitest';
import {
  buildPermissionMatrix,
  changedRoles,
  inCatalogueOrder,
  togglePermission,
  type CatalogueEntry,
  type MatrixRole,
} from './permissionMatrix';

const catalogue: CatalogueEntry[] = [
  { permission: 'MANAGE_ROLES', description: 'Manage roles' },
  { permission: 'READ_AGENTS', description: 'Read agents' },
  { permission: 'READ_AUDIT_LOG', description: 'Read the audit log' },
];
const admin: MatrixRole = { id: 'r1', name: 'Administrator', predefined: true, permissions: ['MANAGE_ROLES', 'READ_AGENTS', 'READ_AUDIT_LOG'] };
const custom: MatrixRole = { id: 'r9', name: 'Team lead', predefined: false, permissions: ['READ_AUDIT_LOG'] };
const manager = { permissions: ['MANAGE_ROLES', 'READ_AGENTS'] };

describe('buildPermissionMatrix', () => {
  const rows = buildPermissionMatrix(catalogue, [admin, custom], manager);

  it('has a row per permission in catalogue order and a cell per role', () => {
    expect(rows.map((r) => r.permission)).toEqual(['MANAGE_ROLES', 'READ_AGENTS', 'READ_AUDIT_LOG']);
    expect(rows[0]?.description).toBe('Manage roles');
    expect(rows.every((r) => r.cells.map((c) => c.roleId).join() === 'r1,r9')).toBe(true);
  });

  it('marks grants', () => {
    expect(rows[2]?.cells.map((c) => c.granted)).toEqual([true, true]);
    expect(rows[1]?.cells.map((c) => c.granted)).toEqual([true, false]);
  });

  it('never lets predefined roles be edited', () => {
    for (const row of rows) {
      expect(row.cells[0]).toMatchObject({ editable: false, lockedBecause: 'predefined' });
    }
  });

  it('lets a viewer grant only what they hold, and withdraw anything', () => {
    const cell = (p: string) => rows.find((r) => r.permission === p)?.cells[1];
    expect(cell('READ_AGENTS')).toMatchObject({ editable: true, lockedBecause: null });
    // granted already, the viewer lacks it: withdrawing is allowed
    expect(cell('READ_AUDIT_LOG')).toMatchObject({ granted: true, editable: true });
    const fresh = buildPermissionMatrix(catalogue, [{ ...custom, permissions: [] }], manager);
    expect(fresh[2]?.cells[0]).toMatchObject({ editable: false, lockedBecause: 'notHeld' });
  });

  it('locks everything for a viewer without MANAGE_ROLES', () => {
    const ro = buildPermissionMatrix(catalogue, [custom], { permissions: ['READ_AGENTS'] });
    expect(ro.map((r) => r.cells[0]?.lockedBecause)).toEqual(['cannotManageRoles', 'cannotManageRoles', 'cannotManageRoles']);
  });

  it('handles no roles', () => {
    expect(buildPermissionMatrix(catalogue, [], manager).every((r) => r.cells.length === 0)).toBe(true);
  });
});

describe('togglePermission', () => {
  it('grants and withdraws on a custom role', () => {
    const granted = togglePermission(custom, 'READ_AGENTS', manager);
    expect(granted.permissions).toEqual(['READ_AUDIT_LOG', 'READ_AGENTS']);
    expect(togglePermission(granted, 'READ_AGENTS', manager).permissions).toEqual(['READ_AUDIT_LOG']);
  });

  it('refuses locked cells', () => {
    expect(togglePermission(admin, 'READ_AGENTS', manager)).toBe(admin);
    const empty = { ...custom, permissions: [] };
    expect(togglePermission(empty, 'READ_AUDIT_LOG', manager)).toBe(empty);
  });
});

describe('changedRoles and ordering', () => {
  it('finds roles whose sets differ, ignoring order', () => {
    const reordered = { ...custom, permissions: ['READ_AUDIT_LOG'] };
    const edited = { ...custom, permissions: ['READ_AUDIT_LOG', 'READ_AGENTS'] };
    expect(changedRoles([admin, custom], [admin, reordered])).toEqual([]);
    expect(changedRoles([admin, custom], [admin, edited])).toEqual([edited]);
    const newRole = { ...custom, id: 'r10' };
    expect(changedRoles([custom], [custom, newRole])).toEqual([newRole]);
  });

  it('sorts permissions in catalogue order', () => {
    expect(inCatalogueOrder(catalogue, ['READ_AUDIT_LOG', 'MANAGE_ROLES'])).toEqual(['MANAGE_ROLES', 'READ_AUDIT_LOG']);
  });
});
