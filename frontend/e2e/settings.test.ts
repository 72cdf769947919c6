import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { hasAdminCredentials, screenshot, seriousA11yViolations } from './harness';
import { pick } from './select';
import { browserSuite, openScreen, unique } from './session';

describe('account settings and agent states', { skip: !hasAdminCredentials() && 'SWITCHBOARD_ADMIN_EMAIL/PASSWORD not set' }, () => {
  const s = browserSuite();
  before(() => openScreen(s.page, `/a/${s.accountId}/settings`, /^Account settings$/));

  it('saves defaults, international access, WFM and limits', async () => {
    const form = s.page.getByRole('form', { name: 'Account settings' });
    await pick(s.page, form.getByRole('combobox', { name: 'Default timezone' }), 'Europe/Berlin', /Europe\/Berlin$/);
    const international = form.getByRole('switch', { name: 'Agents may reach international destinations' });
    if (!(await international.isChecked())) await international.check({ force: true });
    // Idempotent on a reused server: picking France again would remove it.
    if ((await form.getByText('France (FR)').count()) === 0) {
      await pick(s.page, form.getByPlaceholder('Search countries'), 'France', /^France \(FR\)/);
      await s.page.keyboard.press('Escape');
    }
    await pick(s.page, form.getByRole('combobox', { name: 'WFM provider' }), 'Verint', 'Verint Monet');
    await form.getByLabel('Endpoint').fill('https://wfm.example.com/hook');
    await form.getByLabel('Maximum break (minutes)').fill('20');
    await screenshot(s.page, 'settings-edited');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await s.page.getByText('Account settings saved.').waitFor();

    await s.page.reload();
    const again = s.page.getByRole('form', { name: 'Account settings' });
    await again.getByLabel('Maximum break (minutes)').waitFor();
    assert.equal(await again.getByLabel('Maximum break (minutes)').inputValue(), '20');
    assert.match(await again.getByRole('combobox', { name: 'Default timezone' }).inputValue(), /Europe\/Berlin/);
    assert.equal(await again.getByLabel('Endpoint').inputValue(), 'https://wfm.example.com/hook');
    await again.getByText('France (FR)').first().waitFor();
    assert.deepEqual(await seriousA11yViolations(s.page), []);
  });

  it('adds, reorders, edits, deactivates and deletes an agent state', async () => {
    const label = unique('Coaching');
    const table = s.page.getByRole('table', { name: 'Agent states' });
    const before = await table.getByRole('row').count();
    await s.page.getByRole('button', { name: 'Add a state' }).click();
    const dialog = s.page.getByRole('dialog', { name: 'New agent state' });
    await dialog.getByLabel(/^Label/).fill(label);
    await pick(s.page, dialog.getByRole('combobox', { name: 'Base state' }), 'Training');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await table.getByRole('row').nth(before).waitFor();

    // The new state is last; one step up puts it second to last.
    const rows = () => table.getByRole('row');
    assert.match(await rows().nth(before).innerText(), new RegExp(label));
    await s.page.getByRole('button', { name: `Move ${label} up` }).click();
    await s.page.waitForFunction(
      ([l, i]) => document.querySelectorAll('table[aria-label="Agent states"] tr')[i as number]?.textContent?.includes(l as string),
      [label, before - 1],
    );

    await s.page.getByRole('button', { name: `Edit ${label}` }).click();
    const edit = s.page.getByRole('dialog', { name: `Edit “${label}”` });
    await edit.getByLabel(/^Label/).fill(`${label} 1:1`);
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    const active = s.page.getByRole('checkbox', { name: `${label} 1:1 is active` });
    await active.waitFor();
    // A controlled checkbox: it flips once the server has saved the change.
    await active.click();
    await s.page.waitForFunction((l) => !(document.querySelector(`input[aria-label="${l} is active"]`) as HTMLInputElement | null)?.checked, `${label} 1:1`);
    await screenshot(s.page, 'agent-states-edited');
    assert.deepEqual(await seriousA11yViolations(s.page), []);

    await s.page.reload();
    assert.equal(await s.page.getByRole('checkbox', { name: `${label} 1:1 is active` }).isChecked(), false);
    await s.page.getByRole('button', { name: `Delete ${label} 1:1` }).click();
    await s.page.getByRole('dialog').getByRole('button', { name: 'Delete state' }).click();
    await s.page.getByText(`State “${label} 1:1” deleted.`).waitFor();
    await s.page.getByRole('checkbox', { name: `${label} 1:1 is active` }).waitFor({ state: 'detached' });
  });

  it('logged no errors in the browser', () => {
    assert.deepEqual(s.errors, []);
  });
});
