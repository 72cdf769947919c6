import { describe, expect, it } from 'vitest';
import {
  buildCategoryTree,
  canAddChild,
  checkMove,
  moveTargets,
  pathLabel,
  subtreeIds,
  walk,
  type FlatCategory,
} from './tree';

const cat = (id: string, parentId: string | null, name = id): FlatCategory => ({ id, name, color: 'BLUE', parentId });

/** A chain a > b > c > ... of the given length, plus siblings. */
function chain(n: number, prefix = 'n'): FlatCategory[] {
  return Array.from({ length: n }, (_, i) => cat(`${prefix}${i + 1}`, i === 0 ? null : `${prefix}${i}`));
}

describe('buildCategoryTree', () => {
  it('builds roots and children sorted by name, with depth and height', () => {
    const t = buildCategoryTree([
      cat('s', null, 'Sales'),
      cat('b', 's', 'billing'),
      cat('a', 's', 'Accounts'),
      cat('x', 'a', 'Xfer'),
      cat('h', null, 'Help desk'),
    ]);
    expect(t.roots.map((r) => r.name)).toEqual(['Help desk', 'Sales']);
    expect(t.byId.get('s')?.children.map((c) => c.name)).toEqual(['Accounts', 'billing']);
    expect(t.byId.get('x')?.depth).toBe(3);
    expect(t.byId.get('s')?.height).toBe(3);
    expect(t.byId.get('h')?.height).toBe(1);
    expect([...walk(t.roots)].map((n) => n.id)).toEqual(['h', 's', 'a', 'x', 'b']);
  });

  it('handles an empty list', () => {
    const t = buildCategoryTree([]);
    expect(t.roots).toEqual([]);
    expect(canAddChild(t, null)).toBe(true);
  });

  it('shows orphans as roots', () => {
    const t = buildCategoryTree([cat('a', 'gone')]);
    expect(t.roots.map((r) => r.id)).toEqual(['a']);
    expect(t.byId.get('a')?.depth).toBe(1);
    expect(checkMove(t, 'a', null)).toEqual({ ok: true });
  });

  it('breaks parent cycles instead of looping', () => {
    const t = buildCategoryTree([cat('a', 'b'), cat('b', 'a'), cat('c', 'a')]);
    expect([...walk(t.roots)].map((n) => n.id).sort()).toEqual(['a', 'b', 'c']);
    expect(pathLabel(t, 'c')).toContain('c');
  });
});

describe('moves', () => {
  const t = buildCategoryTree([...chain(4), cat('leaf', null), cat('other', null)]);

  it('refuses itself, its descendants and its current parent', () => {
    expect(checkMove(t, 'n2', 'n2')).toEqual({ ok: false, reason: 'self' });
    expect(checkMove(t, 'n2', 'n4')).toEqual({ ok: false, reason: 'descendant' });
    expect(checkMove(t, 'n2', 'n1')).toEqual({ ok: false, reason: 'sameParent' });
    expect(checkMove(t, 'n1', null)).toEqual({ ok: false, reason: 'sameParent' });
    expect(checkMove(t, 'nope', null)).toEqual({ ok: false, reason: 'unknown' });
    expect(checkMove(t, 'n1', 'nope')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('allows moving to the top level or under another branch', () => {
    expect(checkMove(t, 'n3', null)).toEqual({ ok: true });
    expect(checkMove(t, 'n2', 'other')).toEqual({ ok: true });
  });

  it('counts the height of the moved subtree against the depth limit', () => {
    // n1..n4 is 4 levels; under a depth-2 node it would reach 6: fine.
    const deep = buildCategoryTree([...chain(4), ...chain(3, 'm')]);
    expect(checkMove(deep, 'n1', 'm2')).toEqual({ ok: true });
    expect(checkMove(deep, 'n1', 'm3')).toEqual({ ok: false, reason: 'tooDeep' });
    // a leaf may go anywhere above depth 6
    const six = buildCategoryTree([...chain(6), cat('leaf', null)]);
    expect(checkMove(six, 'leaf', 'n5')).toEqual({ ok: true });
    expect(checkMove(six, 'leaf', 'n6')).toEqual({ ok: false, reason: 'tooDeep' });
  });

  it('lists valid targets in tree order, null for the top level', () => {
    expect(moveTargets(t, 'n3')).toEqual([null, 'leaf', 'n1', 'other']);
    expect(moveTargets(t, 'leaf')).toEqual(['n1', 'n2', 'n3', 'n4', 'other']);
  });

  it('knows where children can be added', () => {
    const six = buildCategoryTree(chain(6));
    expect(canAddChild(six, 'n5')).toBe(true);
    expect(canAddChild(six, 'n6')).toBe(false);
    expect(canAddChild(six, 'missing')).toBe(false);
  });

  it('collects subtree ids and path labels', () => {
    expect([...subtreeIds(t.byId.get('n2')!)].sort()).toEqual(['n2', 'n3', 'n4']);
    expect(pathLabel(t, 'n3')).toBe('n1 / n2 / n3');
  });
});
