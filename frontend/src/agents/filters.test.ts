import { describe, expect, it } from 'vitest';
import { activeFilterCount, agentOrder, agentWhere, defaultSort, emptyFilters, toggleSort } from './filters';

describe('agentWhere', () => {
  it('sends nothing for no filter', () => {
    expect(agentWhere(emptyFilters)).toEqual({});
    expect(agentWhere({ ...emptyFilters, search: '   ' })).toEqual({});
  });

  it('maps every filter to the API', () => {
    expect(
      agentWhere({
        search: ' mar ',
        roleId: 'r1',
        teamId: 't1',
        categoryId: 'c1',
        enabled: 'no',
        signedIn: 'yes',
        source: 'RINGEX',
        ringexStatus: 'REMOVED',
      }),
    ).toEqual({
      search: 'mar',
      roleID: 'r1',
      hasTeamsWith: [{ id: 't1' }],
      hasCategoriesWith: [{ id: 'c1' }],
      enabled: false,
      signedIn: true,
      source: 'RINGEX',
      ringexStatus: 'REMOVED',
    });
  });

  it('counts active filters without the search', () => {
    expect(activeFilterCount({ ...emptyFilters, search: 'x' })).toBe(0);
    expect(activeFilterCount({ ...emptyFilters, enabled: 'yes', teamId: 't' })).toBe(2);
  });
});

describe('sorting', () => {
  it('flips the direction on the same column and starts ascending on another', () => {
    const desc = toggleSort(defaultSort, 'LAST_NAME');
    expect(desc).toEqual({ field: 'LAST_NAME', direction: 'DESC' });
    expect(toggleSort(desc, 'EMAIL')).toEqual({ field: 'EMAIL', direction: 'ASC' });
  });

  it('breaks last-name ties by first name', () => {
    expect(agentOrder(defaultSort)).toEqual([
      { field: 'LAST_NAME', direction: 'ASC' },
      { field: 'FIRST_NAME', direction: 'ASC' },
    ]);
    expect(agentOrder({ field: 'EMAIL', direction: 'DESC' })).toEqual([{ field: 'EMAIL', direction: 'DESC' }]);
  });
});
