import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { getFragmentData, graphql } from '../gql';
import { useAllPages } from '../lib/allPages';
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
    }
  }
`);

// A reorder lists every state, so every page is loaded.
const AgentStatesQuery = graphql(`
  query SettingsAgentStates($accountId: ID!, $first: Int, $after: Cursor) {
    account(id: $accountId) {
      id
      agentStates(first: $first, after: $after, orderBy: { field: RANK }) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...AgentStateFields
          }
        }
      }
    }
  }
`);

export default function SettingsPage() {
  const { accountId, can } = useAccountAccess();
  const [{ data, fetching, error }, refetch] = useQuery({ query: SettingsScreenQuery, variables: { accountId } });
  const agentStates = useAllPages(AgentStatesQuery, { accountId }, (d) => d.account?.agentStates);
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const account = data?.account;
  const states = [...getFragmentData(AgentStateFieldsDoc, agentStates.data ?? [])];
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
            <QueryState fetching={agentStates.fetching} error={agentStates.error} hasData={!!agentStates.data} retry={agentStates.reload}>
              <AgentStatesEditor accountId={accountId} states={states} editable={can('MANAGE_AGENT_STATES')} onChanged={agentStates.reload} />
            </QueryState>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
