import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { hasAdminCredentials, screenshot, seriousA11yViolations } from './harness';
import { pick } from './select';
import { browserSuite, openScreen } from './session';

describe('agents', { skip: !hasAdminCredentials() && 'SWITCHBOARD_ADMIN_EMAIL/PASSWORD not set' }, () => {
  const s = browserSuite();
  const tag = Date.now().toString(36);
  const username = `zed.${tag}`;
  before(() => openScreen(s.page, `/a/${s.accountId}/agents`, /^Agents$/));

  it('creates an agent with a timezone, language and role', async () => {
    await s.page.getByRole('button', { name: 'New agent' }).click();
    const dialog = s.page.getByRole('dialog', { name: 'New agent' });
    await dialog.getByLabel(/^First name/).fill('Zed');
    await dialog.getByLabel(/^Last name/).fill(`Tester ${tag}`);
    await dialog.getByLabel(/^Email/).fill(`${username}@example.com`);
    await dialog.getByLabel(/^Username/).fill(username);
    await pick(s.page, dialog.getByRole('combobox', { name: 'Timezone' }), 'Europe/Lisbon', /Europe\/Lisbon$/);
    await pick(s.page, dialog.getByRole('combobox', { name: 'Role' }), 'Manager');
    await screenshot(s.page, 'agent-create');
    await dialog.getByRole('button', { name: 'Create agent' }).click();
    await s.page.getByText('Agent created.').waitFor();
  });

  it('finds it with the search and sorts by a column', async () => {
    await s.page.getByRole('searchbox', { name: 'Search' }).fill(username);
    const table = s.page.getByRole('table', { name: 'Agents' });
    await table.getByRole('cell', { name: username, exact: true }).waitFor();
    await s.page.waitForFunction(() => document.querySelectorAll('table[aria-label="Agents"] tbody tr').length === 1);
    assert.match(await table.getByRole('row').nth(1).innerText(), /Manager/);
    await s.page.getByRole('button', { name: 'Email' }).click();
    assert.equal(await s.page.getByRole('columnheader', { name: 'Email' }).getAttribute('aria-sort'), 'ascending');
    assert.deepEqual(await seriousA11yViolations(s.page), []);
  });

  it('refuses a second agent with the same username, on the field', async () => {
    await s.page.getByRole('button', { name: 'New agent' }).click();
    const dialog = s.page.getByRole('dialog', { name: 'New agent' });
    await dialog.getByLabel(/^First name/).fill('Zed');
    await dialog.getByLabel(/^Last name/).fill('Again');
    await dialog.getByLabel(/^Email/).fill(`again.${username}@example.com`);
    await dialog.getByLabel(/^Username/).fill(username);
    await dialog.getByRole('button', { name: 'Create agent' }).click();
    await dialog.getByLabel(/^Username/).and(s.page.locator('[aria-invalid="true"]')).waitFor();
    await screenshot(s.page, 'agent-username-taken');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('disables and deletes it, with confirmation', async () => {
    const table = s.page.getByRole('table', { name: 'Agents' });
    await table.getByRole('button', { name: `Actions for Zed Tester ${tag}` }).click();
    await s.page.getByRole('menuitem', { name: 'Disable' }).click();
    await s.page.getByText('Disable: 1 done').waitFor();
    await table.getByText('Disabled').waitFor();
    await table.getByRole('checkbox', { name: `Select Zed Tester ${tag}` }).check();
    await s.page.getByRole('region', { name: 'Bulk actions' }).getByRole('button', { name: 'Delete' }).click();
    await s.page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await s.page.getByText('Delete: 1 done').waitFor();
    await s.page.getByText('No agent matches the search and filters.').waitFor();
  });

  it('logged no errors in the browser', () => {
    assert.deepEqual(s.errors, []);
  });
});
