// Turning the agent form's values into create and update inputs. Updates send
// only what changed, and team/category edits as additions and removals, so two
// administrators editing different fields do not overwrite each other.
import type { CreateAgentInput, UpdateAgentInput } from '../gql/graphql';

export interface AgentFormValues {
  firstName: string;
  lastName: string;
  email: string;
  username: string;
  timezone: string;
  language: string;
  roleId: string;
  teamIds: string[];
  categoryIds: string[];
  enabled: boolean;
  /** For agents created by hand: their agent-client password (optional). */
  password: string;
}

/** API field → form field, for field errors. */
export const agentFieldMap: Record<string, string> = {
  roleID: 'roleId',
  teamIDs: 'teamIds',
  categoryIDs: 'categoryIds',
  addTeamIDs: 'teamIds',
  addCategoryIDs: 'categoryIds',
};

export function idDiff(before: readonly string[], after: readonly string[]): { add: string[]; remove: string[] } {
  const b = new Set(before);
  const a = new Set(after);
  return { add: after.filter((id) => !b.has(id)), remove: before.filter((id) => !a.has(id)) };
}

export function createInput(accountId: string, v: AgentFormValues): CreateAgentInput {
  return {
    accountID: accountId,
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    email: v.email.trim(),
    username: v.username.trim(),
    timezone: v.timezone,
    language: v.language,
    roleID: v.roleId,
    enabled: v.enabled,
    teamIDs: v.teamIds,
    categoryIDs: v.categoryIds,
  };
}

/** Only changed fields; RingEX-owned fields are never sent for imported agents. */
export function updateInput(before: AgentFormValues, v: AgentFormValues, ringExOwned: boolean): UpdateAgentInput {
  const input: UpdateAgentInput = {};
  if (!ringExOwned) {
    if (v.firstName.trim() !== before.firstName) input.firstName = v.firstName.trim();
    if (v.lastName.trim() !== before.lastName) input.lastName = v.lastName.trim();
    if (v.email.trim() !== before.email) input.email = v.email.trim();
    if (v.username.trim() !== before.username) input.username = v.username.trim();
  }
  if (v.timezone !== before.timezone) input.timezone = v.timezone;
  if (v.language !== before.language) input.language = v.language;
  if (v.roleId !== before.roleId) input.roleID = v.roleId;
  if (v.enabled !== before.enabled) input.enabled = v.enabled;
  const teams = idDiff(before.teamIds, v.teamIds);
  if (teams.add.length) input.addTeamIDs = teams.add;
  if (teams.remove.length) input.removeTeamIDs = teams.remove;
  const cats = idDiff(before.categoryIds, v.categoryIds);
  if (cats.add.length) input.addCategoryIDs = cats.add;
  if (cats.remove.length) input.removeCategoryIDs = cats.remove;
  return input;
}

/** "UTC+05:30 Asia/Kolkata": the offset first, so a scan down the list finds the zone. */
export function timezoneLabel(tz: { name: string; offset: string }): string {
  return `UTC${tz.offset} ${tz.name}`;
}
