import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasAdminCredentials, launch, newContext, screenshot, seriousA11yViolations, waitForServer, watchErrors } from './harness';
import { pick } from './select';
import { accountIdFromURL, openScreen, signIn } from './session';

describe('teams and categories', { skip: !hasAdminCredentials() && 'SWITCHBOARD_ADMIN_EMAIL/PASSWORD not set' }, () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let accountId: string;
  const tag = Date.now().toString(36);

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

  it('creates a team and adds a member and a leader', async () => {
    const team = `Night ${tag}`;
    await openScreen(page, `/a/${accountId}/teams`, /^Teams$/);
    await page.getByRole('button', { name: 'New team' }).click();
    await page.getByRole('dialog').getByLabel(/^Name/).fill(team);
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: `Members and leaders of ${team}` }).click();
    const dialog = page.getByRole('dialog', { name: `Team “${team}”` });
    await pick(page, dialog.getByRole('combobox', { name: 'Add a member' }), 'a', /\(/);
    await dialog.getByRole('button', { name: 'Add' }).click();
    await dialog.getByRole('table', { name: 'Members' }).getByRole('row').first().waitFor();
    await dialog.getByText(/^Leaders \(/).click();
    await pick(page, dialog.getByRole('combobox', { name: 'Add a leader' }), 'e', /\(/);
    await dialog.getByRole('button', { name: 'Add' }).click();
    await dialog.getByRole('table', { name: 'Leaders' }).getByRole('row').first().waitFor();
    await screenshot(page, 'team-members');
    assert.deepEqual(await seriousA11yViolations(page), []);
    await dialog.getByRole('button', { name: 'Close' }).click();
    const row = page.getByRole('row').filter({ hasText: team });
    await page.waitForFunction((t) => Array.from(document.querySelectorAll('tr')).some((r) => r.textContent?.startsWith(`${t}11`)), team);
    assert.match(await row.innerText(), /1\s+1/);
  });

  it('builds, moves and deletes categories', async () => {
    const parent = `Languages ${tag}`;
    const child = `French ${tag}`;
    const other = `Sales ${tag}`;
    await openScreen(page, `/a/${accountId}/categories`, /^Categories$/);
    for (const name of [parent, other]) {
      await page.getByRole('button', { name: 'New top-level category' }).click();
      await page.getByRole('dialog').getByLabel(/^Name/).fill(name);
      await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
      await page.getByRole('treeitem', { name: new RegExp(name) }).first().waitFor();
    }
    await page.getByRole('button', { name: `Actions for ${parent}` }).click();
    await page.getByRole('menuitem', { name: 'Add subcategory' }).click();
    const add = page.getByRole('dialog');
    await add.getByLabel(/^Name/).fill(child);
    await pick(page, add.getByRole('combobox', { name: 'Color' }), 'Grape');
    await add.getByRole('button', { name: 'Save' }).click();
    const childItem = page.locator('li[aria-level="2"]').filter({ hasText: child });
    await childItem.waitFor();

    await page.getByRole('button', { name: `Actions for ${child}` }).click();
    await page.getByRole('menuitem', { name: 'Move' }).click();
    const move = page.getByRole('dialog', { name: `Move “${child}”` });
    await pick(page, move.getByRole('combobox', { name: 'New parent' }), other);
    await move.getByRole('button', { name: 'Move' }).click();
    await page.getByText('Category moved.').waitFor();
    const otherItem = page.getByRole('treeitem').filter({ hasText: other }).first();
    await otherItem.getByText(child).waitFor();
    await screenshot(page, 'categories-moved');
    assert.deepEqual(await seriousA11yViolations(page), []);

    await page.getByRole('button', { name: `Actions for ${other}` }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await page.getByText('Its 1 subcategory is deleted with it.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Delete category' }).click();
    await page.getByText('Category deleted.').waitFor();
    await page.getByText(child, { exact: true }).waitFor({ state: 'detached' });
  });

  it('logged no errors in the browser', () => {
    assert.deepEqual(errors, []);
  });
});
