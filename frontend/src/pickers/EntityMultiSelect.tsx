// The many-values picker, apart from EntitySelect so that the shell (the
// account switcher) does not load MultiSelect with the first page.
import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useState } from 'react';
import { useLazyPicker, type PickerProps, type ServerSearched } from './EntitySelect';

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
  const picker = useLazyPicker(kind, accountId, current, initialOptions, false, onDropdownOpen);
  return (
    <MultiSelect
      {...rest}
      {...picker}
      value={current}
      onChange={(v) => {
        setOwn(v);
        onChange?.(v);
      }}
    />
  );
}
