/** The nodes of a Relay connection's edges, skipping the nulls the spec allows. */
export function nodes<T>(edges: readonly ({ node?: T | null } | null)[] | null | undefined): T[] {
  const out: T[] = [];
  for (const e of edges ?? []) if (e?.node) out.push(e.node);
  return out;
}
