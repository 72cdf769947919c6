import { ActionIcon, Button, ColorSwatch, Group, Menu, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { IconDots, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { CategoryColor } from '../gql/graphql';
import { confirmAction } from '../lib/confirm';
import {
  buildCategoryTree,
  canAddChild,
  MAX_CATEGORY_DEPTH,
  moveTargets,
  pathLabel,
  subtreeIds,
  type CategoryNode,
  type CategoryTree,
  type FlatCategory,
} from './tree';

export const CATEGORY_COLORS: readonly CategoryColor[] = [
  'GRAY', 'RED', 'PINK', 'GRAPE', 'VIOLET', 'INDIGO', 'BLUE', 'CYAN', 'TEAL', 'GREEN', 'LIME', 'YELLOW', 'ORANGE',
];

export const colorVar = (c: CategoryColor) => `var(--mantine-color-${c.toLowerCase()}-6)`;
const colorName = (c: CategoryColor) => c.charAt(0) + c.slice(1).toLowerCase();

/** What the editor asks its page to do; each resolves true when the server agreed. */
export interface CategoryEditorActions {
  create: (parentId: string | null, name: string, color: CategoryColor) => Promise<boolean>;
  update: (id: string, name: string, color: CategoryColor) => Promise<boolean>;
  move: (id: string, parentId: string | null) => Promise<boolean>;
  remove: (id: string) => Promise<boolean>;
}

type Dialog =
  | { kind: 'create'; parentId: string | null }
  | { kind: 'edit'; node: CategoryNode<CategoryColor> }
  | { kind: 'move'; node: CategoryNode<CategoryColor> };

export function CategoryTreeEditor({
  categories,
  editable,
  actions,
}: {
  categories: readonly FlatCategory<CategoryColor>[];
  editable: boolean;
  actions: CategoryEditorActions;
}) {
  const tree = useMemo(() => buildCategoryTree(categories), [categories]);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const remove = async (node: CategoryNode<CategoryColor>) => {
    const below = subtreeIds(node).size - 1;
    const ok = await confirmAction({
      title: `Delete “${node.name}”?`,
      message: below
        ? `Its ${below} subcategor${below === 1 ? 'y is' : 'ies are'} deleted with it. Agents keep their other categories.`
        : 'Agents in it keep their other categories.',
      confirmLabel: 'Delete category',
    });
    if (ok) await actions.remove(node.id);
  };

  return (
    <Stack gap="xs">
      {editable && (
        <Button w="fit-content" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'create', parentId: null })}>
          New top-level category
        </Button>
      )}
      {tree.roots.length === 0 ? (
        <Text c="dimmed">No categories yet.</Text>
      ) : (
        <ul role="tree" aria-label="Categories" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {tree.roots.map((n) => (
            <TreeItem key={n.id} node={n} tree={tree} editable={editable} onDialog={setDialog} onRemove={remove} />
          ))}
        </ul>
      )}
      {dialog && (dialog.kind === 'move' ? (
        <MoveDialog node={dialog.node} tree={tree} onClose={() => setDialog(null)} onMove={actions.move} />
      ) : (
        <NameColorDialog
          title={dialog.kind === 'create' ? (dialog.parentId ? `New category under “${pathLabel(tree, dialog.parentId)}”` : 'New top-level category') : `Edit “${dialog.node.name}”`}
          initial={dialog.kind === 'edit' ? { name: dialog.node.name, color: dialog.node.color } : { name: '', color: 'BLUE' }}
          onClose={() => setDialog(null)}
          onSubmit={(name, color) =>
            dialog.kind === 'create' ? actions.create(dialog.parentId, name, color) : actions.update(dialog.node.id, name, color)
          }
        />
      ))}
    </Stack>
  );
}

