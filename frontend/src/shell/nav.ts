import {
  IconAddressBook,
  IconCategory,
  IconFileImport,
  IconKey,
  IconListDetails,
  IconPlugConnected,
  IconSettings,
  IconShieldLock,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import type { Permission } from '../gql/graphql';

export interface NavItem {
  label: string;
  /** Path under /a/:accountId/. */
  path: string;
  icon: Icon;
  /** Matches only this exact path (so "Agents" is not active on "Import agents"). */
  end?: boolean;
  /** Shown only to viewers holding it in the account. */
  permission?: Permission;
}

export const accountNav: NavItem[] = [
  { label: 'Agents', path: 'agents', icon: IconAddressBook, end: true },
  { label: 'Import agents', path: 'agents/import', icon: IconFileImport, permission: 'IMPORT_AGENTS' },
  { label: 'Roles', path: 'roles', icon: IconShieldLock },
  { label: 'Teams', path: 'teams', icon: IconUsersGroup },
  { label: 'Categories', path: 'categories', icon: IconCategory },
  { label: 'Settings', path: 'settings', icon: IconSettings },
  { label: 'RingEX integration', path: 'integrations/ringex', icon: IconPlugConnected },
  { label: 'Audit log', path: 'audit', icon: IconListDetails, permission: 'READ_AUDIT_LOG' },
  { label: 'API tokens', path: 'tokens', icon: IconKey, permission: 'MANAGE_API_TOKENS' },
];

/** The same screen in another account: /a/1/roles → /a/2/roles. */
export function switchAccountPath(pathname: string, accountId: string): string {
  const match = /^\/a\/[^/]+(\/.*)?$/.exec(pathname);
  const rest = match?.[1] ?? '/agents';
  return `/a/${encodeURIComponent(accountId)}${rest}`;
}
