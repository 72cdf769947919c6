// What the shell knows about the signed-in person, from one `viewer` query in
// AppLayout, shared with every screen through context: which accounts they can
// open and what they may do in each, so screens hide or disable what the
// server would refuse anyway.
import { createContext, use } from 'react';
import { useParams } from 'react-router';
import { graphql } from '../gql';
import type { Permission, ShellViewerQuery } from '../gql/graphql';

export const ShellViewerDocument = graphql(`
  query ShellViewer {
    viewer {
      user {
        id
        email
        name
        platformAdmin
      }
      memberships {
        account {
          id
          name
        }
        role {
          id
          name
        }
        permissions
      }
    }
    # The first account by name, where a platform administrator lands; the
    # switcher searches the others on the server (AccountSwitcher).
    accounts(first: 1, orderBy: { field: NAME }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export type ShellViewerData = NonNullable<ShellViewerQuery['viewer']>;

export interface ShellAccount {
  id: string;
  name: string;
}

export interface ShellViewer {
  email: string;
  name: string;
  platformAdmin: boolean;
  /** The viewer's memberships (all of them), and for a platform administrator the first account by name. */
  accounts: ShellAccount[];
  /** Account id → permissions held there (platform administrators hold all, everywhere). */
  permissions: ReadonlyMap<string, ReadonlySet<Permission>>;
}

export interface ShellViewerState {
  viewer: ShellViewer | null;
  fetching: boolean;
}

export const ViewerContext = createContext<ShellViewerState>({ viewer: null, fetching: true });

export function useShellViewer(): ShellViewerState {
  return use(ViewerContext);
}

/** Builds the shell's view from the query: memberships first, then any other account an admin may open. */
export function toShellViewer(data: ShellViewerQuery): ShellViewer | null {
  const v = data.viewer;
  if (!v) return null;
  const seen = new Set<string>();
  const accounts: ShellAccount[] = [];
  const permissions = new Map<string, ReadonlySet<Permission>>();
  for (const m of v.memberships) {
    if (!seen.has(m.account.id)) {
      seen.add(m.account.id);
      accounts.push({ id: m.account.id, name: m.account.name });
    }
    permissions.set(m.account.id, new Set(m.permissions));
  }
  for (const edge of data.accounts.edges ?? []) {
    const a = edge?.node;
    if (a && !seen.has(a.id)) {
      seen.add(a.id);
      accounts.push({ id: a.id, name: a.name });
    }
  }
  accounts.sort((a, b) => a.name.localeCompare(b.name));
  return { email: v.user.email, name: v.user.name, platformAdmin: v.user.platformAdmin, accounts, permissions };
}

/** Where a person lands after signing in: their first account, else the platform screens. */
export function landingPath(viewer: Pick<ShellViewer, 'accounts' | 'platformAdmin'>): string {
  const first = viewer.accounts[0];
  if (first) return `/a/${encodeURIComponent(first.id)}/agents`;
  return viewer.platformAdmin ? '/admin/accounts' : '/account/password';
}

export interface AccountAccess {
  accountId: string;
  /** Whether the viewer holds the permission in the current account. */
  can: (p: Permission) => boolean;
}

/** The account of the URL and what the viewer may do there. */
export function useAccountAccess(): AccountAccess {
  const { accountId = '' } = useParams();
  const { viewer } = useShellViewer();
  const held = viewer?.permissions.get(accountId);
  return {
    accountId,
    can: (p) => !!viewer && (viewer.platformAdmin || !!held?.has(p)),
  };
}
