import { describe, expect, it } from 'vitest';
import { previewRoleId, roleOptions } from './options';

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

  it('previews with the Agent role, else the first', () => {
    expect(previewRoleId(roles)).toBe('1');
    expect(previewRoleId([roles[2]!])).toBe('9');
    expect(previewRoleId([])).toBeUndefined();
  });
});
