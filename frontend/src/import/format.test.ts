import { describe, expect, it } from 'vitest';
import { jobFinished, mappingMatch, percent, rowCheckboxLabel, selectionSummary } from './format';
import { emptySelection, selectAllMatching, toggleRow } from './selection';

describe('selectionSummary', () => {
  const all = selectAllMatching({ search: 'mar', filter: {} });

  it('says nothing for no selection and counts explicit picks', () => {
    expect(selectionSummary(emptySelection(), 10)).toBeNull();
    expect(selectionSummary(toggleRow(emptySelection(), 'a'), 10)).toBe('1 user selected');
    expect(selectionSummary(toggleRow(toggleRow(emptySelection(), 'a'), 'b'), 10)).toBe('2 users selected');
  });

  it('names every matching user, with thousands separators', () => {
    expect(selectionSummary(all, 2431)).toBe('All 2,431 matching users selected');
    expect(selectionSummary(all, 1)).toBe('All 1 matching user selected');
  });

  it('counts exclusions', () => {
    expect(selectionSummary(toggleRow(all, 'x'), 2431)).toBe('2,430 of 2,431 matching users selected (1 excluded)');
  });
});

describe('progress and labels', () => {
  it('percent never overshoots and handles empty jobs', () => {
    expect(percent(0, 0)).toBe(0);
    expect(percent(1, 3)).toBe(33);
    expect(percent(3, 3)).toBe(100);
    expect(percent(5, 3)).toBe(100);
  });

  it('finished states', () => {
    expect(jobFinished('RUNNING')).toBe(false);
    expect(jobFinished('QUEUED')).toBe(false);
    expect(['SUCCEEDED', 'FAILED', 'CANCELLED'].every((s) => jobFinished(s as 'FAILED'))).toBe(true);
  });

  it('mapping match labels fall back to the raw value', () => {
    expect(mappingMatch('NEAREST').label).toBe('Nearest');
    expect(mappingMatch('SOMETHING').label).toBe('SOMETHING');
    expect(mappingMatch('').label).toBe('—');
  });

  it('row checkbox labels carry the extension, so namesakes differ', () => {
    expect(rowCheckboxLabel({ firstName: 'Maria', lastName: 'Lopez', extensionNumber: '101' })).toBe('Select Maria Lopez, extension 101');
    expect(rowCheckboxLabel({ firstName: '', lastName: '', extensionNumber: '7' })).toBe('Select user, extension 7');
  });
});
