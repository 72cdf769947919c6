import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { hasAdminCredentials, launch, newContext, screenshot, seriousA11yViolations, waitForServer } from './harness';
import { pick } from './select';
import { accountIdFromURL, openScreen, signIn, unique } from './session';

// A console user of a second account sees that account only: not the first
// account in the switcher, and none of its agents, even by typing its URL.
describe('tenant isolation in the console', { skip: !hasAdminCredentials() && 'SWITCHBOARD_ADMIN_EMAIL/PASSWORD not set' }, () => {
  let browser: Browser;
  const second = unique('Second client');
  const email = `${Date.now().toString(36)}@second.example`;
  const password = 'second client password 1';
  let firstAccountId: string;
  let firstAgentName: string;

  before(async () => {
    await waitForServer();
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
  });

  it('the platform administrator creates the account and its manager', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page);
    firstAccountId = accountIdFromURL(page);
    await openScreen(page, `/a/${firstAccountId}/agents`, /^Agents$/);
    const firstRow = page.getByRole('table', { name: 'Agents' }).getByRole('row').nth(1);
    firstAgentName = (await firstRow.getByRole('cell').nth(1).innerText()).trim();
    assert.ok(firstAgentName, 'the first account has agents to hide');

    await openScreen(page, '/admin/accounts', /^Accounts$/);
    await page.getByRole('button', { name: 'New account' }).click();
    await page.getByRole('dialog').getByLabel(/^Name/).fill(second);
    await page.getByRole('dialog').getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('link', { name: second }).waitFor();

    await openScreen(page, '/admin/users', /^Console users$/);
    await page.getByRole('button', { name: 'New user' }).click();
    const create = page.getByRole('dialog', { name: 'New console user' });
    await create.getByLabel(/^Email/).fill(email);
    await create.getByLabel(/^Name/).fill('Second Manager');
    await create.getByLabel(/^Initial password/).fill(password);
    await create.getByRole('button', { name: 'Create user' }).click();
    await create.getByRole('button', { name: 'Done' }).click();

    await page.getByLabel('Search').fill(email);
    await page.getByRole('button', { name: `Actions for ${email}` }).click();
    await page.getByRole('menuitem', { name: 'Accounts and roles' }).click();
    const memberships = page.getByRole('dialog', { name: `Accounts of ${email}` });
    await pick(page, memberships.getByRole('combobox', { name: 'Account' }), second);
    await pick(page, memberships.getByRole('combobox', { name: 'Role' }), 'Administrator');
    await memberships.getByRole('button', { name: 'Assign' }).click();
    await page.getByText('Membership saved.').waitFor();
    await screenshot(page, 'isolation-membership-saved');
    await memberships.getByRole('table', { name: 'Memberships' }).getByText(second).waitFor();
    await screenshot(page, 'isolation-membership');
    assert.deepEqual(await seriousA11yViolations(page), []);
    await context.close();
  });

  it('the second account’s manager sees only the second account', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, email, password);
    const ownId = accountIdFromURL(page);
    assert.notEqual(ownId, firstAccountId);
    await page.getByRole('heading', { name: 'Agents', level: 1 }).waitFor();
    await page.getByText('This account has no agents yet.').waitFor();
    assert.equal(await page.getByText(firstAgentName).count(), 0);

    await page.getByRole('combobox', { name: 'Current account' }).click();
    const options = await page.getByRole('option').allInnerTexts();
    assert.deepEqual(options, [second]);
    await page.keyboard.press('Escape');
    assert.equal(await page.getByRole('link', { name: 'Accounts' }).count(), 0, 'no platform section');

    // Typing the first account's address shows nothing of it.
    await page.goto(`/a/${firstAccountId}/agents`);
    await page.getByRole('heading', { name: 'Agents', level: 1 }).waitFor();
    await page.locator('.mantine-Loader-root').first().waitFor({ state: 'detached' }).catch(() => {});
    await page.getByText(/Account not found|Could not load this screen/).first().waitFor();
    assert.equal(await page.getByText(firstAgentName).count(), 0);
    await screenshot(page, 'isolation-foreign-account');
    await context.close();
  });
});
