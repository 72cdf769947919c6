import { IconPlugConnected } from '@tabler/icons-react';
import { PendingScreen } from '../shell/PendingScreen';

export default function RingExPage() {
  return (
    <PendingScreen
      title="RingEX integration"
      description="The link to the RingEX company account that agents are imported from."
      icon={<IconPlugConnected aria-hidden />}
    />
  );
}
