import { IconShieldLock } from '@tabler/icons-react';
import { PendingScreen } from '../shell/PendingScreen';

export default function RolesPage() {
  return (
    <PendingScreen
      title="Roles"
      description="Predefined and custom roles, and the permissions each one holds."
      icon={<IconShieldLock aria-hidden />}
    />
  );
}
