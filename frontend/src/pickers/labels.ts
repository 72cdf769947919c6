// How each kind of picker names its options.
import type { Option } from '../lib/searchSelect';

export interface NamedCategory {
  id: string;
  name: string;
  parent?: NamedCategory | null;
}

/** "Support / Tier 2 / Billing": two "Billing" under different parents can be told apart. */
export function categoryPath(c: NamedCategory): string {
  const names: string[] = [];
  const seen = new Set<string>();
  for (let n: NamedCategory | null | undefined = c; n && !seen.has(n.id); n = n.parent) {
    seen.add(n.id);
    names.unshift(n.name);
  }
  return names.join(' / ');
}

export const roleLabel = (r: { name: string; predefined: boolean }) => (r.predefined ? r.name : `${r.name} (custom)`);

export const categoryOption = (c: NamedCategory): Option => ({ value: c.id, label: categoryPath(c) });
export const roleOption = (r: { id: string; name: string; predefined: boolean }): Option => ({ value: r.id, label: roleLabel(r) });
export const namedOption = (n: { id: string; name: string }): Option => ({ value: n.id, label: n.name });
