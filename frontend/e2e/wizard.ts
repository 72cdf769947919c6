// The import wizard's steps as a person drives them, shared by the import
// tests: each waits for what the screen shows, not for time.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { baseURL } from './harness';

export type Gql = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/** GraphQL over the page's session (same cookies), for setup and for checks the screen cannot show. */
export function gqlFor(page: Page): Gql {
  return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const res = await page.request.post(`${baseURL}/graphql`, { headers: { 'X-Switchboard-CSRF': '1' }, data: { query, variables } });
    const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
    assert.ok(!body.errors?.length && body.data, `GraphQL failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
}

/** The account scripts/e2e.sh links to the RingEX sandbox (--seed-demo). */
export async function demoAccountId(gql: Gql): Promise<string> {
  const { accounts } = await gql<{ accounts: { edges: { node: { id: string } }[] } }>(
    '{ accounts(first: 1, where: { name: "Demo Contact Center" }) { edges { node { id } } } }',
  );
  const demo = accounts.edges[0];
  assert.ok(demo, 'the demo account exists');
  return demo.node.id;
}

export async function openWizard(page: Page, accountId: string): Promise<void> {
  await page.goto(`/a/${accountId}/agents/import`);
  await page.getByRole('heading', { name: 'Pick RingCentral users to import' }).waitFor();
  await page.getByRole('checkbox', { name: /, extension / }).first().waitFor();
}

export async function searchDirectory(page: Page, term: string): Promise<void> {
  const answered = directoryResponse(page, term);
  await page.getByLabel('Search RingCentral users').fill(term);
  await answered;
  await tableSettled(page);
}

/** The directory answered and rendered: rows will not be swapped under the next click or key. */
export async function tableSettled(page: Page): Promise<void> {
  await page.getByRole('table', { name: 'RingCentral users' }).and(page.locator('[aria-busy="false"]')).waitFor();
  await page.waitForTimeout(100);
}

export async function waitFinished(page: Page): Promise<void> {
  await page.waitForURL(/[?&]job=/);
  await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 60_000 });
}

/** Resolves when the directory table has been answered for this search (after the debounce). */
export function directoryResponse(page: Page, search: string, hideImported?: boolean) {
  return page.waitForResponse((res) => {
    if (!res.url().endsWith('/graphql')) return false;
    const body = res.request().postDataJSON() as { operationName?: string; variables?: { search?: string; filter?: { imported?: boolean } } } | null;
    if (body?.operationName !== 'DirectoryUsers' || body.variables?.search !== search) return false;
    return hideImported === undefined || (body.variables.filter?.imported === false) === hideImported;
  });
}

export interface Picked {
  label: string;
  name: string;
  extension: string;
}

/** "Select Maria García, extension 101" → its parts. */
export function picked(label: string | null): Picked {
  const m = /^Select (.*), extension (.*)$/.exec(label ?? '');
  assert.ok(m, `row checkbox label: ${label}`);
  return { label: label!, name: m[1]!, extension: m[2]! };
}
