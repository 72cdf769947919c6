import { describe, expect, it } from 'vitest';
import { categoryOptions, previewRoleId, roleOptions } from './options';

const roles = [
  { id: '3', name: 'Supervisor', predefined: true },
  { id: '1', name: 'Agent', predefined: true },
  { id: '9', name: 'Night shift', predefined: false },
];

describe('options', () => {
  it('groups roles predefined first, sorted by name', () => {
    expect(roleOptions(roles)).toEqual([
      { group: 'Predefined roles', items: [{ value: '1', label: 'Agent' }, { value: '3', label: 'Supervisor' }] },
      { group: 'Custom roles', items: [{ value: '9', label: 'Night shift' }] },
    ]);
    expect(roleOptions(roles.slice(0, 2))).toHaveLength(1);
  });

  it('labels categories with their path and survives cycles and orphans', () => {
    const opts = categoryOptions([
      { id: 'a', name: 'Support' },
      { id: 'b', name: 'Tier 2', parentID: 'a' },
      { id: 'c', name: 'Billing', parentID: 'b' },
      { id: 'x', name: 'Loop', parentID: 'y' },
      { id: 'y', name: 'Back', parentID: 'x' },
      { id: 'o', name: 'Orphan', parentID: 'gone' },
    ]);
    expect(opts.map((o) => o.label)).toEqual(['Back / Loop', 'Loop / Back', 'Orphan', 'Support', 'Support / Tier 2', 'Support / Tier 2 / Billing']);
  });

  it('previews with the Agent role, else the first', () => {
    expect(previewRoleId(roles)).toBe('1');
    expect(previewRoleId([roles[2]!])).toBe('9');
    expect(previewRoleId([])).toBeUndefined();
  });
});
