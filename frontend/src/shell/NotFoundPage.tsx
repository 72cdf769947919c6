import { Button, EmptyState } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { Link } from 'react-router';

export default function NotFoundPage() {
  return (
    <EmptyState
      mt="xl"
      icon={<IconMapOff aria-hidden />}
      title="Page not found"
      description="The address does not match any screen of the console."
    >
      <EmptyState.Actions>
        <Button component={Link} to="/">
          Go to the start
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
