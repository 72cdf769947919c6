// Choices for step 2's Role, Teams and Categories controls, built from the
// account's lists: roles grouped predefined/custom, categories shown with
// their path so that two "Sales" under different parents can be told apart.

export interface RoleLike {
  id: string;
  name: string;
  predefined: boolean;
}
export interface CategoryLike {
  id: string;
  name: string;
  parentID?: string | null;
}
export interface Option {
  value: string;
  label: string;
}
export interface OptionGroup {
  group: string;
  items: Option[];
}

const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label);

export function roleOptions(roles: readonly RoleLike[]): OptionGroup[] {
  const groups: OptionGroup[] = [
    { group: 'Predefined roles', items: roles.filter((r) => r.predefined).map((r) => ({ value: r.id, label: r.name })).sort(byLabel) },
    { group: 'Custom roles', items: roles.filter((r) => !r.predefined).map((r) => ({ value: r.id, label: r.name })).sort(byLabel) },
  ];
  return groups.filter((g) => g.items.length > 0);
}

export function namedOptions(items: readonly { id: string; name: string }[]): Option[] {
  return items.map((i) => ({ value: i.id, label: i.name })).sort(byLabel);
}

/** "Support / Tier 2 / Billing"; a cycle or a missing parent stops the walk. */
export function categoryOptions(categories: readonly CategoryLike[]): Option[] {
  const byId = new Map(categories.map((c) => [c.id, c]));
  return categories
    .map((c) => {
      const names = [c.name];
      const seen = new Set([c.id]);
      let parent = c.parentID ? byId.get(c.parentID) : undefined;
      while (parent && !seen.has(parent.id)) {
        names.unshift(parent.name);
        seen.add(parent.id);
        parent = parent.parentID ? byId.get(parent.parentID) : undefined;
      }
      return { value: c.id, label: names.join(' / ') };
    })
    .sort(byLabel);
}

/**
 * The role the preview runs with before the admin picks one: its outcomes do
 * not depend on the role, but the API requires one. Prefer the predefined
 * Agent role, else any.
 */
export function previewRoleId(roles: readonly RoleLike[]): string | undefined {
  return (roles.find((r) => r.predefined && r.name.toLowerCase() === 'agent') ?? roles[0])?.id;
}
