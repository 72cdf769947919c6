import { EmptyState, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A screen whose data waits for the GraphQL schema: the route, title and
 * layout exist; the content arrives with generated types.
 */
export function PendingScreen({ title, description, icon }: { title: string; description: string; icon: ReactNode }) {
  return (
    <Stack>
      <Title order={1} size="h2">
        {title}
      </Title>
      <Text c="dimmed">{description}</Text>
      <EmptyState mt="lg" icon={icon} title="Nothing to show yet" description="This screen is not connected to the server yet." />
    </Stack>
  );
}
