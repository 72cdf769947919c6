import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasAdminCredentials, screenshot, seriousA11yViolations } from './harness';
import { browserSuite, openScreen, unique } from './session';

describe('roles and permissions', { skip: !hasAdminCredentials() && 'SWITCHBOARD_ADMIN_EMAIL/PASSWORD not set' }, () => {
  const s = browserSuite();

  it('shows the predefined roles as protected', async () => {
    await openScreen(s.page, `/a/${s.accountId}/roles`, /^Roles and permissions$/);
    const matrix = s.page.getByRole('table', { name: 'Permission matrix' });
    await matrix.waitFor();
    const adminCell = matrix.getByRole('checkbox', { name: 'Read the audit log: Administrator' });
    assert.equal(await adminCell.isChecked(), true);
    assert.equal(await adminCell.isDisabled(), true);
    assert.equal(await s.page.getByRole('button', { name: 'Delete Administrator' }).count(), 0);
  });

  it('creates a custom role, grants it permissions and keeps them after a reload', async () => {
    const name = unique('Night shift');
    await s.page.getByRole('button', { name: 'New role' }).click();
    const dialog = s.page.getByRole('dialog', { name: 'New custom role' });
    await dialog.getByLabel(/^Name/).fill(name);
    await dialog.getByLabel('Description').fill('Supervisors of the night shift');
    await screenshot(s.page, 'role-create');
    await dialog.getByRole('button', { name: 'Create role' }).click();
    await dialog.waitFor({ state: 'detached' });

    const matrix = s.page.getByRole('table', { name: 'Permission matrix' });
    const read = matrix.getByRole('checkbox', { name: `See agents and their details: ${name}` });
    await read.waitFor();
    assert.equal(await read.isChecked(), false, 'a new role starts with no permission');
    await read.check();
    await matrix.getByRole('checkbox', { name: `Sign agents out of their session: ${name}` }).check();
    await s.page.getByRole('button', { name: 'Save changes (1 role)' }).click();
    await s.page.getByText('Role saved.').waitFor();
    await screenshot(s.page, 'role-permissions-saved');
    assert.deepEqual(await seriousA11yViolations(s.page), []);

    await s.page.reload();
    const again = s.page.getByRole('table', { name: 'Permission matrix' });
    await again.getByRole('checkbox', { name: `See agents and their details: ${name}` }).waitFor();
    assert.equal(await again.getByRole('checkbox', { name: `See agents and their details: ${name}` }).isChecked(), true);
    assert.equal(await again.getByRole('checkbox', { name: `Sign agents out of their session: ${name}` }).isChecked(), true);
    assert.equal(await again.getByRole('checkbox', { name: `Read the audit log: ${name}` }).isChecked(), false);
  });

  it('deletes the custom role after confirmation', async () => {
    const row = s.page.getByRole('row').filter({ hasText: 'Night shift' }).first();
    const name = (await row.getByRole('cell').first().innerText()).trim();
    await row.getByRole('button', { name: /^Delete / }).click();
    await s.page.getByRole('dialog').getByRole('button', { name: 'Delete role' }).click();
    await s.page.getByText(`Role “${name}” deleted.`).waitFor();
  });

  it('logged no errors in the browser', () => {
    assert.deepEqual(s.errors, []);
  });
});
