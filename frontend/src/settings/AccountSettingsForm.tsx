import { Button, Fieldset, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { useMemo, useState } from 'react';
import { useMutation } from 'urql';
import { timezoneLabel } from '../agents/agentForm';
import { graphql } from '../gql';
import type { SettingsScreenQuery } from '../gql/graphql';
import { formErrors } from '../lib/errors';
import { notifySuccess } from '../lib/notify';
import { FormAlert } from '../lib/QueryState';
import { settingsInput, WFM_TYPES, type AccountSettingsValues } from './accountSettings';

const UpdateAccountSettings = graphql(`
  mutation UpdateAccountSettings($id: ID!, $input: UpdateAccountInput!) {
    updateAccount(id: $id, input: $input) {
      account {
        id
        name
        defaultTimezone
        defaultLanguage
        internationalEnabled
        internationalCountries
        wfmType
        wfmEndpoint
        wfmEnabled
        maxBreakMinutes
        maxLunchMinutes
        leaverPolicy
      }
    }
  }
`);

type Data = SettingsScreenQuery;

export function AccountSettingsForm({ data, editable }: { data: Data; editable: boolean }) {
  const account = data.account!;
  const [general, setGeneral] = useState<string | null>(null);
  const [{ fetching }, update] = useMutation(UpdateAccountSettings);
  const form = useForm<AccountSettingsValues>({
    mode: 'controlled',
    initialValues: {
      name: account.name,
      defaultTimezone: account.defaultTimezone,
      defaultLanguage: account.defaultLanguage,
      internationalEnabled: account.internationalEnabled,
      internationalCountries: account.internationalCountries ?? [],
      wfmType: account.wfmType,
      wfmEndpoint: account.wfmEndpoint ?? '',
      wfmEnabled: account.wfmEnabled,
      maxBreakMinutes: account.maxBreakMinutes,
      maxLunchMinutes: account.maxLunchMinutes,
      leaverPolicy: account.leaverPolicy,
    },
    validate: {
      name: isNotEmpty('Name the account'),
      wfmEndpoint: (v, values) => (values.wfmType !== 'NONE' && values.wfmEnabled && !v.trim() ? 'Enter the endpoint of the WFM provider' : null),
    },
  });
  const tz = useMemo(() => data.timezones.map((t) => ({ value: t.name, label: timezoneLabel(t) })), [data.timezones]);
  const langs = useMemo(() => data.languages.map((l) => ({ value: l.code, label: `${l.name} (${l.code})` })), [data.languages]);
  const countries = useMemo(() => data.countries.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` })), [data.countries]);

  const submit = form.onSubmit(async (values) => {
    setGeneral(null);
    const res = await update({ id: account.id, input: settingsInput(values) });
    if (res.error) {
      const e = formErrors(res.error, { knownFields: Object.keys(values) });
      form.setErrors(e.fields);
      setGeneral(e.general);
      return;
    }
    form.resetDirty();
    notifySuccess('Account settings saved.');
  });

  const v = form.getValues();
  return (
    <form onSubmit={submit} noValidate aria-label="Account settings">
      <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack>
          <FormAlert message={general} />
          <Fieldset legend="General">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Account name" required {...form.getInputProps('name')} />
              <Select label="Default timezone" searchable limit={50} allowDeselect={false} data={tz} {...form.getInputProps('defaultTimezone')} />
              <Select label="Default language" searchable allowDeselect={false} data={langs} {...form.getInputProps('defaultLanguage')} />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend="International access">
            <Stack>
              <Switch label="Agents may reach international destinations" {...form.getInputProps('internationalEnabled', { type: 'checkbox' })} />
              <MultiSelect
                label="Allowed countries"
                description="Which countries agents may call"
                placeholder="Search countries"
                searchable
                disabled={!v.internationalEnabled}
                data={countries}
                {...form.getInputProps('internationalCountries')}
              />
            </Stack>
          </Fieldset>
          <Fieldset legend="Workforce management">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select label="WFM provider" allowDeselect={false} data={WFM_TYPES} {...form.getInputProps('wfmType')} />
              <TextInput label="Endpoint" type="url" placeholder="https://" disabled={v.wfmType === 'NONE'} {...form.getInputProps('wfmEndpoint')} />
              <Switch label="Send events to the WFM provider" disabled={v.wfmType === 'NONE'} {...form.getInputProps('wfmEnabled', { type: 'checkbox' })} />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend="Limits and leavers">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NumberInput label="Maximum break (minutes)" min={0} max={480} allowDecimal={false} {...form.getInputProps('maxBreakMinutes')} />
              <NumberInput label="Maximum lunch (minutes)" min={0} max={480} allowDecimal={false} {...form.getInputProps('maxLunchMinutes')} />
              <Select
                label="RingEX leavers"
                description="When a user leaves RingEX"
                allowDeselect={false}
                data={[
                  { value: 'FLAG_ONLY', label: 'Flag the agent only' },
                  { value: 'DISABLE', label: 'Disable the agent' },
                ]}
                {...form.getInputProps('leaverPolicy')}
              />
            </SimpleGrid>
          </Fieldset>
          {editable && (
            <Group>
              <Button type="submit" loading={fetching}>
                Save settings
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
