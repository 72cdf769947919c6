import { IconListDetails } from '@tabler/icons-react';
import { PendingScreen } from '../shell/PendingScreen';

export default function AuditPage() {
  return (
    <PendingScreen
      title="Audit log"
      description="Who changed what in this account, and when."
      icon={<IconListDetails aria-hidden />}
    />
  );
}
