import { Alert, Button, EmptyState, Stack } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { PageLoader } from '../shell/Page';
import { errorMessage, type CombinedErrorLike } from './errors';

/** The loading and error states every screen shares; children render once data is there. */
export function QueryState({
  fetching,
  error,
  hasData,
  retry,
  children,
}: {
  fetching: boolean;
  error: CombinedErrorLike | undefined;
  hasData: boolean;
  retry?: () => void;
  children: ReactNode;
}) {
  if (error && !hasData) {
    return (
      <Stack>
        <Alert color="red" title="Could not load this screen" icon={<IconAlertCircle aria-hidden />} role="alert">
          {errorMessage(error)}
        </Alert>
        {retry && (
          <Button variant="default" w="fit-content" onClick={retry}>
            Try again
          </Button>
        )}
      </Stack>
    );
  }
  if (!hasData && fetching) return <PageLoader />;
  return <>{children}</>;
}

export function Empty({ title, description, children }: { title: string; description?: string; children?: ReactNode }) {
  return (
    <EmptyState mt="md" title={title} description={description}>
      {children && <EmptyState.Actions>{children}</EmptyState.Actions>}
    </EmptyState>
  );
}

/** Shows an error alert under a form (general message) when there is one. */
export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" role="alert" icon={<IconAlertCircle aria-hidden />} style={{ whiteSpace: 'pre-line' }}>
      {message}
    </Alert>
  );
}
