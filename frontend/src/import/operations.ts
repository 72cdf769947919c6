// The import flow's GraphQL operations. The generated types in src/gql are the
// only description of these shapes; run `npm run codegen` after editing.
import { graphql } from '../gql';

export const ImportAccountQuery = graphql(`
  query ImportAccount($accountId: ID!) {
    account(id: $accountId) {
      id
      name
      viewerPermissions
      ringEx {
        linked
        companyId
        userCount
        lastSyncAt
        lastSyncStatus
      }
    }
  }
`);

/**
 * Every role of the account, a page at a time (queryAllPages): the Role control
 * is a native select grouped predefined / custom, which finds by typing too.
 * Teams and categories are searched on the server by their pickers.
 */
export const ImportRolesQuery = graphql(`
  query ImportRoles($accountId: ID!, $first: Int, $after: Cursor) {
    account(id: $accountId) {
      id
      roles(first: $first, after: $after, orderBy: { field: NAME }) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            name
            predefined
          }
        }
      }
    }
  }
`);

export const DirectoryUsersQuery = graphql(`
  query DirectoryUsers($accountId: ID!, $search: String, $filter: RingExUserFilter, $first: Int, $after: Cursor) {
    ringExUsers(accountId: $accountId, search: $search, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          extensionNumber
          firstName
          lastName
          email
          status
          removed
          imported
        }
      }
    }
  }
`);

export const ImportPreviewQuery = graphql(`
  query ImportPreview($input: ImportAgentsInput!, $offset: Int, $limit: Int) {
    previewAgentImport(input: $input, offset: $offset, limit: $limit) {
      total
      toImport
      alreadyImported
      failing
      items {
        username
        timezone
        timezoneMatch
        language
        languageMatch
        outcome
        code
        reason
        user {
          id
          firstName
          lastName
          email
          extensionNumber
        }
      }
    }
  }
`);

export const ImportJobFields = graphql(`
  fragment ImportJobFields on ImportJob {
    id
    status
    total
    processed
    importedCount
    alreadyImportedCount
    failedCount
    error
    cancelRequested
    createdBy
    createdAt
    startedAt
    finishedAt
    role {
      id
      name
    }
    teams {
      id
      name
    }
    categories {
      id
      name
    }
  }
`);

export const ImportAgentsMutation = graphql(`
  mutation ImportAgents($input: ImportAgentsInput!) {
    importAgents(input: $input) {
      job {
        id
        ...ImportJobFields
      }
    }
  }
`);

export const CancelImportJobMutation = graphql(`
  mutation CancelImportJob($id: ID!) {
    cancelImportJob(id: $id) {
      job {
        ...ImportJobFields
      }
    }
  }
`);

export const ImportJobQuery = graphql(`
  query ImportJob($id: ID!) {
    importJob(id: $id) {
      ...ImportJobFields
    }
  }
`);

export const ImportJobProgressSubscription = graphql(`
  subscription ImportJobProgress($jobId: ID!) {
    importJobProgress(jobId: $jobId) {
      ...ImportJobFields
    }
  }
`);

export const ImportResultsQuery = graphql(`
  query ImportResults($id: ID!, $where: ImportResultWhereInput, $first: Int, $after: Cursor) {
    importJob(id: $id) {
      id
      results(where: $where, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            name
            email
            username
            outcome
            code
            message
            timezone
            timezoneMatch
            language
            languageMatch
            agent {
              id
              role {
                id
                name
              }
            }
          }
        }
      }
    }
  }
`);

export const ImportResultsCsvQuery = graphql(`
  query ImportResultsCsv($id: ID!) {
    importJob(id: $id) {
      id
      createdAt
      resultsCsv
    }
  }
`);

export const ImportHistoryQuery = graphql(`
  query ImportHistory($accountId: ID!, $first: Int, $after: Cursor) {
    importJobs(accountId: $accountId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...ImportJobFields
        }
      }
    }
  }
`);
