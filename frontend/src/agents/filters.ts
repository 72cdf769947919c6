// The agents table's filters, kept as plain values in the UI and turned into
// the API's AgentWhereInput in one place.
import type { AgentOrder, AgentOrderField, AgentRingexStatus, AgentSource, AgentWhereInput, OrderDirection } from '../gql/graphql';

export interface AgentFilters {
  search: string;
  roleId: string | null;
  teamId: string | null;
  categoryId: string | null;
  /** "yes" / "no" / null (either) keep tri-state selects simple. */
  enabled: 'yes' | 'no' | null;
  signedIn: 'yes' | 'no' | null;
  source: AgentSource | null;
  ringexStatus: AgentRingexStatus | null;
}

export const emptyFilters: AgentFilters = {
  search: '',
  roleId: null,
  teamId: null,
  categoryId: null,
  enabled: null,
  signedIn: null,
  source: null,
  ringexStatus: null,
};

const yesNo = (v: 'yes' | 'no' | null): boolean | undefined => (v === null ? undefined : v === 'yes');

export function agentWhere(f: AgentFilters): AgentWhereInput {
  const where: AgentWhereInput = {};
  const search = f.search.trim();
  if (search) where.search = search;
  if (f.roleId) where.roleID = f.roleId;
  if (f.teamId) where.hasTeamsWith = [{ id: f.teamId }];
  if (f.categoryId) where.hasCategoriesWith = [{ id: f.categoryId }];
  const enabled = yesNo(f.enabled);
  if (enabled !== undefined) where.enabled = enabled;
  const signedIn = yesNo(f.signedIn);
  if (signedIn !== undefined) where.signedIn = signedIn;
  if (f.source) where.source = f.source;
  if (f.ringexStatus) where.ringexStatus = f.ringexStatus;
  return where;
}

/** How many filters (search aside) narrow the list, for the "Clear filters" button. */
export function activeFilterCount(f: AgentFilters): number {
  return (Object.keys(f) as (keyof AgentFilters)[]).filter((k) => k !== 'search' && f[k] !== null).length;
}

export interface AgentSort {
  field: AgentOrderField;
  direction: OrderDirection;
}

export const defaultSort: AgentSort = { field: 'LAST_NAME', direction: 'ASC' };

/** Clicking a column: sort by it ascending, or flip the direction if it already sorts. */
export function toggleSort(current: AgentSort, field: AgentOrderField): AgentSort {
  if (current.field !== field) return { field, direction: 'ASC' };
  return { field, direction: current.direction === 'ASC' ? 'DESC' : 'ASC' };
}

/** Last name sorts ties by first name, so the order is stable across pages. */
export function agentOrder(sort: AgentSort): AgentOrder[] {
  const order: AgentOrder[] = [{ field: sort.field, direction: sort.direction }];
  if (sort.field === 'LAST_NAME') order.push({ field: 'FIRST_NAME', direction: sort.direction });
  return order;
}
