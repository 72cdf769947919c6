import { Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { CategoryColor } from '../gql/graphql';
import { useAllPages } from '../lib/allPages';
import { notifyError, notifySuccess } from '../lib/notify';
import { Empty, QueryState } from '../lib/QueryState';
import { useAccountAccess } from '../shell/viewer';
import { CategoryTreeEditor, type CategoryEditorActions } from './CategoryTreeEditor';

const CategoriesScreenQuery = graphql(`
  query CategoriesScreen($accountId: ID!, $first: Int, $after: Cursor) {
    account(id: $accountId) {
      id
      categories(first: $first, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            name
            color
            parentID
          }
        }
      }
    }
  }
`);

const CreateCategory = graphql(`
  mutation CreateCategory($input: CreateCategoryInput!) {
    createCategory(input: $input) {
      category {
        id
        name
        color
        parentID
      }
    }
  }
`);

const UpdateCategory = graphql(`
  mutation UpdateCategory($id: ID!, $input: UpdateCategoryInput!) {
    updateCategory(id: $id, input: $input) {
      category {
        id
        name
        color
        parentID
      }
    }
  }
`);

const MoveCategory = graphql(`
  mutation MoveCategory($id: ID!, $parentId: ID) {
    moveCategory(id: $id, parentId: $parentId) {
      category {
        id
        parentID
        depth
      }
    }
  }
`);

const DeleteCategory = graphql(`
  mutation DeleteCategory($id: ID!) {
    deleteCategory(id: $id) {
      deletedId
    }
  }
`);

const context = { additionalTypenames: ['Category'] };

export default function CategoriesPage() {
  const { accountId, can } = useAccountAccess();
  // The tree needs every category (a child can be on any page), so every page is loaded.
  const { data, fetching, error, reload: refresh } = useAllPages(CategoriesScreenQuery, { accountId }, (d) => d.account?.categories);
  const [, create] = useMutation(CreateCategory);
  const [, update] = useMutation(UpdateCategory);
  const [, move] = useMutation(MoveCategory);
  const [, remove] = useMutation(DeleteCategory);

  const categories = useMemo(
    () => (data ?? []).map((c) => ({ id: c.id, name: c.name, color: c.color, parentId: c.parentID ?? null })),
    [data],
  );

  const done = (res: { error?: Parameters<typeof notifyError>[0] }, message: string) => {
    if (res.error) {
      notifyError(res.error);
      return false;
    }
    notifySuccess(message);
    refresh();
    return true;
  };

  const actions: CategoryEditorActions = {
    create: async (parentId, name, color: CategoryColor) =>
      done(await create({ input: { accountID: accountId, name, color, ...(parentId ? { parentID: parentId } : {}) } }, context), `Category “${name}” created.`),
    update: async (id, name, color) => done(await update({ id, input: { name, color } }, context), 'Category saved.'),
    move: async (id, parentId) => done(await move({ id, parentId }, context), 'Category moved.'),
    remove: async (id) => done(await remove({ id }, context), 'Category deleted.'),
  };

  return (
    <Stack>
      <Title order={1} size="h2">
        Categories
      </Title>
      <Text c="dimmed">Skills and routing groups, up to six levels deep. An agent can be in many categories.</Text>
      <QueryState fetching={fetching} error={error} hasData={!!data} retry={refresh}>
        {data === null ? (
          <Empty title="Account not found" />
        ) : (
          <CategoryTreeEditor categories={categories} editable={can('MANAGE_CATEGORIES')} actions={actions} />
        )}
      </QueryState>
    </Stack>
  );
}
