import { describe, expect, it } from 'vitest';
import { HINT_VALUE, rememberOptions, searchFilter, searchHint, searchSelectData, searchVariable } from './searchSelect';

const o = (value: string, label = value) => ({ value, label });

describe('searchSelect', () => {
  it('hints when more match than are shown', () => {
    expect(searchHint(50, 50, '')).toBeNull();
    expect(searchHint(50, 300, '')).toBe('250 more, type to search');
    expect(searchHint(50, 1234, 'team')).toBe('1,184 more, refine your search');
  });

  it('lists matches, then selected values they lack, then the hint', () => {
    const data = searchSelectData([o('a', 'Alpha'), o('b', 'Beta')], [o('b', 'Beta'), o('z', 'Zulu')], '3 more, refine your search');
    expect(data).toEqual([
      { value: 'a', label: 'Alpha' },
      { value: 'b', label: 'Beta' },
      { value: 'z', label: 'Zulu' },
      { value: HINT_VALUE, label: '3 more, refine your search', disabled: true },
    ]);
    expect(searchSelectData([o('a')], [], null)).toEqual([{ value: 'a', label: 'a' }]);
  });

  it('narrows by what is typed and keeps the hint', () => {
    const options = searchSelectData([o('1', 'Team 118'), o('2', 'Team 120')], [], '9 more, refine your search');
    const shown = searchFilter({ options, search: ' 118', limit: Infinity });
    expect(shown.map((x) => ('value' in x ? x.value : x.group))).toEqual(['1', HINT_VALUE]);
  });

  it('asks for everything when the input shows the chosen label', () => {
    expect(searchVariable('  ')).toBeNull();
    expect(searchVariable(' sales ')).toBe('sales');
    expect(searchVariable('Demo Contact Center', 'Demo Contact Center')).toBeNull();
    expect(searchVariable('Demo', 'Demo Contact Center')).toBe('Demo');
  });

  it('remembers names and says when one changed', () => {
    const known = new Map<string, string>();
    expect(rememberOptions(known, [o('a', 'Alpha')])).toBe(true);
    expect(rememberOptions(known, [o('a', 'Alpha')])).toBe(false);
    expect(rememberOptions(known, [o('a', 'Alpha 2')])).toBe(true);
    expect(known.get('a')).toBe('Alpha 2');
  });
});
