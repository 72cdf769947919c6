import { IconCategory } from '@tabler/icons-react';
import { PendingScreen } from '../shell/PendingScreen';

export default function CategoriesPage() {
  return (
    <PendingScreen
      title="Categories"
      description="The category tree (up to six levels) used for skills and routing."
      icon={<IconCategory aria-hidden />}
    />
  );
}
