import { IconSettings } from '@tabler/icons-react';
import { PendingScreen } from '../shell/PendingScreen';

export default function SettingsPage() {
  return (
    <PendingScreen
      title="Account settings"
      description="Defaults, international access, workforce management and agent states."
      icon={<IconSettings aria-hidden />}
    />
  );
}
