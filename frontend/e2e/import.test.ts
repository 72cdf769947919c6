// The RingEX import, end to end in a browser against the real server with the
// in-process sandbox linked to the demo account (scripts/e2e.sh starts both).
// The tests run in order and build on each other: the re-import uses the
// users the first test imported.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { admin, baseURL, hasAdminCredentials, launch, newContext, screenshot, seriousA11yViolations, waitForServer, watchErrors } from './harness';

describe('import agents from RingEX', { skip: !hasAdminCredentials() && 'SWITCHBOARD_ADMIN_EMAIL/PASSWORD not set' }, () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let gql: ReturnType<typeof gqlFor>;
  let accountId = '';
  let importPath = '';
  let firstThree: Picked[] = [];

  async function axeClean(name: string) {
    await screenshot(page, name);
    assert.deepEqual(await seriousA11yViolations(page), [], `axe violations on ${name}`);
  }

  async function openWizard() {
    await page.goto(importPath);
    await page.getByRole('heading', { name: 'Pick RingCentral users to import' }).waitFor();
    await page.getByRole('checkbox', { name: /, extension / }).first().waitFor();
  }

  async function search(term: string) {
    const answered = directoryResponse(page, term);
    await page.getByLabel('Search RingCentral users').fill(term);
    await answered;
    await tableSettled();
  }

  /** The directory answered and rendered: rows will not be swapped under the next click or key. */
  async function tableSettled() {
    await page.getByRole('table', { name: 'RingCentral users' }).and(page.locator('[aria-busy="false"]')).waitFor();
    await page.waitForTimeout(100);
  }

  async function waitFinished() {
    await page.waitForURL(/[?&]job=/);
    await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 60_000 });
  }

  const statusText = () => page.getByRole('status').filter({ hasText: 'users processed' }).innerText();

  before(async () => {
    await waitForServer();
    browser = await launch();
    context = await newContext(browser);
    page = await context.newPage();
    errors = watchErrors(page);
    await signIn(page, admin);
    gql = gqlFor(page);
    const { accounts } = await gql<{ accounts: { edges: { node: { id: string; name: string } }[] } }>('{ accounts(first: 50) { edges { node { id name } } } }');
    const demo = accounts.edges.find((e) => e.node.name === 'Demo Contact Center');
    assert.ok(demo, 'the demo account exists');
    accountId = demo.node.id;
    importPath = `/a/${accountId}/agents/import`;
  });

  after(async () => {
    await context?.close();
    await browser?.close();
  });

  it('imports three users found by "mar" with a role, a team and a category', async () => {
    await openWizard();
    await axeClean('import-01-pick');
    await page.getByLabel('Hide imported users').check();
    await search('mar');
    const boxes = page.getByRole('checkbox', { name: /, extension / });
    assert.ok((await boxes.count()) >= 3, 'at least three matches for "mar"');
    for (let i = 0; i < 3; i++) {
      const box = boxes.nth(i);
      firstThree.push(picked(await box.getAttribute('aria-label')));
      await box.check();
    }
    await page.getByRole('status').filter({ hasText: '3 users selected' }).waitFor();
    await axeClean('import-02-three-selected');

    await page.getByRole('button', { name: 'Next: configure' }).click();
    await page.getByRole('heading', { name: 'Configure imported users' }).waitFor();
    await page.getByText('3 users chosen').waitFor();
    await page.getByLabel('Role').selectOption({ label: 'Agent' });
    await pickOption(page, 'Teams', 'Sales');
    await pickOption(page, 'Categories', 'Billing');
    await page.getByText('3 to import').waitFor();
    for (const p of firstThree) await page.getByRole('cell', { name: new RegExp(`ext\\. ${p.extension}$`) }).waitFor();
    await axeClean('import-03-configure');

    await page.getByRole('button', { name: 'Start import' }).click();
    await screenshot(page, 'import-04-progress');
    await waitFinished();
    assert.match(await statusText(), /^3 of 3 users processed/);
    const results = page.getByRole('table', { name: 'Results' });
    await page.getByRole('navigation', { name: 'Result pages' }).getByText('1–3 of 3').waitFor();
    const imported = results.getByRole('row').filter({ has: page.getByText('Imported', { exact: true }) });
    assert.equal(await imported.count(), 3);
    for (const p of firstThree) assert.ok((await imported.filter({ hasText: p.name }).count()) > 0, `${p.name} imported`);
    await axeClean('import-05-results');

    await page.getByRole('link', { name: 'Go to the agents list' }).click();
    await page.getByRole('heading', { name: 'Agents', level: 1 }).waitFor();
    for (const p of firstThree) {
      await page.getByLabel('Search', { exact: true }).fill(p.name);
      const row = page.getByRole('table', { name: 'Agents' }).getByRole('row').filter({ hasText: p.name });
      await row.first().waitFor();
      assert.match(await row.first().innerText(), /\bAgent\b/, `${p.name} has the Agent role`);
    }
    await screenshot(page, 'import-06-agents-list');
  });

  it('imports every user matching a search across pages, minus one excluded', async () => {
    const term = await searchSpanningPages(gql, accountId);
    await openWizard();
    await page.getByLabel('Hide imported users').check();
    await page.getByLabel('Rows per page').selectOption('10');
    await search(term.search);
    await page.getByRole('checkbox', { name: 'Select all users matching the search, on every page' }).check();
    const total = term.total;
    await page.getByRole('status').filter({ hasText: `All ${total.toLocaleString('en-US')} matching users selected` }).waitFor();

    await page.getByRole('navigation', { name: 'Directory pages' }).getByRole('button', { name: 'Next page' }).click();
    await page.getByRole('navigation', { name: 'Directory pages' }).getByText(`11–${Math.min(20, total)} of ${total}`).waitFor();
    const box = page.getByRole('checkbox', { name: /, extension / }).first();
    const excluded = picked(await box.getAttribute('aria-label'));
    await box.uncheck();
    const chosen = total - 1;
    await page.getByRole('status').filter({ hasText: `${chosen} of ${total} matching users selected (1 excluded)` }).waitFor();
    await axeClean('import-07-all-matching');

    await page.getByRole('button', { name: 'Next: configure' }).click();
    await page.getByText(`${chosen} users chosen`).waitFor();
    await page.getByLabel('Role').selectOption({ label: 'Agent' });
    const totals = await page.getByRole('group', { name: 'Preview totals' }).innerText();
    const [toImport, already, failing] = [...totals.matchAll(/([\d,]+)/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
    assert.equal(toImport! + already! + failing!, chosen, `preview totals add up: ${totals}`);
    await screenshot(page, 'import-08-all-matching-configure');

    await page.getByRole('button', { name: 'Start import' }).click();
    await waitFinished();
    assert.match(await statusText(), new RegExp(`^${chosen} of ${chosen} users processed`));
    const job = await lastJob(gql, accountId);
    assert.equal(job.total, chosen);
    assert.equal(job.importedCount, toImport);
    assert.equal(job.importedCount + job.alreadyImportedCount + job.failedCount, chosen);
    const still = await gql<{ ringExUsers: { edges: { node: { extensionNumber: string; imported: boolean } }[] } }>(
      'query($a: ID!, $s: String) { ringExUsers(accountId: $a, search: $s, first: 10) { edges { node { extensionNumber imported } } } }',
      { a: accountId, s: excluded.extension },
    );
    const ex = still.ringExUsers.edges.find((e) => e.node.extensionNumber === excluded.extension);
    assert.equal(ex?.node.imported, false, 'the excluded user was not imported');
    await screenshot(page, 'import-09-all-matching-results');
  });

  it('importing the same users again reports them as already imported', async () => {
    await openWizard();
    await search('mar');
    for (const p of firstThree) await page.getByRole('checkbox', { name: p.label, exact: true }).check();
    await page.getByRole('button', { name: 'Next: configure' }).click();
    await page.getByText('3 already imported').waitFor();
    await page.getByRole('cell', { name: 'Already imported' }).first().waitFor();
    await page.getByLabel('Role').selectOption({ label: 'Agent' });
    await page.getByRole('button', { name: 'Start import' }).click();
    await waitFinished();
    await page.getByLabel('Outcome').selectOption({ label: 'Already imported' });
    const rows = page.getByRole('table', { name: 'Results' }).getByRole('row').filter({ hasText: 'Already imported' });
    await page.getByRole('navigation', { name: 'Result pages' }).getByText('1–3 of 3').waitFor();
    assert.equal(await rows.count(), 3);
    await axeClean('import-10-reimport');
  });

  it('the whole wizard works with the keyboard alone', async () => {
    await openWizard();
    await tabTo(page, (el) => el.label === 'Search RingCentral users');
    const searched = directoryResponse(page, 'mar');
    await page.keyboard.type('mar');
    await searched;
    await tabTo(page, (el) => el.label === 'Hide imported users');
    const filtered = directoryResponse(page, 'mar', true);
    await page.keyboard.press('Space');
    await filtered;
    await tableSettled();
    await tabTo(page, (el) => /, extension /.test(el.label));
    await page.keyboard.press('Space');
    await page.getByRole('status').filter({ hasText: '1 user selected' }).waitFor();
    await tabTo(page, (el) => el.text === 'Next: configure');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Configure imported users' }).waitFor();
    await tabTo(page, (el) => el.label.startsWith('Role'));
    await page.keyboard.press('ArrowDown'); // "Agent" sorts first among the predefined roles
    await tabTo(page, (el) => el.text === 'Start import');
    await page.getByText('1 to import').waitFor();
    await page.keyboard.press('Enter');
    await waitFinished();
    await tabTo(page, (el) => el.text === 'Download CSV');
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const file = await download;
    assert.match(file.suggestedFilename(), /^import-.*\.csv$/);
    await screenshot(page, 'import-11-keyboard');
  });

  it('is readable at 390 px and says when the account is not linked', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openWizard();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scrolling');
    await axeClean('import-12-390px');

    const { createAccount } = await gql<{ createAccount: { account: { id: string } } }>(
      'mutation($n: String!) { createAccount(input: { name: $n }) { account { id } } }',
      { n: `Unlinked ${Date.now()}` },
    );
    await page.goto(`/a/${createAccount.account.id}/agents/import`);
    await page.getByText('This account is not linked to RingEX').waitFor();
    await page.getByRole('link', { name: 'set up the RingEX integration' }).click();
    await page.getByRole('heading', { name: 'Link to RingEX' }).waitFor();
    await axeClean('import-13-not-linked-390px');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('the integration page shows the link, syncs, and puts a rejected secret on its field', async () => {
    await page.goto(`/a/${accountId}/integrations/ringex`);
    await page.getByRole('heading', { name: 'Status' }).waitFor();
    await page.getByText('Linked', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByRole('button', { name: 'Sync now' }).waitFor({ timeout: 30_000 });
    await page.getByText('Succeeded').waitFor();
    await axeClean('ringex-01-status');

    await page.getByRole('button', { name: 'Change credentials' }).click();
    await page.getByLabel(/^Client secret/).fill('not the secret');
    await page.getByLabel(/^JWT credential/).fill('not.a.jwt');
    await page.getByRole('button', { name: 'Save credentials' }).click();
    await page.locator('input[aria-invalid="true"]').first().waitFor();
    const invalid = await page.locator('input[aria-invalid="true"]').evaluateAll((els) => els.map((e) => e.id));
    assert.ok(invalid.some((id) => id === 'ringex-clientSecret' || id === 'ringex-jwt'), `credential field marked: ${invalid.join(',')}`);
    await axeClean('ringex-02-rejected');
    await page.getByRole('button', { name: 'Cancel' }).click();
    // The failed attempt changed nothing: still linked.
    await page.getByText('Linked', { exact: true }).waitFor();
  });

  it('logged no errors in the browser', () => {
    assert.deepEqual(errors, []);
  });
});

async function pickOption(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.keyboard.type(option);
  await page.getByRole('option', { name: new RegExp(option) }).first().click();
  await page.keyboard.press('Escape');
}

/** A search with 11..60 users not yet imported, so "all matching" spans pages of 10 and the import stays quick. */
async function searchSpanningPages(gql: ReturnType<typeof gqlFor>, accountId: string): Promise<{ search: string; total: number }> {
  let best: { search: string; total: number } | null = null;
  for (const s of ['ann', 'el', 'ar', 'in', 'an', 'er', 'la', 'ri', 'a']) {
    const r = await gql<{ ringExUsers: { totalCount: number } }>(
      'query($a: ID!, $s: String) { ringExUsers(accountId: $a, search: $s, filter: { imported: false }, first: 1) { totalCount } }',
      { a: accountId, s },
    );
    const total = r.ringExUsers.totalCount;
    if (total > 10 && total <= 60) return { search: s, total };
    if (total > 10 && (!best || total < best.total)) best = { search: s, total };
  }
  assert.ok(best, 'some search matches more than one page');
  return best;
}

async function lastJob(gql: ReturnType<typeof gqlFor>, accountId: string) {
  const r = await gql<{ importJobs: { edges: { node: { total: number; importedCount: number; alreadyImportedCount: number; failedCount: number } }[] } }>(
    'query($a: ID!) { importJobs(accountId: $a, first: 1) { edges { node { total importedCount alreadyImportedCount failedCount } } } }',
    { a: accountId },
  );
  const job = r.importJobs.edges[0]?.node;
  assert.ok(job, 'the import is in the history');
  return job;
}

// ---- helpers ----

interface Credentials {
  email: string;
  password: string;
}

async function signIn(page: Page, who: Credentials) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel(/^Password/).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** GraphQL over the page's session (same cookies), for setup and for checks the screen cannot show. */
function gqlFor(page: Page) {
  return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const res = await page.request.post(`${baseURL}/graphql`, { headers: { 'X-Switchboard-CSRF': '1' }, data: { query, variables } });
    const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
    assert.ok(!body.errors?.length && body.data, `GraphQL failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
}

/** Resolves when the directory table has been answered for this search (after the debounce). */
function directoryResponse(page: Page, search: string, hideImported?: boolean) {
  return page.waitForResponse((res) => {
    if (!res.url().endsWith('/graphql')) return false;
    const body = res.request().postDataJSON() as { operationName?: string; variables?: { search?: string; filter?: { imported?: boolean } } } | null;
    if (body?.operationName !== 'DirectoryUsers' || body.variables?.search !== search) return false;
    return hideImported === undefined || (body.variables.filter?.imported === false) === hideImported;
  });
}

interface Picked {
  label: string;
  name: string;
  extension: string;
}

/** "Select Maria García, extension 101" → its parts. */
function picked(label: string | null): Picked {
  const m = /^Select (.*), extension (.*)$/.exec(label ?? '');
  assert.ok(m, `row checkbox label: ${label}`);
  return { label: label!, name: m[1]!, extension: m[2]! };
}

interface Focused {
  label: string;
  text: string;
}

/** Presses Tab until the focused element matches: the keyboard is the only input. */
async function tabTo(page: Page, match: (el: Focused) => boolean, maxTabs = 80) {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate((): Focused => {
      const a = document.activeElement as HTMLInputElement | null;
      const label = a?.getAttribute('aria-label') ?? a?.labels?.[0]?.textContent ?? '';
      return { label: label.replace(/\s*\*$/, '').trim(), text: (a?.textContent ?? '').trim() };
    });
    if (match(el)) return;
  }
  assert.fail('focus never reached the expected control by Tab');
}
