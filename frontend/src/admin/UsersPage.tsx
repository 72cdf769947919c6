import { IconUsers } from '@tabler/icons-react';
import { PendingScreen } from '../shell/PendingScreen';

export default function UsersPage() {
  return (
    <PendingScreen
      title="Console users"
      description="People who sign in to the console, and the accounts they manage."
      icon={<IconUsers aria-hidden />}
    />
  );
}
