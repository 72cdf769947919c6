import { IconAddressBook } from '@tabler/icons-react';
import { PendingScreen } from '../shell/PendingScreen';

export default function AgentsPage() {
  return (
    <PendingScreen
      title="Agents"
      description="Agents of this account: search, create, edit, disable."
      icon={<IconAddressBook aria-hidden />}
    />
  );
}
