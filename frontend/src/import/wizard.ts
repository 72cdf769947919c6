// State of the import wizard's two steps. Step 1 owns the directory query
// (search text, status and "hide imported" filters, page) and the selection;
// step 2 owns the role, teams and categories. The import itself lives in the
// URL (?job=…), so a reload or a link from the history shows its progress.
import type { ImportAgentsInput, RingExUserFilter, RingExUserStatus } from '../gql/graphql';
import { firstPage, nextPage, previousPage, type Pager } from './pager';
import {
  emptySelection,
  hasSelection,
  onQueryChange,
  toggleHeader,
  toggleRow,
  toSelectionInput,
  type DirectoryQuery,
  type Selection,
} from './selection';

export interface DirectoryFilter {
  status: RingExUserStatus | null;
  hideImported: boolean;
}

export type Step = 'pick' | 'configure';

export interface WizardState {
  step: Step;
  /** What is typed in the search box; `query.search` follows it after a pause. */
  searchText: string;
  query: DirectoryQuery<DirectoryFilter>;
  pager: Pager;
  selection: Selection<DirectoryFilter>;
  /** totalCount of the query the all-matching selection was made on. */
  matchingTotal: number;
  roleId: string | null;
  teamIds: string[];
  categoryIds: string[];
  /** Page of the step-2 preview list (offset paging, as the API does). */
  previewPage: number;
}

export type WizardAction =
  | { type: 'searchTyped'; text: string }
  | { type: 'searchSettled'; search: string }
  | { type: 'statusChanged'; status: RingExUserStatus | null }
  | { type: 'hideImportedChanged'; hide: boolean }
  | { type: 'pageSizeChanged'; size: number }
  | { type: 'nextPage'; endCursor: string | null | undefined }
  | { type: 'previousPage' }
  | { type: 'rowToggled'; id: string }
  | { type: 'headerToggled'; pageIds: readonly string[] }
  | { type: 'totalLoaded'; total: number }
  | { type: 'selectionCleared' }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'roleChanged'; roleId: string | null }
  | { type: 'teamsChanged'; ids: string[] }
  | { type: 'categoriesChanged'; ids: string[] }
  | { type: 'previewPageChanged'; page: number }
  | { type: 'reset' };

export function initialWizard(pageSize = 25): WizardState {
  return {
    step: 'pick',
    searchText: '',
    query: { search: '', filter: { status: null, hideImported: false } },
    pager: firstPage(pageSize),
    selection: emptySelection(),
    matchingTotal: 0,
    roleId: null,
    teamIds: [],
    categoryIds: [],
    previewPage: 1,
  };
}

/** A new search or filter: back to page one, and an all-matching selection no longer holds. */
function withQuery(state: WizardState, query: DirectoryQuery<DirectoryFilter>): WizardState {
  const selection = onQueryChange(state.selection, query);
  return {
    ...state,
    query,
    pager: firstPage(state.pager.size),
    selection,
    matchingTotal: selection === state.selection ? state.matchingTotal : 0,
  };
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'searchTyped':
      return { ...state, searchText: action.text };
    case 'searchSettled': {
      if (action.search.trim() === state.query.search.trim()) return state;
      return withQuery(state, { ...state.query, search: action.search.trim() });
    }
    case 'statusChanged':
      return withQuery(state, { ...state.query, filter: { ...state.query.filter, status: action.status } });
    case 'hideImportedChanged':
      return withQuery(state, { ...state.query, filter: { ...state.query.filter, hideImported: action.hide } });
    case 'pageSizeChanged':
      return { ...state, pager: firstPage(action.size) };
    case 'nextPage':
      return { ...state, pager: nextPage(state.pager, action.endCursor) };
    case 'previousPage':
      return { ...state, pager: previousPage(state.pager) };
    case 'rowToggled':
      return { ...state, selection: toggleRow(state.selection, action.id) };
    case 'headerToggled':
      return { ...state, selection: toggleHeader(state.selection, state.query, action.pageIds) };
    case 'totalLoaded':
      // An all-matching selection always belongs to the current query (a new
      // query resets it), so the table's totalCount is its size.
      return action.total === state.matchingTotal ? state : { ...state, matchingTotal: action.total };
    case 'selectionCleared':
      return { ...state, selection: emptySelection(), step: 'pick' };
    case 'next':
      if (!hasSelection(state.selection, state.matchingTotal)) return state;
      return { ...state, step: 'configure', previewPage: 1 };
    case 'back':
      return { ...state, step: 'pick' };
    case 'roleChanged':
      return { ...state, roleId: action.roleId };
    case 'teamsChanged':
      return { ...state, teamIds: action.ids };
    case 'categoriesChanged':
      return { ...state, categoryIds: action.ids };
    case 'previewPageChanged':
      return { ...state, previewPage: Math.max(1, action.page) };
    case 'reset':
      return initialWizard(state.pager.size);
  }
}

/** The API's filter for the directory table and for "all matching". */
export function toUserFilter(filter: DirectoryFilter): RingExUserFilter {
  const out: RingExUserFilter = {};
  if (filter.status) out.statuses = [filter.status];
  if (filter.hideImported) out.imported = false;
  return out;
}

/**
 * The importAgents / previewAgentImport input. The preview needs a role id
 * although its outcomes do not depend on the role; before one is picked it
 * uses `fallbackRoleId` (any role of the account) so the list can show early.
 */
export function toImportInput(state: WizardState, accountId: string, fallbackRoleId?: string): ImportAgentsInput | null {
  const roleId = state.roleId ?? fallbackRoleId;
  if (!roleId) return null;
  const sel = toSelectionInput(state.selection);
  const selection =
    'ids' in sel
      ? { ids: sel.ids }
      : {
          allMatching: { search: sel.allMatching.search || null, filter: toUserFilter(sel.allMatching.filter) },
          excludeIds: sel.excludeIds,
        };
  return { accountId, selection, roleId, teamIds: state.teamIds, categoryIds: state.categoryIds };
}

/** Why Import cannot run yet, or null when it can. */
export function importBlocker(state: WizardState): string | null {
  if (!hasSelection(state.selection, state.matchingTotal)) return 'Pick at least one user in step 1.';
  if (!state.roleId) return 'Choose the role of the imported agents.';
  return null;
}

export type ImportField = 'roleId' | 'teamIds' | 'categoryIds';

/**
 * The server names fields as it likes ("input.roleID", "teamIds[1]",
 * "input.categoryIds.0"); the form knows three. Anything else (selection,
 * account, permissions) is a general message.
 */
export function importField(raw: string): ImportField | null {
  const f = raw
    .replace(/^input\./, '')
    .replace(/(\[\d+\]|\.\d+)$/, '')
    .replace(/ID(s?)$/, 'Id$1');
  return f === 'roleId' || f === 'teamIds' || f === 'categoryIds' ? f : null;
}
