import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasAdminCredentials, launch, newContext, screenshot, seriousA11yViolations, waitForServer, watchErrors } from './harness';
import { pick } from './select';
import { accountIdFromURL, openScreen, signIn } from './session';

describe('agents', { skip: !hasAdminCredentials() && 'SWITCHBOARD_ADMIN_EMAIL/PASSWORD not set' }, () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let accountId: string;
  const tag = Date.now().toString(36);
  const username = `zed.${tag}`;

  before(async () => {
    await waitForServer();
    browser = await launch();
    context = await newContext(browser);
    page = await context.newPage();
    errors = watchErrors(page);
    await signIn(page);
    accountId = accountIdFromURL(page);
    await openScreen(page, `/a/${accountId}/agents`, /^Agents$/);
  });

  after(async () => {
    await context?.close();
    await browser?.close();
  });

  it('creates an agent with a timezone, language and role', async () => {
    await page.getByRole('button', { name: 'New agent' }).click();
    const dialog = page.getByRole('dialog', { name: 'New agent' });
    await dialog.getByLabel(/^First name/).fill('Zed');
    await dialog.getByLabel(/^Last name/).fill(`Tester ${tag}`);
    await dialog.getByLabel(/^Email/).fill(`${username}@example.com`);
    await dialog.getByLabel(/^Username/).fill(username);
    await pick(page, dialog.getByRole('combobox', { name: 'Timezone' }), 'Europe/Lisbon', /Europe\/Lisbon$/);
    await pick(page, dialog.getByRole('combobox', { name: 'Role' }), 'Manager');
    await screenshot(page, 'agent-create');
    await dialog.getByRole('button', { name: 'Create agent' }).click();
    await page.getByText('Agent created.').waitFor();
  });

  it('finds it with the search and sorts by a column', async () => {
    await page.getByRole('searchbox', { name: 'Search' }).fill(username);
    const table = page.getByRole('table', { name: 'Agents' });
    await table.getByRole('cell', { name: username, exact: true }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('table[aria-label="Agents"] tbody tr').length === 1);
    assert.match(await table.getByRole('row').nth(1).innerText(), /Manager/);
    await page.getByRole('button', { name: 'Email' }).click();
    assert.equal(await page.getByRole('columnheader', { name: 'Email' }).getAttribute('aria-sort'), 'ascending');
    assert.deepEqual(await seriousA11yViolations(page), []);
  });

  it('refuses a second agent with the same username, on the field', async () => {
    await page.getByRole('button', { name: 'New agent' }).click();
    const dialog = page.getByRole('dialog', { name: 'New agent' });
    await dialog.getByLabel(/^First name/).fill('Zed');
    await dialog.getByLabel(/^Last name/).fill('Again');
    await dialog.getByLabel(/^Email/).fill(`again.${username}@example.com`);
    await dialog.getByLabel(/^Username/).fill(username);
    await dialog.getByRole('button', { name: 'Create agent' }).click();
    await dialog.getByLabel(/^Username/).and(page.locator('[aria-invalid="true"]')).waitFor();
    await screenshot(page, 'agent-username-taken');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('disables and deletes it, with confirmation', async () => {
    const table = page.getByRole('table', { name: 'Agents' });
    await table.getByRole('button', { name: `Actions for Zed Tester ${tag}` }).click();
    await page.getByRole('menuitem', { name: 'Disable' }).click();
    await page.getByText('Disable: 1 done').waitFor();
    await table.getByText('Disabled').waitFor();
    await table.getByRole('checkbox', { name: `Select Zed Tester ${tag}` }).check();
    await page.getByRole('region', { name: 'Bulk actions' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Delete: 1 done').waitFor();
    await page.getByText('No agent matches the search and filters.').waitFor();
  });

  it('logged no errors in the browser', () => {
    assert.deepEqual(errors, []);
  });
});
