import { describe, expect, it } from 'vitest';
import { createInput, idDiff, updateInput, type AgentFormValues } from './agentForm';

const base: AgentFormValues = {
  firstName: 'Maria',
  lastName: 'Lopez',
  email: 'maria@example.com',
  username: 'maria',
  timezone: 'Europe/Madrid',
  language: 'es-ES',
  roleId: 'r1',
  teamIds: ['t1', 't2'],
  categoryIds: [],
  enabled: true,
  password: '',
};

describe('agent form', () => {
  it('diffs id lists', () => {
    expect(idDiff(['a', 'b'], ['b', 'c'])).toEqual({ add: ['c'], remove: ['a'] });
  });

  it('sends nothing when nothing changed', () => {
    expect(updateInput(base, { ...base }, false)).toEqual({});
  });

  it('sends changed fields and team changes as additions and removals', () => {
    const edited = { ...base, lastName: ' López ', roleId: 'r2', teamIds: ['t2', 't3'], categoryIds: ['c1'] };
    expect(updateInput(base, edited, false)).toEqual({
      lastName: 'López',
      roleID: 'r2',
      addTeamIDs: ['t3'],
      removeTeamIDs: ['t1'],
      addCategoryIDs: ['c1'],
    });
  });

  it('never sends RingEX-owned fields of imported agents', () => {
    const edited = { ...base, firstName: 'Mary', email: 'x@example.com', language: 'en-US' };
    expect(updateInput(base, edited, true)).toEqual({ language: 'en-US' });
  });

  it('builds a create input with trimmed text', () => {
    expect(createInput('acc', { ...base, firstName: ' Maria ' })).toMatchObject({ accountID: 'acc', firstName: 'Maria', roleID: 'r1', teamIDs: ['t1', 't2'] });
  });
});
