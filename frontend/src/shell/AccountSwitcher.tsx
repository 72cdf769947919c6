import { Select } from '@mantine/core';
import { useLocation, useNavigate, useParams } from 'react-router';
import { switchAccountPath } from './nav';
import type { ShellAccount } from './viewer';

export function AccountSwitcher({ accounts }: { accounts: ShellAccount[] }) {
  const { accountId } = useParams();
  const { pathname } = useLocation();
  const navigate = useNavigate();

  const data = accounts.map((a) => ({ value: a.id, label: a.name }));
  if (accountId && !accounts.some((a) => a.id === accountId)) {
    data.unshift({ value: accountId, label: `Account ${accountId}` });
  }

  return (
    <Select
      aria-label="Current account"
      placeholder={data.length ? 'Choose an account' : 'No accounts'}
      data={data}
      value={accountId ?? null}
      onChange={(id) => id && navigate(switchAccountPath(pathname, id))}
      searchable={data.length > 8}
      allowDeselect={false}
      disabled={data.length === 0}
      nothingFoundMessage="No matching account"
      size="xs"
      w={{ base: 150, sm: 220 }}
    />
  );
}
