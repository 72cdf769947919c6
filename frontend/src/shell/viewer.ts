// What the shell needs to know about the signed-in person. It is a view of the
// API's viewer query, not a copy of its types: once the schema lands, a
// fragment beside AppLayout fills it from generated types.

export interface ShellAccount {
  id: string;
  name: string;
}

export interface ShellViewer {
  email: string;
  platformAdmin: boolean;
  accounts: ShellAccount[];
}

export interface ShellViewerState {
  viewer: ShellViewer | null;
  fetching: boolean;
}

/** Pending the schema: no viewer is known yet, so the shell shows every section. */
export function useShellViewer(): ShellViewerState {
  return { viewer: null, fetching: false };
}
