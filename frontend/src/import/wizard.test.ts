import { describe, expect, it } from 'vitest';
import { importBlocker, initialWizard, toImportInput, toUserFilter, wizardReducer, type WizardAction, type WizardState } from './wizard';

const run = (...actions: WizardAction[]): WizardState => actions.reduce(wizardReducer, initialWizard(10));

describe('wizard reducer', () => {
  it('applies a settled search, goes back to page one and keeps explicit picks', () => {
    const s = run(
      { type: 'rowToggled', id: 'u1' },
      { type: 'nextPage', endCursor: 'c1' },
      { type: 'searchTyped', text: ' mar ' },
      { type: 'searchSettled', search: ' mar ' },
    );
    expect(s.query.search).toBe('mar');
    expect(s.searchText).toBe(' mar ');
    expect(s.pager.afters).toEqual([null]);
    expect(s.selection).toEqual({ mode: 'ids', ids: new Set(['u1']) });
  });

  it('a settled search equal to the current one changes nothing (keeps the page)', () => {
    const before = run({ type: 'searchSettled', search: 'mar' }, { type: 'nextPage', endCursor: 'c1' });
    expect(wizardReducer(before, { type: 'searchSettled', search: 'mar ' })).toBe(before);
  });

  it('all matching resets when the query changes, with its total', () => {
    let s = run({ type: 'searchSettled', search: 'an' }, { type: 'totalLoaded', total: 40 }, { type: 'headerToggled', pageIds: ['a', 'b'] });
    expect(s.selection.mode).toBe('allMatching');
    s = wizardReducer(s, { type: 'rowToggled', id: 'a' });
    expect(toImportInput(s, 'acc', 'r1')?.selection).toEqual({ allMatching: { search: 'an', filter: {} }, excludeIds: ['a'] });
    s = wizardReducer(s, { type: 'hideImportedChanged', hide: true });
    expect(s.selection.mode).toBe('ids');
    expect(s.matchingTotal).toBe(0);
  });

  it('Next needs a selection; Back returns to step one', () => {
    expect(run({ type: 'next' }).step).toBe('pick');
    const s = run({ type: 'rowToggled', id: 'u1' }, { type: 'next' });
    expect(s.step).toBe('configure');
    expect(wizardReducer(s, { type: 'back' }).step).toBe('pick');
  });

  it('all matching with a zero total cannot go on', () => {
    const s = run({ type: 'headerToggled', pageIds: [] }, { type: 'totalLoaded', total: 0 }, { type: 'next' });
    expect(s.step).toBe('pick');
  });

  it('clearing the selection returns to step one', () => {
    const s = run({ type: 'rowToggled', id: 'u1' }, { type: 'next' }, { type: 'selectionCleared' });
    expect(s.step).toBe('pick');
    expect(toImportInput(s, 'acc', 'r')?.selection).toEqual({ ids: [] });
  });

  it('changing the page size starts from page one', () => {
    const s = run({ type: 'nextPage', endCursor: 'c' }, { type: 'pageSizeChanged', size: 50 });
    expect(s.pager).toEqual({ size: 50, afters: [null] });
  });

  it('reset keeps the page size only', () => {
    const s = run({ type: 'pageSizeChanged', size: 50 }, { type: 'rowToggled', id: 'u' }, { type: 'roleChanged', roleId: 'r' }, { type: 'reset' });
    expect(s).toEqual(initialWizard(50));
  });
});

describe('import input', () => {
  it('needs a role (or a fallback for the preview)', () => {
    const s = run({ type: 'rowToggled', id: 'u1' });
    expect(toImportInput(s, 'acc')).toBeNull();
    expect(toImportInput(s, 'acc', 'fallback')?.roleId).toBe('fallback');
    const withRole = wizardReducer(s, { type: 'roleChanged', roleId: 'agent' });
    expect(toImportInput(withRole, 'acc', 'fallback')).toEqual({
      accountId: 'acc',
      selection: { ids: ['u1'] },
      roleId: 'agent',
      teamIds: [],
      categoryIds: [],
    });
  });

  it('carries teams, categories and the filter of an all-matching selection', () => {
    const s = run(
      { type: 'statusChanged', status: 'Enabled' },
      { type: 'hideImportedChanged', hide: true },
      { type: 'totalLoaded', total: 12 },
      { type: 'headerToggled', pageIds: ['a'] },
      { type: 'roleChanged', roleId: 'r' },
      { type: 'teamsChanged', ids: ['t1', 't2'] },
      { type: 'categoriesChanged', ids: ['c1'] },
    );
    expect(toImportInput(s, 'acc')).toEqual({
      accountId: 'acc',
      selection: { allMatching: { search: null, filter: { statuses: ['Enabled'], imported: false } }, excludeIds: [] },
      roleId: 'r',
      teamIds: ['t1', 't2'],
      categoryIds: ['c1'],
    });
  });

  it('toUserFilter leaves out what is not filtered', () => {
    expect(toUserFilter({ status: null, hideImported: false })).toEqual({});
  });

  it('importBlocker names what is missing', () => {
    expect(importBlocker(run())).toMatch(/Pick at least one user/);
    expect(importBlocker(run({ type: 'rowToggled', id: 'u' }))).toMatch(/role/);
    expect(importBlocker(run({ type: 'rowToggled', id: 'u' }, { type: 'roleChanged', roleId: 'r' }))).toBeNull();
  });
});

describe('importField', async () => {
  const { importField } = await import('./wizard');
  it.each([
    ['input.roleId', 'roleId'],
    ['roleID', 'roleId'],
    ['input.teamIds[1]', 'teamIds'],
    ['input.categoryIds.0', 'categoryIds'],
    ['categoryIDs', 'categoryIds'],
    ['input.selection', null],
    ['accountId', null],
  ])('%s → %s', (raw, field) => {
    expect(importField(raw)).toBe(field);
  });
});
