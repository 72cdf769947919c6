import { describe, expect, it } from 'vitest';
import { auditWhere } from './auditFilters';

describe('auditWhere', () => {
  it('filters by action, actor and time range', () => {
    const w = auditWhere({ action: ' agent. ', actor: 'admin', from: '2026-01-01T00:00', to: '' });
    expect(w.actionContainsFold).toBe('agent.');
    expect(w.actorContainsFold).toBe('admin');
    expect(w.createdAtGTE).toBe(new Date('2026-01-01T00:00').toISOString());
    expect(w.createdAtLTE).toBeUndefined();
  });

  it('ignores empty and invalid input', () => {
    expect(auditWhere({ action: '', actor: ' ', from: 'nonsense', to: '' })).toEqual({});
  });
});
