// Choices for step 2's Role control, built from every role of the account:
// grouped predefined/custom. (Teams and categories are searched on the server
// by src/pickers, categories shown with their path.)

export interface RoleLike {
  id: string;
  name: string;
  predefined: boolean;
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

/**
 * The role the preview runs with before the admin picks one: its outcomes do
 * not depend on the role, but the API requires one. Prefer the predefined
 * Agent role, else any.
 */
export function previewRoleId(roles: readonly RoleLike[]): string | undefined {
  return (roles.find((r) => r.predefined && r.name.toLowerCase() === 'agent') ?? roles[0])?.id;
}
