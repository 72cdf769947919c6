import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasAdminCredentials, screenshot, seriousA11yViolations } from './harness';
import { pick } from './select';
import { browserSuite, openScreen } from './session';

describe('teams and categories', { skip: !hasAdminCredentials() && 'SWITCHBOARD_ADMIN_EMAIL/PASSWORD not set' }, () => {
  const s = browserSuite();
  const tag = Date.now().toString(36);

  it('creates a team and adds a member and a leader', async () => {
    const team = `Night ${tag}`;
    await openScreen(s.page, `/a/${s.accountId}/teams`, /^Teams$/);
    await s.page.getByRole('button', { name: 'New team' }).click();
    await s.page.getByRole('dialog').getByLabel(/^Name/).fill(team);
    await s.page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await s.page.getByRole('button', { name: `Members and leaders of ${team}` }).click();
    const dialog = s.page.getByRole('dialog', { name: `Team “${team}”` });
    await pick(s.page, dialog.getByRole('combobox', { name: 'Add a member' }), 'a', /\(/);
    await dialog.getByRole('button', { name: 'Add' }).click();
    await dialog.getByRole('table', { name: 'Members' }).getByRole('row').first().waitFor();
    await dialog.getByText(/^Leaders \(/).click();
    await pick(s.page, dialog.getByRole('combobox', { name: 'Add a leader' }), 'e', /\(/);
    await dialog.getByRole('button', { name: 'Add' }).click();
    await dialog.getByRole('table', { name: 'Leaders' }).getByRole('row').first().waitFor();
    await screenshot(s.page, 'team-members');
    assert.deepEqual(await seriousA11yViolations(s.page), []);
    await dialog.getByRole('button', { name: 'Close' }).click();
    const row = s.page.getByRole('row').filter({ hasText: team });
    await s.page.waitForFunction((t) => Array.from(document.querySelectorAll('tr')).some((r) => r.textContent?.startsWith(`${t}11`)), team);
    assert.match(await row.innerText(), /1\s+1/);
  });

  it('builds, moves and deletes categories', async () => {
    const parent = `Languages ${tag}`;
    const child = `French ${tag}`;
    const other = `Sales ${tag}`;
    await openScreen(s.page, `/a/${s.accountId}/categories`, /^Categories$/);
    for (const name of [parent, other]) {
      await s.page.getByRole('button', { name: 'New top-level category' }).click();
      await s.page.getByRole('dialog').getByLabel(/^Name/).fill(name);
      await s.page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
      await s.page.getByRole('treeitem', { name: new RegExp(name) }).first().waitFor();
    }
    await s.page.getByRole('button', { name: `Actions for ${parent}` }).click();
    await s.page.getByRole('menuitem', { name: 'Add subcategory' }).click();
    const add = s.page.getByRole('dialog');
    await add.getByLabel(/^Name/).fill(child);
    await pick(s.page, add.getByRole('combobox', { name: 'Color' }), 'Grape');
    await add.getByRole('button', { name: 'Save' }).click();
    const childItem = s.page.locator('li[aria-level="2"]').filter({ hasText: child });
    await childItem.waitFor();

    await s.page.getByRole('button', { name: `Actions for ${child}` }).click();
    await s.page.getByRole('menuitem', { name: 'Move' }).click();
    const move = s.page.getByRole('dialog', { name: `Move “${child}”` });
    await pick(s.page, move.getByRole('combobox', { name: 'New parent' }), other);
    await move.getByRole('button', { name: 'Move' }).click();
    await s.page.getByText('Category moved.').waitFor();
    const otherItem = s.page.getByRole('treeitem').filter({ hasText: other }).first();
    await otherItem.getByText(child).waitFor();
    await screenshot(s.page, 'categories-moved');
    assert.deepEqual(await seriousA11yViolations(s.page), []);

    await s.page.getByRole('button', { name: `Actions for ${other}` }).click();
    await s.page.getByRole('menuitem', { name: 'Delete' }).click();
    await s.page.getByText('Its 1 subcategory is deleted with it.', { exact: false }).waitFor();
    await s.page.getByRole('button', { name: 'Delete category' }).click();
    await s.page.getByText('Category deleted.').waitFor();
    await s.page.getByText(child, { exact: true }).waitFor({ state: 'detached' });
  });

  it('logged no errors in the browser', () => {
    assert.deepEqual(s.errors, []);
  });
});
