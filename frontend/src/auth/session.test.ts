import { describe, expect, it } from 'vitest';
import { safeNextPath } from './session';

describe('safeNextPath', () => {
  it('follows same-site paths only', () => {
    expect(safeNextPath('/a/1/roles?x=1')).toBe('/a/1/roles?x=1');
    expect(safeNextPath(null)).toBeNull();
    expect(safeNextPath('https://evil.example')).toBeNull();
    expect(safeNextPath('//evil.example')).toBeNull();
    expect(safeNextPath('/\\evil.example')).toBeNull();
    expect(safeNextPath('/login')).toBeNull();
  });
});
