import { AppShell, Burger, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuilding, IconUsers } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Navigate, NavLink as RouterNavLink, Outlet, useLocation, useParams } from 'react-router';
import { useQuery } from 'urql';
import { AccountSwitcher } from './AccountSwitcher';
import { accountNav } from './nav';
import { PageLoader } from './Page';
import { UserMenu } from './UserMenu';
import { ShellViewerDocument, toShellViewer, useAccountAccess, ViewerContext, type ShellViewerState } from './viewer';

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  const { accountId } = useParams();
  const location = useLocation();
  const [{ data, fetching, error }] = useQuery({ query: ShellViewerDocument });
  const state = useMemo<ShellViewerState>(
    () => ({ viewer: data ? toShellViewer(data) : null, fetching }),
    [data, fetching],
  );
  const { viewer } = state;

  // Signed out (or the session expired): sign in, then come back here.
  if (!fetching && ((data && !data.viewer) || error?.graphQLErrors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED'))) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }

  return (
    <ViewerContext value={state}>
      <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
              <Title order={2} size="h4" visibleFrom="xs">
                Switchboard
              </Title>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <AccountSwitcher accounts={viewer?.accounts ?? []} platformAdmin={viewer?.platformAdmin ?? false} />
              <UserMenu email={viewer?.email ?? null} />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="xs" aria-label="Main">
          <AppShell.Section grow component={ScrollArea}>
            {accountId ? <AccountNav accountId={accountId} onNavigate={close} /> : (
              <Text size="sm" c="dimmed" p="xs">
                Choose an account to manage it.
              </Text>
            )}
          </AppShell.Section>
          {viewer?.platformAdmin && (
            <AppShell.Section>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="xs" pt="sm" id="platform-nav">
                Platform
              </Text>
              <nav aria-labelledby="platform-nav">
                <NavLink component={RouterNavLink} to="/admin/accounts" label="Accounts" leftSection={<IconBuilding size={18} aria-hidden />} onClick={close} />
                <NavLink component={RouterNavLink} to="/admin/users" label="Console users" leftSection={<IconUsers size={18} aria-hidden />} onClick={close} />
              </nav>
            </AppShell.Section>
          )}
        </AppShell.Navbar>

        <AppShell.Main>{fetching && !data ? <PageLoader /> : <Outlet />}</AppShell.Main>
      </AppShell>
    </ViewerContext>
  );
}

function AccountNav({ accountId, onNavigate }: { accountId: string; onNavigate: () => void }) {
  const { can } = useAccountAccess();
  return accountNav
    .filter((item) => !item.permission || can(item.permission))
    .map((item) => (
      <NavLink
        key={item.path}
        component={RouterNavLink}
        to={`/a/${accountId}/${item.path}`}
        end={item.end}
        label={item.label}
        leftSection={<item.icon size={18} aria-hidden />}
        onClick={onNavigate}
      />
    ));
}
