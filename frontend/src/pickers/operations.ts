// Options of the pickers, searched on the server: one page of matches ordered
// by name, and the names of selected values looked up by id.
import { graphql } from '../gql';

export const CategoryOptionFields = graphql(`
  fragment CategoryOption on Category {
    id
    name
    parent {
      id
      name
      parent {
        id
        name
        parent {
          id
          name
          parent {
            id
            name
            parent {
              id
              name
            }
          }
        }
      }
    }
  }
`);

export const PickerOptionsQuery = graphql(`
  query PickerOptions(
    $accountId: ID!
    $inAccount: Boolean!
    $q: String
    $first: Int!
    $teams: Boolean!
    $roles: Boolean!
    $categories: Boolean!
    $accounts: Boolean!
  ) {
    account(id: $accountId) @include(if: $inAccount) {
      id
      teams(first: $first, where: { nameContainsFold: $q }, orderBy: { field: NAME }) @include(if: $teams) {
        totalCount
        edges {
          node {
            id
            name
          }
        }
      }
      roles(first: $first, where: { nameContainsFold: $q }, orderBy: { field: NAME }) @include(if: $roles) {
        totalCount
        edges {
          node {
            id
            name
            predefined
          }
        }
      }
      categories(first: $first, where: { nameContainsFold: $q }, orderBy: { field: NAME }) @include(if: $categories) {
        totalCount
        edges {
          node {
            ...CategoryOption
          }
        }
      }
    }
    accounts(first: $first, where: { nameContainsFold: $q }, orderBy: { field: NAME }) @include(if: $accounts) {
      totalCount
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const PickerLabelsQuery = graphql(`
  query PickerLabels($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on Team {
        id
        name
      }
      ... on Role {
        id
        name
        predefined
      }
      ... on Category {
        ...CategoryOption
      }
      ... on Account {
        id
        name
      }
    }
  }
`);
