import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { getFragmentData, graphql } from '../gql';
import { nodes } from '../lib/connection';
import { Empty, QueryState } from '../lib/QueryState';
import { useAccountAccess } from '../shell/viewer';
import { AccountSettingsForm } from './AccountSettingsForm';
import { AgentStateFieldsDoc, AgentStatesEditor } from './AgentStatesEditor';

const SettingsScreenQuery = graphql(`
  query SettingsScreen($accountId: ID!) {
    timezones {
      name
      offset
    }
    languages {
      code
      name
    }
    countries {
      code
      name
    }
    account(id: $accountId) {
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
      agentStates(first: 100, orderBy: { field: RANK }) {
        edges {
          node {
            ...AgentStateFields
          }
        }
      }
    }
  }
`);

const context = { additionalTypenames: ['AgentState'] };

export default function SettingsPage() {
  const { accountId, can } = useAccountAccess();
  const [{ data, fetching, error }, refetch] = useQuery({ query: SettingsScreenQuery, variables: { accountId }, context });
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const account = data?.account;
  const states = [...getFragmentData(AgentStateFieldsDoc, nodes(account?.agentStates.edges))];
  return (
    <Stack>
      <Title order={1} size="h2">
        Account settings
      </Title>
      <QueryState fetching={fetching} error={error} hasData={!!account} retry={refresh}>
        {!account || !data ? (
          <Empty title="Account not found" />
        ) : (
          <>
            <AccountSettingsForm key={account.id} data={data} editable={can('MANAGE_ACCOUNT')} />
            <Title order={2} size="h3" mt="lg">
              Agent states
            </Title>
            <Text size="sm" c="dimmed">
              The states agents see in the agent interface, in this order.
            </Text>
            <AgentStatesEditor accountId={accountId} states={states} editable={can('MANAGE_AGENT_STATES')} onChanged={refresh} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
