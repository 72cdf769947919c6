import { List, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';

interface BulkResultLike {
  results: readonly { id: string; ok: boolean; message?: string | null | undefined; code?: string | null | undefined }[];
  succeeded: number;
  failed: number;
}

/**
 * Reports a bulk action item by item: how many worked, and for each that did
 * not, whose and why (e.g. "has signed in before: disable instead").
 */
export function showBulkResult(verb: string, payload: BulkResultLike, nameOf: (id: string) => string) {
  const failures = payload.results.filter((r) => !r.ok);
  notifications.show({
    color: payload.failed === 0 ? 'green' : payload.succeeded === 0 ? 'red' : 'yellow',
    title: `${verb}: ${payload.succeeded} done${payload.failed ? `, ${payload.failed} failed` : ''}`,
    autoClose: payload.failed ? false : 4000,
    message: failures.length ? (
      <List size="sm">
        {failures.map((f) => (
          <List.Item key={f.id}>
            <Text span fw={600} size="sm">
              {nameOf(f.id)}
            </Text>
            : {f.message ?? f.code ?? 'failed'}
          </List.Item>
        ))}
      </List>
    ) : 'Every selected item was done.',
  });
}
