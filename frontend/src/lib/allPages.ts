// Some screens need every row, not a page: the category tree (a child can sort
// anywhere), the agent states (a reorder lists them all), the import wizard's
// roles. The server gives at most 100 per page, so these follow the cursors.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnyVariables, Client, CombinedError, DocumentInput, OperationResult } from 'urql';
import { useClient } from 'urql';
import { nodes } from './connection';
import { MAX_PAGE_SIZE } from './pager';

export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
  endCursor: string | null | undefined;
}

/** A guard against a server that never stops answering hasNextPage. */
export const MAX_PAGES = 1000;

/** Calls fetchPage from the first cursor to the last and returns every node in order. */
export async function fetchAllPages<T>(fetchPage: (after: string | null) => Promise<Page<T>>, maxPages = MAX_PAGES): Promise<T[]> {
  const all: T[] = [];
  let after: string | null = null;
  for (let i = 0; i < maxPages; i++) {
    const page = await fetchPage(after);
    all.push(...page.nodes);
    if (!page.hasNextPage || !page.endCursor || page.endCursor === after) return all;
    after = page.endCursor;
  }
  throw new Error(`more than ${maxPages} pages`);
}

interface ConnectionLike<T> {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges?: readonly ({ node?: T | null } | null)[] | null;
}

export class PageError extends Error {
  constructor(readonly error: CombinedError) {
    super(error.message);
  }
}

/** Every node of a connection through urql: `variables` get `first` (100) and `after`. */
export async function queryAllPages<Data, Vars extends AnyVariables, T>(
  client: Client,
  query: DocumentInput<Data, Vars>,
  variables: Omit<Vars, 'first' | 'after'>,
  connection: (data: Data) => ConnectionLike<T> | null | undefined,
  requestPolicy: 'network-only' | 'cache-first' = 'cache-first',
): Promise<T[] | null> {
  let missing = false;
  const all = await fetchAllPages<T>(async (after) => {
    const res: OperationResult<Data, Vars> = await client
      .query(query, { ...variables, first: MAX_PAGE_SIZE, after } as unknown as Vars, { requestPolicy })
      .toPromise();
    if (res.error) throw new PageError(res.error);
    const conn = res.data ? connection(res.data) : null;
    if (!conn) {
      missing = true;
      return { nodes: [], hasNextPage: false, endCursor: null };
    }
    return { nodes: nodes(conn.edges), hasNextPage: conn.pageInfo.hasNextPage, endCursor: conn.pageInfo.endCursor };
  });
  return missing ? null : all;
}

export interface AllPagesState<T> {
  /** undefined while the first load runs; null when the parent (e.g. the account) is not there. */
  data: T[] | null | undefined;
  fetching: boolean;
  error: CombinedError | undefined;
  /** Loads again from the server. */
  reload: () => void;
}

/** Hook form of queryAllPages: loads when the variables change, reload() goes to the network. */
export function useAllPages<Data, Vars extends AnyVariables, T>(
  query: DocumentInput<Data, Vars>,
  variables: Omit<Vars, 'first' | 'after'>,
  connection: (data: Data) => ConnectionLike<T> | null | undefined,
): AllPagesState<T> {
  const client = useClient();
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ key: string; data: T[] | null | undefined; error: CombinedError | undefined; fetching: boolean }>({
    key,
    data: undefined,
    error: undefined,
    fetching: true,
  });
  const [generation, setGeneration] = useState(0);
  const latest = useRef({ variables, connection });
  latest.current = { variables, connection };

  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, fetching: true }));
    const { variables: vars, connection: pick } = latest.current;
    queryAllPages(client, query, vars, pick, generation === 0 ? 'cache-first' : 'network-only').then(
      (data) => live && setState({ key, data, error: undefined, fetching: false }),
      (e: unknown) => {
        if (!live) return;
        if (e instanceof PageError) setState((s) => ({ ...s, key, error: e.error, fetching: false }));
        else setState((s) => ({ ...s, key, fetching: false, error: { message: String(e), graphQLErrors: [], name: 'CombinedError' } as unknown as CombinedError }));
      },
    );
    return () => {
      live = false;
    };
  }, [client, query, key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  // Another account's rows never show, even for a moment.
  const current = state.key === key;
  return { data: current ? state.data : undefined, fetching: state.fetching || !current, error: current ? state.error : undefined, reload };
}
