// The permission matrix: one row per catalogue permission, one column per role.
// It encodes the console-side rules so the UI never offers what the server
// would refuse: predefined roles are fixed, only holders of MANAGE_ROLES edit,
// and nobody grants a permission they do not hold themselves (withdrawing one
// is allowed: it gives nobody more power).

export const MANAGE_ROLES = 'MANAGE_ROLES';

export interface CatalogueEntry<P extends string = string> {
  permission: P;
  description: string;
}

export interface MatrixRole<P extends string = string> {
  id: string;
  name: string;
  predefined: boolean;
  permissions: readonly P[];
}

export type LockReason = 'predefined' | 'cannotManageRoles' | 'notHeld';

export interface MatrixCell {
  roleId: string;
  granted: boolean;
  editable: boolean;
  /** Why the cell is not editable, for its tooltip. */
  lockedBecause: LockReason | null;
}

export interface MatrixRow<P extends string = string> {
  permission: P;
  description: string;
  cells: MatrixCell[];
}

export interface Viewer<P extends string = string> {
  permissions: readonly P[];
}

export function buildPermissionMatrix<P extends string>(
  catalogue: readonly CatalogueEntry<P>[],
  roles: readonly MatrixRole<P>[],
  viewer: Viewer<P>,
): MatrixRow<P>[] {
  const held = new Set<string>(viewer.permissions);
  const grants = new Map(roles.map((r) => [r.id, new Set<string>(r.permissions)]));
  return catalogue.map(({ permission, description }) => ({
    permission,
    description,
    cells: roles.map((role) => {
      const granted = grants.get(role.id)?.has(permission) ?? false;
      const lockedBecause = lockReason(role, permission, granted, held);
      return { roleId: role.id, granted, editable: lockedBecause === null, lockedBecause };
    }),
  }));
}

function lockReason(
  role: MatrixRole,
  permission: string,
  granted: boolean,
  held: ReadonlySet<string>,
): LockReason | null {
  if (role.predefined) return 'predefined';
  if (!held.has(MANAGE_ROLES)) return 'cannotManageRoles';
  if (!granted && !held.has(permission)) return 'notHeld';
  return null;
}

export const lockMessages: Record<LockReason, string> = {
  predefined: 'Predefined roles cannot be changed',
  cannotManageRoles: 'Your role lacks the permission to manage roles',
  notHeld: 'You cannot grant a permission you do not hold',
};

/** Toggles one permission of a role, refusing what the matrix marks as locked. */
export function togglePermission<P extends string>(
  role: MatrixRole<P>,
  permission: P,
  viewer: Viewer<P>,
): MatrixRole<P> {
  const granted = role.permissions.includes(permission);
  if (lockReason(role, permission, granted, new Set<string>(viewer.permissions)) !== null) {
    return role;
  }
  const permissions = granted
    ? role.permissions.filter((p) => p !== permission)
    : [...role.permissions, permission];
  return { ...role, permissions };
}

/** Orders a role's permissions as the catalogue does, for stable saving and diffing. */
export function inCatalogueOrder<P extends string>(
  catalogue: readonly CatalogueEntry<P>[],
  permissions: readonly P[],
): P[] {
  const set = new Set(permissions);
  return catalogue.map((e) => e.permission).filter((p) => set.has(p));
}

/** Roles whose permission set differs between the saved and the edited matrix. */
export function changedRoles<P extends string>(
  saved: readonly MatrixRole<P>[],
  edited: readonly MatrixRole<P>[],
): MatrixRole<P>[] {
  const before = new Map(saved.map((r) => [r.id, new Set<string>(r.permissions)]));
  return edited.filter((role) => {
    const old = before.get(role.id);
    if (!old) return true;
    return old.size !== role.permissions.length || role.permissions.some((p) => !old.has(p));
  });
}
