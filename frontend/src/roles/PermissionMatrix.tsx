import { Badge, Button, Checkbox, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMemo, useState } from 'react';
import {
  buildPermissionMatrix,
  changedRoles,
  inCatalogueOrder,
  lockMessages,
  togglePermission,
  type CatalogueEntry,
  type MatrixRole,
} from './permissionMatrix';
import { TableScroll } from '../lib/TableScroll';

interface Props<P extends string> {
  catalogue: readonly CatalogueEntry<P>[];
  roles: readonly MatrixRole<P>[];
  viewerPermissions: readonly P[];
  /** Saves the roles whose permissions changed; resolves true when saved. */
  onSave: (changed: MatrixRole<P>[]) => Promise<boolean>;
}

/**
 * Every role × every permission. Predefined roles are shown but fixed; a
 * custom role's cell is a checkbox unless the viewer may not change it, and
 * then says why. Edits collect until "Save changes".
 */
export function PermissionMatrix<P extends string>({ catalogue, roles, viewerPermissions, onSave }: Props<P>) {
  const [edited, setEdited] = useState<readonly MatrixRole<P>[] | null>(null);
  const [saving, setSaving] = useState(false);
  const current = edited ?? roles;
  const viewer = useMemo(() => ({ permissions: viewerPermissions }), [viewerPermissions]);
  const rows = buildPermissionMatrix(catalogue, current, viewer);
  const dirty = edited ? changedRoles(roles, edited) : [];

  const toggle = (roleId: string, permission: P) =>
    setEdited(current.map((r) => (r.id === roleId ? togglePermission(r, permission, viewer) : r)));

  const save = async () => {
    setSaving(true);
    try {
      const ok = await onSave(dirty.map((r) => ({ ...r, permissions: inCatalogueOrder(catalogue, r.permissions) })));
      if (ok) setEdited(null);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="sm">
      <TableScroll minWidth={200 + 130 * current.length} label="Permission matrix table">
        <Table withTableBorder withColumnBorders striped aria-label="Permission matrix" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Permission</Table.Th>
              {current.map((role) => (
                <Table.Th key={role.id} scope="col" ta="center">
                  <Stack gap={2} align="center">
                    <Text size="sm" fw={700}>
                      {role.name}
                    </Text>
                    {role.predefined ? (
                      <Badge size="xs" color="gray" variant="light">
                        Predefined
                      </Badge>
                    ) : (
                      <Badge size="xs" variant="light">
                        Custom
                      </Badge>
                    )}
                  </Stack>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.permission}>
                <Table.Th scope="row" fw={400}>
                  <Text size="sm">{row.description}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {row.permission}
                  </Text>
                </Table.Th>
                {row.cells.map((cell, i) => {
                  const role = current[i]!;
                  const box = (
                    <Checkbox
                      aria-label={`${row.description}: ${role.name}`}
                      checked={cell.granted}
                      disabled={!cell.editable}
                      onChange={() => toggle(cell.roleId, row.permission)}
                      style={{ display: 'inline-block' }}
                    />
                  );
                  return (
                    <Table.Td key={cell.roleId} ta="center">
                      {cell.lockedBecause && !role.predefined ? (
                        <Tooltip label={lockMessages[cell.lockedBecause]}>
                          <span>{box}</span>
                        </Tooltip>
                      ) : (
                        box
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {dirty.length > 0 && (
        <Group>
          <Button onClick={() => void save()} loading={saving}>
            Save changes ({dirty.length} {dirty.length === 1 ? 'role' : 'roles'})
          </Button>
          <Button variant="default" onClick={() => setEdited(null)} disabled={saving}>
            Discard
          </Button>
        </Group>
      )}
    </Stack>
  );
}
