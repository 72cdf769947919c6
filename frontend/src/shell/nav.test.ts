import { describe, expect, it } from 'vitest';
import { switchAccountPath } from './nav';

describe('switchAccountPath', () => {
  it('keeps the screen when switching accounts', () => {
    expect(switchAccountPath('/a/1/roles', '2')).toBe('/a/2/roles');
    expect(switchAccountPath('/a/1/agents/import', '7')).toBe('/a/7/agents/import');
  });
  it('goes to agents from outside an account', () => {
    expect(switchAccountPath('/admin/users', '3')).toBe('/a/3/agents');
    expect(switchAccountPath('/a/1', '3')).toBe('/a/3/agents');
  });
});
