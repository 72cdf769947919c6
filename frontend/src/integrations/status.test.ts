import { describe, expect, it } from 'vitest';
import { syncInProgress } from './status';

describe('syncInProgress', () => {
  const req = { at: 1000, lastSyncAtBefore: '2025-01-01T00:00:00Z' };

  it('follows the server status', () => {
    expect(syncInProgress({ lastSyncStatus: 'RUNNING' }, null, 0)).toBe(true);
    expect(syncInProgress({ lastSyncStatus: 'SUCCEEDED' }, null, 0)).toBe(false);
  });

  it('after Sync now, waits for a newer sync, within the grace period', () => {
    const old = { lastSyncStatus: 'SUCCEEDED' as const, lastSyncAt: req.lastSyncAtBefore };
    expect(syncInProgress(old, req, 2000)).toBe(true);
    expect(syncInProgress(old, req, 20_000)).toBe(false);
    expect(syncInProgress({ lastSyncStatus: 'SUCCEEDED', lastSyncAt: '2025-01-01T00:05:00Z' }, req, 2000)).toBe(false);
    expect(syncInProgress({ lastSyncStatus: 'FAILED', lastSyncAt: '2025-01-01T00:05:00Z' }, req, 2000)).toBe(false);
  });
});
