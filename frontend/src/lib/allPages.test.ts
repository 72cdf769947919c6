import { describe, expect, it, vi } from 'vitest';
import { fetchAllPages, queryAllPages } from './allPages';

describe('fetchAllPages', () => {
  it('follows the cursors to the last page', async () => {
    const pages: Record<string, { nodes: number[]; hasNextPage: boolean; endCursor: string | null }> = {
      start: { nodes: [1, 2], hasNextPage: true, endCursor: 'c2' },
      c2: { nodes: [3, 4], hasNextPage: true, endCursor: 'c4' },
      c4: { nodes: [5], hasNextPage: false, endCursor: 'c5' },
    };
    const fetchPage = vi.fn(async (after: string | null) => pages[after ?? 'start']!);
    expect(await fetchAllPages(fetchPage)).toEqual([1, 2, 3, 4, 5]);
    expect(fetchPage.mock.calls.map((c) => c[0])).toEqual([null, 'c2', 'c4']);
  });

  it('stops on a missing or repeated cursor and gives up after too many pages', async () => {
    expect(await fetchAllPages(async () => ({ nodes: [1], hasNextPage: true, endCursor: null }))).toEqual([1]);
    let calls = 0;
    const same = async () => {
      calls++;
      return { nodes: [calls], hasNextPage: true, endCursor: 'same' };
    };
    expect(await fetchAllPages(same)).toEqual([1, 2]);
    let n = 0;
    await expect(fetchAllPages(async () => ({ nodes: [], hasNextPage: true, endCursor: `c${++n}` }), 5)).rejects.toThrow('more than 5 pages');
  });
});

describe('queryAllPages', () => {
  type Data = { account: { categories: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string } }[] } } | null };
  const page = (ids: string[], next: string | null): Data => ({
    account: { categories: { pageInfo: { hasNextPage: next !== null, endCursor: next }, edges: ids.map((id) => ({ node: { id } })) } },
  });

  function fakeClient(answers: Record<string, Data | Error>) {
    const calls: Record<string, unknown>[] = [];
    const client = {
      query: (_doc: unknown, vars: Record<string, unknown>) => {
        calls.push(vars);
        const a = answers[String(vars['after'] ?? 'start')]!;
        return { toPromise: async () => (a instanceof Error ? { error: a, data: undefined } : { data: a }) };
      },
    };
    return { client: client as never, calls };
  }

  it('asks 100 at a time with the caller’s variables', async () => {
    const { client, calls } = fakeClient({ start: page(['a', 'b'], 'b'), b: page(['c'], null) });
    const all = await queryAllPages(client, {} as never, { accountId: 'acc' } as never, (d: Data) => d.account?.categories);
    expect(all).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    expect(calls).toEqual([
      { accountId: 'acc', first: 100, after: null },
      { accountId: 'acc', first: 100, after: 'b' },
    ]);
  });

  it('answers null when the parent is not there and throws the API error', async () => {
    const gone = fakeClient({ start: { account: null } });
    expect(await queryAllPages(gone.client, {} as never, {} as never, (d: Data) => d.account?.categories)).toBeNull();
    const failing = fakeClient({ start: new Error('NOT_FOUND') });
    await expect(queryAllPages(failing.client, {} as never, {} as never, (d: Data) => d.account?.categories)).rejects.toThrow('NOT_FOUND');
  });
});
