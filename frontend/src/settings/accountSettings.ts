// The account settings form's values and the UpdateAccountInput they become.
import type { AccountLeaverPolicy, AccountWfmType, UpdateAccountInput } from '../gql/graphql';

export interface AccountSettingsValues {
  name: string;
  defaultTimezone: string;
  defaultLanguage: string;
  internationalEnabled: boolean;
  internationalCountries: string[];
  wfmType: AccountWfmType;
  wfmEndpoint: string;
  wfmEnabled: boolean;
  maxBreakMinutes: number;
  maxLunchMinutes: number;
  leaverPolicy: AccountLeaverPolicy;
}

export const WFM_TYPES: { value: AccountWfmType; label: string }[] = [
  { value: 'NONE', label: 'None' },
  { value: 'GENERIC_WEBHOOK', label: 'Generic webhook' },
  { value: 'ASPECT', label: 'Aspect' },
  { value: 'VERINT_MONET', label: 'Verint Monet' },
  { value: 'PIPKINS', label: 'Pipkins' },
];

export function settingsInput(v: AccountSettingsValues): UpdateAccountInput {
  const wfm = v.wfmType !== 'NONE';
  const endpoint = v.wfmEndpoint.trim();
  return {
    name: v.name.trim(),
    defaultTimezone: v.defaultTimezone,
    defaultLanguage: v.defaultLanguage,
    internationalEnabled: v.internationalEnabled,
    // Countries only mean something with international access on.
    ...(v.internationalEnabled && v.internationalCountries.length
      ? { internationalCountries: v.internationalCountries }
      : { clearInternationalCountries: true }),
    wfmType: v.wfmType,
    ...(wfm && endpoint ? { wfmEndpoint: endpoint } : { clearWfmEndpoint: true }),
    wfmEnabled: wfm && v.wfmEnabled,
    maxBreakMinutes: v.maxBreakMinutes,
    maxLunchMinutes: v.maxLunchMinutes,
    leaverPolicy: v.leaverPolicy,
  };
}

/** Moves the item at `index` by `delta` places; out-of-range moves change nothing. */
export function moveItem<T>(items: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return [...items];
  const out = [...items];
  const [item] = out.splice(index, 1);
  out.splice(to, 0, item as T);
  return out;
}
