import { IconBuilding } from '@tabler/icons-react';
import { PendingScreen } from '../shell/PendingScreen';

export default function AccountsPage() {
  return (
    <PendingScreen
      title="Accounts"
      description="Every account on the platform; create and configure them."
      icon={<IconBuilding aria-hidden />}
    />
  );
}
