import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasAdminCredentials, launch, newContext, screenshot, seriousA11yViolations, waitForServer, watchErrors } from './harness';
import { accountIdFromURL, openScreen, signIn, unique } from './session';

describe('roles and permissions', { skip: !hasAdminCredentials() && 'SWITCHBOARD_ADMIN_EMAIL/PASSWORD not set' }, () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let accountId: string;

  before(async () => {
    await waitForServer();
    browser = await launch();
    context = await newContext(browser);
    page = await context.newPage();
    errors = watchErrors(page);
    await signIn(page);
    accountId = accountIdFromURL(page);
  });

  after(async () => {
    await context?.close();
    await browser?.close();
  });

  it('shows the predefined roles as protected', async () => {
    await openScreen(page, `/a/${accountId}/roles`, /^Roles and permissions$/);
    const matrix = page.getByRole('table', { name: 'Permission matrix' });
    await matrix.waitFor();
    const adminCell = matrix.getByRole('checkbox', { name: 'Read the audit log: Administrator' });
    assert.equal(await adminCell.isChecked(), true);
    assert.equal(await adminCell.isDisabled(), true);
    assert.equal(await page.getByRole('button', { name: 'Delete Administrator' }).count(), 0);
  });

  it('creates a custom role, grants it permissions and keeps them after a reload', async () => {
    const name = unique('Night shift');
    await page.getByRole('button', { name: 'New role' }).click();
    const dialog = page.getByRole('dialog', { name: 'New custom role' });
    await dialog.getByLabel(/^Name/).fill(name);
    await dialog.getByLabel('Description').fill('Supervisors of the night shift');
    await screenshot(page, 'role-create');
    await dialog.getByRole('button', { name: 'Create role' }).click();
    await dialog.waitFor({ state: 'detached' });

    const matrix = page.getByRole('table', { name: 'Permission matrix' });
    const read = matrix.getByRole('checkbox', { name: `See agents and their details: ${name}` });
    await read.waitFor();
    assert.equal(await read.isChecked(), false, 'a new role starts with no permission');
    await read.check();
    await matrix.getByRole('checkbox', { name: `Sign agents out of their session: ${name}` }).check();
    await page.getByRole('button', { name: 'Save changes (1 role)' }).click();
    await page.getByText('Role saved.').waitFor();
    await screenshot(page, 'role-permissions-saved');
    assert.deepEqual(await seriousA11yViolations(page), []);

    await page.reload();
    const again = page.getByRole('table', { name: 'Permission matrix' });
    await again.getByRole('checkbox', { name: `See agents and their details: ${name}` }).waitFor();
    assert.equal(await again.getByRole('checkbox', { name: `See agents and their details: ${name}` }).isChecked(), true);
    assert.equal(await again.getByRole('checkbox', { name: `Sign agents out of their session: ${name}` }).isChecked(), true);
    assert.equal(await again.getByRole('checkbox', { name: `Read the audit log: ${name}` }).isChecked(), false);
  });

  it('deletes the custom role after confirmation', async () => {
    const row = page.getByRole('row').filter({ hasText: 'Night shift' }).first();
    const name = (await row.getByRole('cell').first().innerText()).trim();
    await row.getByRole('button', { name: /^Delete / }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete role' }).click();
    await page.getByText(`Role “${name}” deleted.`).waitFor();
  });

  it('logged no errors in the browser', () => {
    assert.deepEqual(errors, []);
  });
});
