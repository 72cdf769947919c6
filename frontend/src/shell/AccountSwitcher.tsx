import { Select } from '@mantine/core';
import { useLocation, useNavigate, useParams } from 'react-router';
import { EntitySelect } from '../pickers/EntitySelect';
import { namedOption } from '../pickers/labels';
import { switchAccountPath } from './nav';
import type { ShellAccount } from './viewer';

const common = {
  'aria-label': 'Current account',
  allowDeselect: false,
  size: 'xs',
  w: { base: 150, sm: 220 },
} as const;

/**
 * A member sees their accounts (memberships are one complete list); a platform
 * administrator may open any of hundreds, so the switcher searches the server.
 */
export function AccountSwitcher({ accounts, platformAdmin }: { accounts: ShellAccount[]; platformAdmin: boolean }) {
  const { accountId } = useParams();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const go = (id: string | null) => id && id !== accountId && navigate(switchAccountPath(pathname, id));
  const data = accounts.map(namedOption);

  if (platformAdmin) {
    return (
      <EntitySelect
        {...common}
        kind="accounts"
        initialOptions={data}
        placeholder="Type to find an account"
        value={accountId ?? null}
        onChange={go}
      />
    );
  }

  if (accountId && !accounts.some((a) => a.id === accountId)) {
    data.unshift({ value: accountId, label: `Account ${accountId}` });
  }

  return (
    <Select
      {...common}
      placeholder={data.length ? 'Choose an account' : 'No accounts'}
      data={data}
      value={accountId ?? null}
      onChange={go}
      searchable={data.length > 8}
      disabled={data.length === 0}
      nothingFoundMessage="No matching account"
    />
  );
}
