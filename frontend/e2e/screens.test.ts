import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasAdminCredentials, launch, newContext, screenshot, seriousA11yViolations, waitForServer, watchErrors } from './harness';
import { accountIdFromURL, openScreen, signIn } from './session';

// Every main screen, signed in as the platform administrator: it renders its
// data, has no serious accessibility problem, and fits at 1280 and 390 px.
describe('main screens', { skip: !hasAdminCredentials() && 'SWITCHBOARD_ADMIN_EMAIL/PASSWORD not set' }, () => {
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

  const screens: [string, string, RegExp][] = [
    ['agents', 'agents', /^Agents$/],
    ['roles', 'roles', /^Roles and permissions$/],
    ['teams', 'teams', /^Teams$/],
    ['categories', 'categories', /^Categories$/],
    ['settings', 'settings', /^Account settings$/],
    ['audit', 'audit', /^Audit log$/],
    ['tokens', 'tokens', /^API tokens$/],
  ];

  for (const [name, path, heading] of screens) {
    it(`${name}: renders accessibly at 1280 and 390 px`, async () => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await openScreen(page, `/a/${accountId}/${path}`, heading);
      assert.equal(await page.getByRole('alert').count(), 0, `${name} shows an error`);
      await screenshot(page, `screen-${name}`);
      assert.deepEqual(await seriousA11yViolations(page), []);
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, `screen-${name}-390`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `${name} scrolls sideways by ${overflow}px at 390 px`);
      assert.deepEqual(await seriousA11yViolations(page), []);
    });
  }

  for (const [name, path, heading] of [
    ['admin-accounts', '/admin/accounts', /^Accounts$/],
    ['admin-users', '/admin/users', /^Console users$/],
    ['password', '/account/password', /^Change password$/],
  ] as const) {
    it(`${name}: renders accessibly`, async () => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await openScreen(page, path, heading);
      await screenshot(page, `screen-${name}`);
      assert.deepEqual(await seriousA11yViolations(page), []);
    });
  }

  it('opens the agent form with its pickers', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openScreen(page, `/a/${accountId}/agents`, /^Agents$/);
    await page.getByRole('button', { name: 'New agent' }).click();
    const dialog = page.getByRole('dialog', { name: 'New agent' });
    await dialog.getByLabel('First name').waitFor();
    await screenshot(page, 'agent-form');
    assert.deepEqual(await seriousA11yViolations(page), []);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('logged no errors in the browser', () => {
    assert.deepEqual(errors, []);
  });
});
