// The RingEX integration page's GraphQL operations (types generated into src/gql).
import { graphql } from '../gql';

export const RingExStatusFields = graphql(`
  fragment RingExStatusFields on RingExLinkStatus {
    linked
    serverUrl
    clientId
    companyId
    linkedAt
    lastSyncAt
    lastSyncStatus
    lastSyncError
    userCount
  }
`);

export const RingExAccountQuery = graphql(`
  query RingExAccount($accountId: ID!) {
    account(id: $accountId) {
      id
      name
      leaverPolicy
      viewerPermissions
      ringEx {
        ...RingExStatusFields
      }
    }
  }
`);

export const LinkRingExMutation = graphql(`
  mutation LinkRingEx($accountId: ID!, $input: LinkRingExInput!) {
    linkRingEx(accountId: $accountId, input: $input) {
      account {
        id
        ringEx {
          ...RingExStatusFields
        }
      }
      syncJob {
        id
        state
      }
    }
  }
`);

export const UnlinkRingExMutation = graphql(`
  mutation UnlinkRingEx($accountId: ID!) {
    unlinkRingEx(accountId: $accountId) {
      account {
        id
        ringEx {
          ...RingExStatusFields
        }
      }
    }
  }
`);

export const SyncRingExMutation = graphql(`
  mutation SyncRingExDirectory($accountId: ID!) {
    syncRingExDirectory(accountId: $accountId) {
      id
      state
    }
  }
`);

export const SetLeaverPolicyMutation = graphql(`
  mutation SetRingExLeaverPolicy($accountId: ID!, $policy: AccountLeaverPolicy!) {
    setRingExLeaverPolicy(accountId: $accountId, policy: $policy) {
      account {
        id
        leaverPolicy
      }
    }
  }
`);

export const RingExSyncProgressSubscription = graphql(`
  subscription RingExSyncProgress($accountId: ID!) {
    ringExSyncProgress(accountId: $accountId) {
      ...RingExStatusFields
    }
  }
`);
