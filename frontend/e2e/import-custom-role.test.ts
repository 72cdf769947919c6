// A custom role made on the Roles screen is offered by the import wizard and
// given to the imported agents. Independent of the other import tests: it
// hides users already imported, so it picks fresh ones on any server state.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { hasAdminCredentials, screenshot, seriousA11yViolations } from './harness';
import { browserSuite, openScreen, unique } from './session';
import { demoAccountId, gqlFor, openWizard, picked, searchDirectory, tableSettled, waitFinished, type Picked } from './wizard';

// No other test searches "o"; it matches most of the directory, so enabled users
// not yet imported stay on its first page however often the suite runs.
const TERM = 'o';

describe('import with a custom role', { skip: !hasAdminCredentials() && 'SWITCHBOARD_ADMIN_EMAIL/PASSWORD not set' }, () => {
  const s = browserSuite();
  const role = unique('Escalations');
  let accountId = '';
  const chosen: Picked[] = [];

  before(async () => {
    accountId = await demoAccountId(gqlFor(s.page));
  });

  it('creates the custom role on the Roles screen', async () => {
    await openScreen(s.page, `/a/${accountId}/roles`, /^Roles and permissions$/);
    await s.page.getByRole('button', { name: 'New role' }).click();
    const dialog = s.page.getByRole('dialog', { name: 'New custom role' });
    await dialog.getByLabel(/^Name/).fill(role);
    await dialog.getByRole('button', { name: 'Create role' }).click();
    await dialog.waitFor({ state: 'detached' });
    await s.page.getByRole('table', { name: 'Permission matrix' }).getByRole('checkbox', { name: `See agents and their details: ${role}` }).waitFor();
  });

  it('imports two users with it', async () => {
    await openWizard(s.page, accountId);
    await s.page.getByLabel('Hide imported users').check();
    // Enabled users only: a frozen or disabled RingEX user would fail to import.
    await s.page.getByLabel('Status').selectOption('Enabled');
    await searchDirectory(s.page, TERM);
    const boxes = s.page.getByRole('checkbox', { name: /, extension / });
    assert.ok((await boxes.count()) >= 2, `at least two enabled users not yet imported match "${TERM}"`);
    for (let i = 0; i < 2; i++) {
      const box = boxes.nth(i);
      chosen.push(picked(await box.getAttribute('aria-label')));
      await box.check();
    }
    await s.page.getByRole('status').filter({ hasText: '2 users selected' }).waitFor();
    await s.page.getByRole('button', { name: 'Next: configure' }).click();
    await s.page.getByRole('heading', { name: 'Configure imported users' }).waitFor();
    // Offered among the custom roles, apart from the predefined ones.
    const option = s.page.locator('#import-role optgroup[label="Custom roles"] option').filter({ hasText: role });
    assert.equal(await option.count(), 1, 'the new role is listed under "Custom roles"');
    await s.page.getByLabel('Role').selectOption({ label: role });
    await s.page.getByText('2 to import').waitFor();
    await screenshot(s.page, 'import-custom-role-configure');
    assert.deepEqual(await seriousA11yViolations(s.page), []);

    await s.page.getByRole('button', { name: 'Start import' }).click();
    await waitFinished(s.page);
    const results = s.page.getByRole('table', { name: 'Results' });
    await s.page.getByRole('navigation', { name: 'Result pages' }).getByText('1–2 of 2').waitFor();
    assert.equal(await results.getByRole('row').filter({ has: s.page.getByText('Imported', { exact: true }) }).count(), 2);
  });

  it('the agents list shows them with the custom role', async () => {
    await s.page.getByRole('link', { name: 'Go to the agents list' }).click();
    await s.page.getByRole('heading', { name: 'Agents', level: 1 }).waitFor();
    for (const p of chosen) {
      await s.page.getByLabel('Search', { exact: true }).fill(p.name);
      const row = s.page.getByRole('table', { name: 'Agents' }).getByRole('row').filter({ hasText: p.name }).first();
      await row.waitFor();
      assert.match(await row.innerText(), new RegExp(role), `${p.name} has the role ${role}`);
    }
    await screenshot(s.page, 'import-custom-role-agents');
  });

  it('the wizard no longer offers them once imported', async () => {
    await openWizard(s.page, accountId);
    await s.page.getByLabel('Hide imported users').check();
    await searchDirectory(s.page, TERM);
    await tableSettled(s.page);
    for (const p of chosen) assert.equal(await s.page.getByRole('checkbox', { name: p.label, exact: true }).count(), 0, `${p.name} hidden`);
  });

  it('logged no errors in the browser', () => {
    assert.deepEqual(s.errors, []);
  });
});
