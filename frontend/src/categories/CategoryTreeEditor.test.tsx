// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CategoryColor } from '../gql/graphql';
import { renderUI } from '../test/render';
import { CategoryTreeEditor, type CategoryEditorActions } from './CategoryTreeEditor';
import type { FlatCategory } from './tree';

const cat = (id: string, parentId: string | null, name: string): FlatCategory<CategoryColor> => ({ id, name, color: 'BLUE', parentId });

const categories = [
  cat('sales', null, 'Sales'),
  cat('emea', 'sales', 'EMEA'),
  cat('fr', 'emea', 'French'),
  cat('support', null, 'Support'),
];

function actions(): CategoryEditorActions & { [K in keyof CategoryEditorActions]: ReturnType<typeof vi.fn> } {
  return {
    create: vi.fn(async () => true),
    update: vi.fn(async () => true),
    move: vi.fn(async () => true),
    remove: vi.fn(async () => true),
  };
}

async function openMenu(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(screen.getByRole('button', { name: `Actions for ${name}` }));
}

describe('CategoryTreeEditor', () => {
  it('shows the tree with levels', () => {
    renderUI(<CategoryTreeEditor categories={categories} editable actions={actions()} />);
    const items = screen.getAllByRole('treeitem');
    expect(items.map((i) => i.getAttribute('aria-level'))).toEqual(['1', '2', '3', '1']);
  });

  it('offers only valid move targets and moves there', async () => {
    const user = userEvent.setup();
    const a = actions();
    renderUI(<CategoryTreeEditor categories={categories} editable actions={a} />);
    await openMenu(user, 'EMEA');
    await user.click(await screen.findByRole('menuitem', { name: 'Move' }));
    const dialog = await screen.findByRole('dialog', { name: 'Move “EMEA”' });
    await user.click(within(dialog).getByPlaceholderText('Choose where to move it'));
    const options = (await screen.findAllByRole('option')).map((o) => o.textContent);
    // Not itself, not its own child, not its current parent.
    expect(options).toEqual(['Top level', 'Support']);
    await user.click(screen.getByRole('option', { name: 'Support' }));
    await user.click(within(dialog).getByRole('button', { name: 'Move' }));
    await waitFor(() => expect(a.move).toHaveBeenCalledWith('emea', 'support'));
  });

  it('moves to the top level with a null parent', async () => {
    const user = userEvent.setup();
    const a = actions();
    renderUI(<CategoryTreeEditor categories={categories} editable actions={a} />);
    await openMenu(user, 'French');
    await user.click(await screen.findByRole('menuitem', { name: 'Move' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByPlaceholderText('Choose where to move it'));
    await user.click(await screen.findByRole('option', { name: 'Top level' }));
    await user.click(within(dialog).getByRole('button', { name: 'Move' }));
    await waitFor(() => expect(a.move).toHaveBeenCalledWith('fr', null));
  });

  it('does not offer moves that would make the tree deeper than six levels', async () => {
    const user = userEvent.setup();
    const deep = [
      ...Array.from({ length: 5 }, (_, i) => cat(`d${i + 1}`, i === 0 ? null : `d${i}`, `Level ${i + 1}`)),
      cat('x', null, 'Pair'),
      cat('y', 'x', 'Pair child'),
    ];
    renderUI(<CategoryTreeEditor categories={deep} editable actions={actions()} />);
    await openMenu(user, 'Pair');
    await user.click(await screen.findByRole('menuitem', { name: 'Move' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByPlaceholderText('Choose where to move it'));
    const options = (await screen.findAllByRole('option')).map((o) => o.textContent);
    // Pair (2 levels) fits under Levels 1–4, not under Level 5.
    expect(options).toEqual(['Level 1', 'Level 1 / Level 2', 'Level 1 / Level 2 / Level 3', 'Level 1 / Level 2 / Level 3 / Level 4']);
  });

  it('adds a subcategory with a name and color', async () => {
    const user = userEvent.setup();
    const a = actions();
    renderUI(<CategoryTreeEditor categories={categories} editable actions={a} />);
    await openMenu(user, 'Support');
    await user.click(await screen.findByRole('menuitem', { name: 'Add subcategory' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/Name/), 'Billing');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(a.create).toHaveBeenCalledWith('support', 'Billing', 'BLUE'));
  });

  it('asks before deleting, naming the subtree', async () => {
    const user = userEvent.setup();
    const a = actions();
    renderUI(<CategoryTreeEditor categories={categories} editable actions={a} />);
    await openMenu(user, 'Sales');
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    await screen.findByText(/Its 2 subcategories are deleted with it/);
    await user.click(screen.getByRole('button', { name: 'Delete category' }));
    await waitFor(() => expect(a.remove).toHaveBeenCalledWith('sales'));
  });

  it('shows no editing controls to viewers who cannot manage categories', () => {
    renderUI(<CategoryTreeEditor categories={categories} editable={false} actions={actions()} />);
    expect(screen.queryByRole('button', { name: /Actions for/ })).toBeNull();
  });
});
