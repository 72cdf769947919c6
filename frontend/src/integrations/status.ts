import type { RingExLinkLastSyncStatus } from '../gql/graphql';

export const SYNC_STATUS: Record<RingExLinkLastSyncStatus, { label: string; color: string }> = {
  NEVER: { label: 'Never synced', color: 'gray' },
  RUNNING: { label: 'Syncing', color: 'blue' },
  SUCCEEDED: { label: 'Succeeded', color: 'green' },
  FAILED: { label: 'Failed', color: 'red' },
};

export interface SyncRequest {
  /** When "Sync now" answered (ms). */
  at: number;
  /** lastSyncAt as it was then: a new value means the requested sync has ended. */
  lastSyncAtBefore: string | null;
}

/**
 * A sync is running while the link says so, and right after "Sync now" until
 * the link shows a newer sync (the job may start a moment after the mutation
 * answers). The grace period ends the wait if the server never reports back.
 */
export function syncInProgress(
  link: { lastSyncStatus?: RingExLinkLastSyncStatus | null; lastSyncAt?: string | null },
  request: SyncRequest | null,
  now: number,
  graceMs = 15_000,
): boolean {
  if (link.lastSyncStatus === 'RUNNING') return true;
  if (!request) return false;
  return (link.lastSyncAt ?? null) === request.lastSyncAtBefore && now - request.at < graceMs;
}
