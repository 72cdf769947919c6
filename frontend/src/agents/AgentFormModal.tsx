import { Alert, Button, Group, Modal, PasswordInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { isEmail, isNotEmpty, useForm } from '@mantine/form';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { getFragmentData, graphql } from '../gql';
import type { AgentFormQuery } from '../gql/graphql';
import { nodes } from '../lib/connection';
import { formErrors } from '../lib/errors';
import { notifySuccess } from '../lib/notify';
import { FormAlert, QueryState } from '../lib/QueryState';
import { EntityMultiSelect } from '../pickers/EntityMultiSelect';
import { EntitySelect } from '../pickers/EntitySelect';
import { categoryOption, namedOption, roleOption } from '../pickers/labels';
import { CategoryOptionFields } from '../pickers/operations';
import { agentFieldMap, createInput, timezoneLabel, updateInput, type AgentFormValues } from './agentForm';

const AgentFormQuery = graphql(`
  query AgentForm($accountId: ID!, $agentId: ID!, $editing: Boolean!) {
    timezones {
      name
      offset
    }
    languages {
      code
      name
    }
    account(id: $accountId) {
      id
      defaultTimezone
      defaultLanguage
      roles(first: 1, where: { name: "Agent", predefined: true }) {
        edges {
          node {
            id
            name
            predefined
          }
        }
      }
    }
    node(id: $agentId) @include(if: $editing) {
      __typename
      ... on Agent {
        id
        firstName
        lastName
        email
        username
        timezone
        language
        enabled
        source
        ringExOwned
        role {
          id
          name
          predefined
        }
        teams {
          id
          name
        }
        categories {
          ...CategoryOption
        }
      }
    }
  }
`);

const CreateAgent = graphql(`
  mutation CreateAgent($input: CreateAgentInput!, $password: String) {
    createAgent(input: $input, password: $password) {
      agent {
        id
        ...AgentRow
      }
    }
  }
`);

const UpdateAgent = graphql(`
  mutation UpdateAgent($id: ID!, $input: UpdateAgentInput!) {
    updateAgent(id: $id, input: $input) {
      agent {
        id
        ...AgentRow
      }
    }
  }
`);

interface Props {
  accountId: string;
  /** null: a new agent. */
  agentId: string | null;
  onClose: () => void;
  onSaved: () => void;
}

export function AgentFormModal({ accountId, agentId, onClose, onSaved }: Props) {
  const editing = agentId !== null;
  const [{ data, fetching, error }] = useQuery({
    query: AgentFormQuery,
    variables: { accountId, agentId: agentId ?? '', editing },
    requestPolicy: 'cache-and-network',
  });
  const agent = data?.node?.__typename === 'Agent' ? (data.node as EditedAgent) : null;
  return (
    <Modal opened onClose={onClose} title={editing ? 'Edit agent' : 'New agent'} size="lg">
      <QueryState fetching={fetching} error={error} hasData={!!data?.account && (!editing || !!agent)}>
        {data?.account && (
          <AgentForm
            accountId={accountId}
            agent={agent}
            options={data}
            onCancel={onClose}
            onSaved={onSaved}
          />
        )}
      </QueryState>
    </Modal>
  );
}

type FormData = AgentFormQuery;
type EditedAgent = Extract<NonNullable<FormData['node']>, { __typename: 'Agent' }>;

function AgentForm({
  accountId,
  agent,
  options,
  onCancel,
  onSaved,
}: {
  accountId: string;
  agent: EditedAgent | null;
  options: FormData;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const account = options.account!;
  const initial = useRef<AgentFormValues>(
    agent
      ? {
          firstName: agent.firstName,
          lastName: agent.lastName,
          email: agent.email,
          username: agent.username,
          timezone: agent.timezone,
          language: agent.language,
          roleId: agent.role.id,
          teamIds: (agent.teams ?? []).map((t) => t.id),
          categoryIds: (agent.categories ?? []).map((c) => getFragmentData(CategoryOptionFields, c).id),
          enabled: agent.enabled,
          password: '',
        }
      : {
          firstName: '',
          lastName: '',
          email: '',
          username: '',
          timezone: account.defaultTimezone,
          language: account.defaultLanguage,
          // New agents start as the predefined Agent role.
          roleId: nodes(account.roles.edges)[0]?.id ?? '',
          teamIds: [],
          categoryIds: [],
          enabled: true,
          password: '',
        },
  ).current;
  const owned = agent?.ringExOwned ?? false;
  const form = useForm<AgentFormValues>({
    mode: 'uncontrolled',
    initialValues: initial,
    validate: {
      firstName: isNotEmpty('Enter the first name'),
      lastName: isNotEmpty('Enter the last name'),
      email: isEmail('Enter a valid email address'),
      username: isNotEmpty('Enter a username'),
      timezone: isNotEmpty('Pick a timezone'),
      language: isNotEmpty('Pick a language'),
      roleId: isNotEmpty('Pick a role'),
    },
  });
  const [general, setGeneral] = useState<string | null>(null);
  const [{ fetching: creating }, create] = useMutation(CreateAgent);
  const [{ fetching: updating }, update] = useMutation(UpdateAgent);

  const tzData = useMemo(() => options.timezones.map((tz) => ({ value: tz.name, label: timezoneLabel(tz) })), [options.timezones]);
  const langData = useMemo(() => options.languages.map((l) => ({ value: l.code, label: `${l.name} (${l.code})` })), [options.languages]);
  // Names of the values the form starts with; the pickers search the rest on the server.
  const named = useMemo(
    () => ({
      roles: [...nodes(account.roles.edges), ...(agent ? [agent.role] : [])].map(roleOption),
      teams: (agent?.teams ?? []).map(namedOption),
      categories: (agent?.categories ?? []).map((c) => categoryOption(getFragmentData(CategoryOptionFields, c))),
    }),
    [account, agent],
  );

  useEffect(() => form.clearErrors(), []); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = form.onSubmit(async (values) => {
    setGeneral(null);
    const result = agent
      ? await update({ id: agent.id, input: updateInput(initial, values, owned) })
      : await create({ input: createInput(accountId, values), password: values.password || null });
    if (result.error) {
      const e = formErrors(result.error, { fieldMap: agentFieldMap, knownFields: Object.keys(initial) });
      form.setErrors(e.fields);
      setGeneral(e.general);
      return;
    }
    notifySuccess(agent ? 'Agent saved.' : 'Agent created.');
    onSaved();
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormAlert message={general} />
        {owned && (
          <Alert color="blue" title="Imported from RingEX">
            Name, email and username follow the RingEX user and cannot be changed here.
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="First name" required readOnly={owned} data-autofocus key={form.key('firstName')} {...form.getInputProps('firstName')} />
          <TextInput label="Last name" required readOnly={owned} key={form.key('lastName')} {...form.getInputProps('lastName')} />
          <TextInput label="Email" type="email" required readOnly={owned} key={form.key('email')} {...form.getInputProps('email')} />
          <TextInput label="Username" required readOnly={owned} description="Unique across the platform" key={form.key('username')} {...form.getInputProps('username')} />
          <Select label="Timezone" required searchable limit={50} data={tzData} allowDeselect={false} key={form.key('timezone')} {...form.getInputProps('timezone')} />
          <Select label="Language" required searchable data={langData} allowDeselect={false} key={form.key('language')} {...form.getInputProps('language')} />
          <EntitySelect kind="roles" accountId={accountId} initialOptions={named.roles} label="Role" required allowDeselect={false} key={form.key('roleId')} {...form.getInputProps('roleId')} />
          {!agent && (
            <PasswordInput label="Agent password" description="Optional; the agent signs in to the agent client with it" autoComplete="new-password" key={form.key('password')} {...form.getInputProps('password')} />
          )}
        </SimpleGrid>
        <EntityMultiSelect kind="teams" accountId={accountId} initialOptions={named.teams} label="Teams" placeholder="Type to find teams" key={form.key('teamIds')} {...form.getInputProps('teamIds')} />
        <EntityMultiSelect kind="categories" accountId={accountId} initialOptions={named.categories} label="Categories" placeholder="Type to find categories" key={form.key('categoryIds')} {...form.getInputProps('categoryIds')} />
        <Switch label="Enabled" key={form.key('enabled')} {...form.getInputProps('enabled', { type: 'checkbox' })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={creating || updating}>
            {agent ? 'Save' : 'Create agent'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
