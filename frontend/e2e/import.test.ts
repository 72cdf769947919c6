// The RingEX import, end to end in a browser against the real server with the
// in-process sandbox linked to the demo account (scripts/e2e.sh starts both).
// The tests run in order and build on each other: the re-import uses the
// users the first test imported.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { hasAdminCredentials, screenshot, seriousA11yViolations } from './harness';
import { browserSuite } from './session';
import * as wizard from './wizard';
import { demoAccountId, directoryResponse, gqlFor, picked, searchDirectory, type Gql, type Picked } from './wizard';

describe('import agents from RingEX', { skip: !hasAdminCredentials() && 'SWITCHBOARD_ADMIN_EMAIL/PASSWORD not set' }, () => {
  const s = browserSuite();
  let gql: Gql;
  let accountId = '';
  let firstThree: Picked[] = [];

  async function axeClean(name: string) {
    await screenshot(s.page, name);
    assert.deepEqual(await seriousA11yViolations(s.page), [], `axe violations on ${name}`);
  }

  const openWizard = () => wizard.openWizard(s.page, accountId);
  const search = (term: string) => searchDirectory(s.page, term);
  const tableSettled = () => wizard.tableSettled(s.page);
  const waitFinished = () => wizard.waitFinished(s.page);
  const statusText = () => s.page.getByRole('status').filter({ hasText: 'users processed' }).innerText();

  before(async () => {
    gql = gqlFor(s.page);
    accountId = await demoAccountId(gql);
  });

  it('imports three users found by "mar" with a role, a team and a category', async () => {
    await openWizard();
    await axeClean('import-01-pick');
    await s.page.getByLabel('Hide imported users').check();
    await search('mar');
    const boxes = s.page.getByRole('checkbox', { name: /, extension / });
    assert.ok((await boxes.count()) >= 3, 'at least three matches for "mar"');
    for (let i = 0; i < 3; i++) {
      const box = boxes.nth(i);
      firstThree.push(picked(await box.getAttribute('aria-label')));
      await box.check();
    }
    await s.page.getByRole('status').filter({ hasText: '3 users selected' }).waitFor();
    await axeClean('import-02-three-selected');

    await s.page.getByRole('button', { name: 'Next: configure' }).click();
    await s.page.getByRole('heading', { name: 'Configure imported users' }).waitFor();
    await s.page.getByText('3 users chosen').waitFor();
    await s.page.getByLabel('Role').selectOption({ label: 'Agent' });
    await pickOption(s.page, 'Teams', 'Sales');
    await pickOption(s.page, 'Categories', 'Billing');
    await s.page.getByText('3 to import').waitFor();
    for (const p of firstThree) await s.page.getByRole('cell', { name: new RegExp(`ext\\. ${p.extension}$`) }).waitFor();
    await axeClean('import-03-configure');

    await s.page.getByRole('button', { name: 'Start import' }).click();
    await screenshot(s.page, 'import-04-progress');
    await waitFinished();
    assert.match(await statusText(), /^3 of 3 users processed/);
    const results = s.page.getByRole('table', { name: 'Results' });
    await s.page.getByRole('navigation', { name: 'Result pages' }).getByText('1–3 of 3').waitFor();
    const imported = results.getByRole('row').filter({ has: s.page.getByText('Imported', { exact: true }) });
    assert.equal(await imported.count(), 3);
    for (const p of firstThree) assert.ok((await imported.filter({ hasText: p.name }).count()) > 0, `${p.name} imported`);
    await axeClean('import-05-results');

    await s.page.getByRole('link', { name: 'Go to the agents list' }).click();
    await s.page.getByRole('heading', { name: 'Agents', level: 1 }).waitFor();
    for (const p of firstThree) {
      await s.page.getByLabel('Search', { exact: true }).fill(p.name);
      const row = s.page.getByRole('table', { name: 'Agents' }).getByRole('row').filter({ hasText: p.name });
      await row.first().waitFor();
      assert.match(await row.first().innerText(), /\bAgent\b/, `${p.name} has the Agent role`);
    }
    await screenshot(s.page, 'import-06-agents-list');
  });

  it('imports every user matching a search across pages, minus one excluded', async () => {
    const term = await searchSpanningPages(gql, accountId);
    await openWizard();
    await s.page.getByLabel('Hide imported users').check();
    await s.page.getByLabel('Rows per page').selectOption('10');
    await search(term.search);
    await s.page.getByRole('checkbox', { name: 'Select all users matching the search, on every page' }).check();
    const total = term.total;
    await s.page.getByRole('status').filter({ hasText: `All ${total.toLocaleString('en-US')} matching users selected` }).waitFor();

    await s.page.getByRole('navigation', { name: 'Directory pages' }).getByRole('button', { name: 'Next page' }).click();
    await s.page.getByRole('navigation', { name: 'Directory pages' }).getByText(`11–${Math.min(20, total)} of ${total}`).waitFor();
    const box = s.page.getByRole('checkbox', { name: /, extension / }).first();
    const excluded = picked(await box.getAttribute('aria-label'));
    await box.uncheck();
    const chosen = total - 1;
    await s.page.getByRole('status').filter({ hasText: `${chosen} of ${total} matching users selected (1 excluded)` }).waitFor();
    await axeClean('import-07-all-matching');

    await s.page.getByRole('button', { name: 'Next: configure' }).click();
    await s.page.getByText(`${chosen} users chosen`).waitFor();
    await s.page.getByLabel('Role').selectOption({ label: 'Agent' });
    const totals = await s.page.getByRole('group', { name: 'Preview totals' }).innerText();
    const [toImport, already, failing] = [...totals.matchAll(/([\d,]+)/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
    assert.equal(toImport! + already! + failing!, chosen, `preview totals add up: ${totals}`);
    await screenshot(s.page, 'import-08-all-matching-configure');

    await s.page.getByRole('button', { name: 'Start import' }).click();
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
    await screenshot(s.page, 'import-09-all-matching-results');
  });

  it('importing the same users again reports them as already imported', async () => {
    await openWizard();
    await search('mar');
    for (const p of firstThree) await s.page.getByRole('checkbox', { name: p.label, exact: true }).check();
    await s.page.getByRole('button', { name: 'Next: configure' }).click();
    await s.page.getByText('3 already imported').waitFor();
    await s.page.getByRole('cell', { name: 'Already imported' }).first().waitFor();
    await s.page.getByLabel('Role').selectOption({ label: 'Agent' });
    await s.page.getByRole('button', { name: 'Start import' }).click();
    await waitFinished();
    await s.page.getByLabel('Outcome').selectOption({ label: 'Already imported' });
    const rows = s.page.getByRole('table', { name: 'Results' }).getByRole('row').filter({ hasText: 'Already imported' });
    await s.page.getByRole('navigation', { name: 'Result pages' }).getByText('1–3 of 3').waitFor();
    assert.equal(await rows.count(), 3);
    await axeClean('import-10-reimport');
  });

  it('the whole wizard works with the keyboard alone', async () => {
    await openWizard();
    await tabTo(s.page, (el) => el.label === 'Search RingCentral users');
    const searched = directoryResponse(s.page, 'mar');
    await s.page.keyboard.type('mar');
    await searched;
    await tabTo(s.page, (el) => el.label === 'Hide imported users');
    const filtered = directoryResponse(s.page, 'mar', true);
    await s.page.keyboard.press('Space');
    await filtered;
    await tableSettled();
    await tabTo(s.page, (el) => /, extension /.test(el.label));
    await s.page.keyboard.press('Space');
    await s.page.getByRole('status').filter({ hasText: '1 user selected' }).waitFor();
    await tabTo(s.page, (el) => el.text === 'Next: configure');
    await s.page.keyboard.press('Enter');
    await s.page.getByRole('heading', { name: 'Configure imported users' }).waitFor();
    await tabTo(s.page, (el) => el.label.startsWith('Role'));
    await s.page.keyboard.press('ArrowDown'); // "Agent" sorts first among the predefined roles
    await tabTo(s.page, (el) => el.text === 'Start import');
    await s.page.getByText('1 to import').waitFor();
    await s.page.keyboard.press('Enter');
    await waitFinished();
    await tabTo(s.page, (el) => el.text === 'Download CSV');
    const download = s.page.waitForEvent('download');
    await s.page.keyboard.press('Enter');
    const file = await download;
    assert.match(file.suggestedFilename(), /^import-.*\.csv$/);
    await screenshot(s.page, 'import-11-keyboard');
  });

  it('is readable at 390 px and says when the account is not linked', async () => {
    await s.page.setViewportSize({ width: 390, height: 844 });
    await openWizard();
    assert.ok(await s.page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scrolling');
    await axeClean('import-12-390px');

    const { createAccount } = await gql<{ createAccount: { account: { id: string } } }>(
      'mutation($n: String!) { createAccount(input: { name: $n }) { account { id } } }',
      { n: `Unlinked ${Date.now()}` },
    );
    await s.page.goto(`/a/${createAccount.account.id}/agents/import`);
    await s.page.getByText('This account is not linked to RingEX').waitFor();
    await s.page.getByRole('link', { name: 'set up the RingEX integration' }).click();
    await s.page.getByRole('heading', { name: 'Link to RingEX' }).waitFor();
    await axeClean('import-13-not-linked-390px');
    await s.page.setViewportSize({ width: 1280, height: 800 });
  });

  it('the integration page shows the link, syncs, and puts a rejected secret on its field', async () => {
    await s.page.goto(`/a/${accountId}/integrations/ringex`);
    await s.page.getByRole('heading', { name: 'Status' }).waitFor();
    await s.page.getByText('Linked', { exact: true }).waitFor();
    await s.page.getByRole('button', { name: 'Sync now' }).click();
    await s.page.getByRole('button', { name: 'Sync now' }).waitFor({ timeout: 30_000 });
    await s.page.getByText('Succeeded').waitFor();
    await axeClean('ringex-01-status');

    await s.page.getByRole('button', { name: 'Change credentials' }).click();
    await s.page.getByLabel(/^Client secret/).fill('not the secret');
    await s.page.getByLabel(/^JWT credential/).fill('not.a.jwt');
    await s.page.getByRole('button', { name: 'Save credentials' }).click();
    await s.page.locator('input[aria-invalid="true"]').first().waitFor();
    const invalid = await s.page.locator('input[aria-invalid="true"]').evaluateAll((els) => els.map((e) => e.id));
    assert.ok(invalid.some((id) => id === 'ringex-clientSecret' || id === 'ringex-jwt'), `credential field marked: ${invalid.join(',')}`);
    await axeClean('ringex-02-rejected');
    await s.page.getByRole('button', { name: 'Cancel' }).click();
    // The failed attempt changed nothing: still linked.
    await s.page.getByText('Linked', { exact: true }).waitFor();
  });

  it('logged no errors in the browser', () => {
    assert.deepEqual(s.errors, []);
  });
});

async function pickOption(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.keyboard.type(option);
  await page.getByRole('option', { name: new RegExp(option) }).first().click();
  await page.keyboard.press('Escape');
}

/** A search with 11..60 users not yet imported, so "all matching" spans pages of 10 and the import stays quick. */
async function searchSpanningPages(gql: Gql, accountId: string): Promise<{ search: string; total: number }> {
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

async function lastJob(gql: Gql, accountId: string) {
  const r = await gql<{ importJobs: { edges: { node: { total: number; importedCount: number; alreadyImportedCount: number; failedCount: number } }[] } }>(
    'query($a: ID!) { importJobs(accountId: $a, first: 1) { edges { node { total importedCount alreadyImportedCount failedCount } } } }',
    { a: accountId },
  );
  const job = r.importJobs.edges[0]?.node;
  assert.ok(job, 'the import is in the history');
  return job;
}

// ---- helpers ----

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
