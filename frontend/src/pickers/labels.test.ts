import { describe, expect, it } from 'vitest';
import { categoryOption, categoryPath, roleOption } from './labels';

describe('picker labels', () => {
  it('names a category by its path', () => {
    const billing = { id: 'c', name: 'Billing', parent: { id: 'b', name: 'Tier 2', parent: { id: 'a', name: 'Support', parent: null } } };
    expect(categoryPath(billing)).toBe('Support / Tier 2 / Billing');
    expect(categoryOption({ id: 'r', name: 'Root' })).toEqual({ value: 'r', label: 'Root' });
    // A parent cycle, which the server never produces, stops the walk.
    const loop: { id: string; name: string; parent?: unknown } = { id: 'x', name: 'Loop' };
    loop.parent = { id: 'y', name: 'Back', parent: loop };
    expect(categoryPath(loop as Parameters<typeof categoryPath>[0])).toBe('Back / Loop');
  });

  it('marks custom roles', () => {
    expect(roleOption({ id: '1', name: 'Agent', predefined: true }).label).toBe('Agent');
    expect(roleOption({ id: '2', name: 'Night', predefined: false }).label).toBe('Night (custom)');
  });
});
