// The category tree, built from the flat list the API returns. A root is at
// depth 1 and the tree is at most MAX_CATEGORY_DEPTH levels deep (the database
// enforces it too), so a move is valid only if the moved subtree still fits.

export const MAX_CATEGORY_DEPTH = 6;

export interface FlatCategory<C extends string = string> {
  id: string;
  name: string;
  color: C;
  parentId: string | null;
}

export interface CategoryNode<C extends string = string> extends FlatCategory<C> {
  depth: number;
  /** Levels in this subtree, the node included: 1 for a leaf. */
  height: number;
  children: CategoryNode<C>[];
}

export interface CategoryTree<C extends string = string> {
  roots: CategoryNode<C>[];
  byId: ReadonlyMap<string, CategoryNode<C>>;
}

const byName = (a: { name: string }, b: { name: string }) =>
  a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

/**
 * Builds the tree, children sorted by name. A category whose parent is missing
 * (deleted meanwhile, or not visible) is shown as a root rather than lost;
 * a parent cycle, which the server never produces, is broken the same way.
 */
export function buildCategoryTree<C extends string>(flat: readonly FlatCategory<C>[]): CategoryTree<C> {
  const byId = new Map<string, CategoryNode<C>>();
  for (const c of flat) byId.set(c.id, { ...c, depth: 0, height: 1, children: [] });

  const roots: CategoryNode<C>[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    if (parent && !reachesItself(node, byId)) parent.children.push(node);
    else roots.push(node);
  }
  roots.sort(byName);
  for (const root of roots) measure(root, 1);
  return { roots, byId };
}

function reachesItself<C extends string>(node: CategoryNode<C>, byId: Map<string, CategoryNode<C>>): boolean {
  const seen = new Set<string>();
  let current: CategoryNode<C> | undefined = node;
  while (current && current.parentId !== null) {
    if (current.parentId === node.id) return true;
    if (seen.has(current.id)) return false;
    seen.add(current.id);
    current = byId.get(current.parentId);
  }
  return false;
}

function measure<C extends string>(node: CategoryNode<C>, depth: number): number {
  node.depth = depth;
  node.children.sort(byName);
  node.height = 1 + Math.max(0, ...node.children.map((c) => measure(c, depth + 1)));
  return node.height;
}

/** The node and every descendant, depth first. */
export function subtreeIds<C extends string>(node: CategoryNode<C>): Set<string> {
  const ids = new Set<string>();
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    ids.add(n.id);
    stack.push(...n.children);
  }
  return ids;
}

export type MoveCheck =
  | { ok: true }
  | { ok: false; reason: 'unknown' | 'self' | 'descendant' | 'sameParent' | 'tooDeep' };

/** Whether `id` may move under `targetId` (null: to the top level). */
export function checkMove<C extends string>(
  tree: CategoryTree<C>,
  id: string,
  targetId: string | null,
  maxDepth = MAX_CATEGORY_DEPTH,
): MoveCheck {
  const node = tree.byId.get(id);
  if (!node) return { ok: false, reason: 'unknown' };
  if (targetId === null) {
    return node.parentId === null ? { ok: false, reason: 'sameParent' } : { ok: true };
  }
  const target = tree.byId.get(targetId);
  if (!target) return { ok: false, reason: 'unknown' };
  if (target.id === node.id) return { ok: false, reason: 'self' };
  if (subtreeIds(node).has(target.id)) return { ok: false, reason: 'descendant' };
  if (node.parentId === target.id) return { ok: false, reason: 'sameParent' };
  if (target.depth + node.height > maxDepth) return { ok: false, reason: 'tooDeep' };
  return { ok: true };
}

/** Every place `id` may move to, in tree order; null stands for the top level. */
export function moveTargets<C extends string>(
  tree: CategoryTree<C>,
  id: string,
  maxDepth = MAX_CATEGORY_DEPTH,
): (string | null)[] {
  const out: (string | null)[] = [];
  if (checkMove(tree, id, null, maxDepth).ok) out.push(null);
  for (const node of walk(tree.roots)) {
    if (checkMove(tree, id, node.id, maxDepth).ok) out.push(node.id);
  }
  return out;
}

/** Whether a new child can be created under `parentId` (null: a new root). */
export function canAddChild<C extends string>(
  tree: CategoryTree<C>,
  parentId: string | null,
  maxDepth = MAX_CATEGORY_DEPTH,
): boolean {
  if (parentId === null) return true;
  const parent = tree.byId.get(parentId);
  return parent !== undefined && parent.depth < maxDepth;
}

/** Nodes in display order (pre-order). */
export function* walk<C extends string>(nodes: readonly CategoryNode<C>[]): Generator<CategoryNode<C>> {
  for (const n of nodes) {
    yield n;
    yield* walk(n.children);
  }
}

/** "Parent / Child / Grandchild", for labels of move targets. */
export function pathLabel<C extends string>(tree: CategoryTree<C>, id: string): string {
  const names: string[] = [];
  const seen = new Set<string>();
  let node = tree.byId.get(id);
  while (node && !seen.has(node.id)) {
    seen.add(node.id);
    names.unshift(node.name);
    node = node.parentId === null ? undefined : tree.byId.get(node.parentId);
  }
  return names.join(' / ');
}