function TreeItem({
  node,
  tree,
  editable,
  onDialog,
  onRemove,
}: {
  node: CategoryNode<CategoryColor>;
  tree: CategoryTree<CategoryColor>;
  editable: boolean;
  onDialog: (d: Dialog) => void;
  onRemove: (n: CategoryNode<CategoryColor>) => void;
}) {
  const addable = canAddChild(tree, node.id);
  const movable = moveTargets(tree, node.id).length > 0;
  return (
    <li role="treeitem" aria-expanded={node.children.length ? true : undefined} aria-selected={false} aria-level={node.depth}>
      <Group gap="xs" py={4} pl={(node.depth - 1) * 24} wrap="nowrap">
        <ColorSwatch color={colorVar(node.color)} size={14} aria-label={colorName(node.color)} />
        <Text size="sm" style={{ flex: 1 }}>
          {node.name}
        </Text>
        {editable && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${node.name}`}>
                <IconDots size={16} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item disabled={!addable} onClick={() => onDialog({ kind: 'create', parentId: node.id })}>
                {addable ? 'Add subcategory' : `Add subcategory (at most ${MAX_CATEGORY_DEPTH} levels)`}
              </Menu.Item>
              <Menu.Item onClick={() => onDialog({ kind: 'edit', node })}>Rename or recolor</Menu.Item>
              <Menu.Item disabled={!movable} onClick={() => onDialog({ kind: 'move', node })}>
                Move
              </Menu.Item>
              <Menu.Item color="red" onClick={() => onRemove(node)}>
                Delete
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      {node.children.length > 0 && (
        <ul role="group" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {node.children.map((c) => (
            <TreeItem key={c.id} node={c} tree={tree} editable={editable} onDialog={onDialog} onRemove={onRemove} />
          ))}
        </ul>
      )}
    </li>
  );
}

function NameColorDialog({
  title,
  initial,
  onClose,
  onSubmit,
}: {
  title: string;
  initial: { name: string; color: CategoryColor };
  onClose: () => void;
  onSubmit: (name: string, color: CategoryColor) => Promise<boolean>;
}) {
  const [busy, setBusy] = useState(false);
  const form = useForm({ mode: 'uncontrolled', initialValues: initial, validate: { name: isNotEmpty('Name the category') } });
  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    const ok = await onSubmit(v.name.trim(), v.color);
    setBusy(false);
    if (ok) onClose();
  });
  return (
    <Modal opened onClose={onClose} title={title}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="Name" required data-autofocus key={form.key('name')} {...form.getInputProps('name')} />
          <Select
            label="Color"
            allowDeselect={false}
            data={CATEGORY_COLORS.map((c) => ({ value: c, label: colorName(c) }))}
            renderOption={({ option }) => (
              <Group gap="xs">
                <ColorSwatch color={colorVar(option.value as CategoryColor)} size={14} aria-hidden />
                {option.label}
              </Group>
            )}
            key={form.key('color')}
            {...form.getInputProps('color')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const TOP_LEVEL = '__top__';

function MoveDialog({
  node,
  tree,
  onClose,
  onMove,
}: {
  node: CategoryNode<CategoryColor>;
  tree: CategoryTree<CategoryColor>;
  onClose: () => void;
  onMove: (id: string, parentId: string | null) => Promise<boolean>;
}) {
  const targets = moveTargets(tree, node.id);
  const [target, setTarget] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const data = targets.map((t) => (t === null ? { value: TOP_LEVEL, label: 'Top level' } : { value: t, label: pathLabel(tree, t) }));
  const move = async () => {
    if (!target) return;
    setBusy(true);
    const ok = await onMove(node.id, target === TOP_LEVEL ? null : target);
    setBusy(false);
    if (ok) onClose();
  };
  return (
    <Modal opened onClose={onClose} title={`Move “${node.name}”`}>
      <Stack>
        <Text size="sm">
          Its subcategories move with it. Only places where the tree stays within {MAX_CATEGORY_DEPTH} levels are offered.
        </Text>
        <Select label="New parent" placeholder="Choose where to move it" data={data} value={target} onChange={setTarget} searchable={data.length > 8} data-autofocus />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void move()} disabled={!target} loading={busy}>
            Move
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
