import { describe, expect, it } from 'vitest';
import { moveItem, settingsInput, type AccountSettingsValues } from './accountSettings';

const values: AccountSettingsValues = {
  name: ' Acme ',
  defaultTimezone: 'Europe/Paris',
  defaultLanguage: 'fr-FR',
  internationalEnabled: true,
  internationalCountries: ['FR', 'DE'],
  wfmType: 'VERINT_MONET',
  wfmEndpoint: ' https://wfm.example ',
  wfmEnabled: true,
  maxBreakMinutes: 15,
  maxLunchMinutes: 45,
  leaverPolicy: 'DISABLE',
};

describe('settingsInput', () => {
  it('sends every setting, trimmed', () => {
    expect(settingsInput(values)).toEqual({
      name: 'Acme',
      defaultTimezone: 'Europe/Paris',
      defaultLanguage: 'fr-FR',
      internationalEnabled: true,
      internationalCountries: ['FR', 'DE'],
      wfmType: 'VERINT_MONET',
      wfmEndpoint: 'https://wfm.example',
      wfmEnabled: true,
      maxBreakMinutes: 15,
      maxLunchMinutes: 45,
      leaverPolicy: 'DISABLE',
    });
  });

  it('clears countries without international access and the endpoint without WFM', () => {
    const input = settingsInput({ ...values, internationalEnabled: false, wfmType: 'NONE' });
    expect(input.clearInternationalCountries).toBe(true);
    expect(input.internationalCountries).toBeUndefined();
    expect(input.clearWfmEndpoint).toBe(true);
    expect(input.wfmEnabled).toBe(false);
  });
});

describe('moveItem', () => {
  it('moves up and down and ignores moves past the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
