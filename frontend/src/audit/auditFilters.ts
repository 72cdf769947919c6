import type { AuditEventWhereInput } from '../gql/graphql';

export interface AuditFilters {
  action: string;
  actor: string;
  /** datetime-local values, in the browser's timezone. */
  from: string;
  to: string;
}

function toISO(local: string): string | null {
  if (!local) return null;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function auditWhere(f: AuditFilters): AuditEventWhereInput {
  const where: AuditEventWhereInput = {};
  if (f.action.trim()) where.actionContainsFold = f.action.trim();
  if (f.actor.trim()) where.actorContainsFold = f.actor.trim();
  const from = toISO(f.from);
  const to = toISO(f.to);
  if (from) where.createdAtGTE = from;
  if (to) where.createdAtLTE = to;
  return where;
}
