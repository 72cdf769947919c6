// Words and colours the import screens show for API values, in one place so
// that badges, filters and tests agree.
import type { ImportJobStatus, ImportPlanOutcome, ImportResultOutcome, MappingMatch, RingExUserStatus } from '../gql/graphql';
import { formatCount } from './pager';
import type { Selection } from './selection';

export const USER_STATUSES: readonly { value: RingExUserStatus; label: string }[] = [
  { value: 'Enabled', label: 'Enabled' },
  { value: 'Disabled', label: 'Disabled' },
  { value: 'Frozen', label: 'Frozen' },
  { value: 'NotActivated', label: 'Not activated' },
  { value: 'Unassigned', label: 'Unassigned' },
];

export function userStatusLabel(status: RingExUserStatus): string {
  return USER_STATUSES.find((s) => s.value === status)?.label ?? status;
}

export function userStatusColor(status: RingExUserStatus): string {
  return status === 'Enabled' ? 'green' : status === 'NotActivated' || status === 'Unassigned' ? 'gray' : 'orange';
}

export const PLAN_OUTCOME: Record<ImportPlanOutcome, { label: string; color: string }> = {
  IMPORT: { label: 'Will import', color: 'blue' },
  ALREADY_IMPORTED: { label: 'Already imported', color: 'gray' },
  FAIL: { label: 'Will fail', color: 'red' },
};

export const RESULT_OUTCOME: Record<ImportResultOutcome, { label: string; color: string }> = {
  IMPORTED: { label: 'Imported', color: 'green' },
  ALREADY_IMPORTED: { label: 'Already imported', color: 'gray' },
  FAILED: { label: 'Failed', color: 'red' },
};

export const MAPPING_MATCH: Record<MappingMatch, { label: string; color: string; hint: string }> = {
  EXACT: { label: 'Exact', color: 'green', hint: 'RingEX value is supported as is' },
  NEAREST: { label: 'Nearest', color: 'yellow', hint: 'closest supported value' },
  ACCOUNT_DEFAULT: { label: 'Account default', color: 'orange', hint: 'nothing fits: the account default' },
  AT_IMPORT: { label: 'At import', color: 'gray', hint: 'not known yet: decided at import' },
};

/** ImportResult carries the match as a string; unknown values show as they are. */
export function mappingMatch(value: string): { label: string; color: string; hint: string } {
  return MAPPING_MATCH[value as MappingMatch] ?? { label: value || '—', color: 'gray', hint: '' };
}

export const JOB_STATUS: Record<ImportJobStatus, { label: string; color: string }> = {
  QUEUED: { label: 'Queued', color: 'gray' },
  RUNNING: { label: 'Running', color: 'blue' },
  SUCCEEDED: { label: 'Finished', color: 'green' },
  FAILED: { label: 'Failed', color: 'red' },
  CANCELLED: { label: 'Cancelled', color: 'orange' },
};

export function jobFinished(status: ImportJobStatus): boolean {
  return status === 'SUCCEEDED' || status === 'FAILED' || status === 'CANCELLED';
}

/** Whole percent, 0 when nothing is known yet, 100 only when all is done. */
export function percent(processed: number, total: number): number {
  if (total <= 0) return 0;
  const p = Math.floor((processed / total) * 100);
  return Math.min(100, Math.max(0, p));
}

function users(n: number): string {
  return `${formatCount(n)} ${n === 1 ? 'user' : 'users'}`;
}

/** The line above the table: what the checkboxes add up to. */
export function selectionSummary<F>(sel: Selection<F>, matchingTotal: number): string | null {
  if (sel.mode === 'ids') return sel.ids.size === 0 ? null : `${users(sel.ids.size)} selected`;
  const excluded = sel.excluded.size;
  if (excluded === 0) return `All ${users(matchingTotal).replace(/users?$/, 'matching $&')} selected`;
  const chosen = Math.max(0, matchingTotal - excluded);
  return `${formatCount(chosen)} of ${formatCount(matchingTotal)} matching users selected (${formatCount(excluded)} excluded)`;
}

export function fullName(u: { firstName: string; lastName: string }): string {
  return `${u.firstName} ${u.lastName}`.trim();
}

/** Accessible name of a row checkbox: unique per row even for namesakes. */
export function rowCheckboxLabel(u: { firstName: string; lastName: string; extensionNumber: string }): string {
  return `Select ${fullName(u) || 'user'}, extension ${u.extensionNumber}`;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
