import { IconKey } from '@tabler/icons-react';
import { PendingScreen } from '../shell/PendingScreen';

export default function TokensPage() {
  return (
    <PendingScreen
      title="API tokens"
      description="Read-only tokens for partner dashboards."
      icon={<IconKey aria-hidden />}
    />
  );
}
