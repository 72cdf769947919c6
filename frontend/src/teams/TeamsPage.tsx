import { IconUsersGroup } from '@tabler/icons-react';
import { PendingScreen } from '../shell/PendingScreen';

export default function TeamsPage() {
  return (
    <PendingScreen
      title="Teams"
      description="Teams, their members and their leaders."
      icon={<IconUsersGroup aria-hidden />}
    />
  );
}
