// The many-values picker, apart from EntitySelect so that the shell (the
// account switcher) does not load MultiSelect with the first page.
import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useState } from 'react';
import { useNamedSearch, usePickerOptions, type PickerProps, type ServerSearched } from './EntitySelect';

export type EntityMultiSelectProps = PickerProps &
  Omit<MultiSelectProps, ServerSearched | 'value' | 'defaultValue' | 'onChange'> & {
    value?: string[];
    defaultValue?: string[];
    onChange?: (value: string[]) => void;
  };

/** A many-values picker; works controlled (value) or with a form's defaultValue. */
export function EntityMultiSelect({ kind, accountId, initialOptions, value, defaultValue, onChange, onDropdownOpen, ...rest }: EntityMultiSelectProps) {
  const [own, setOwn] = useState<string[]>(defaultValue ?? []);
  const current = value ?? own;
  const s = useNamedSearch(kind, current, initialOptions);
  const [opened, setOpened] = useState(false);
  const answer = usePickerOptions(kind, accountId, s.query, !opened);
  return (
    <MultiSelect
      {...rest}
      {...s.props(answer)}
      onDropdownOpen={() => {
        setOpened(true);
        onDropdownOpen?.();
      }}
      value={current}
      onChange={(v) => {
        setOwn(v);
        onChange?.(v);
      }}
    />
  );
}
