import { IconFileImport } from '@tabler/icons-react';
import { PendingScreen } from '../shell/PendingScreen';

export default function ImportPage() {
  return (
    <PendingScreen
      title="Import agents from RingEX"
      description="Pick RingEX users, then choose the role, teams and categories of the new agents."
      icon={<IconFileImport aria-hidden />}
    />
  );
}
