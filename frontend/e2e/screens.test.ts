import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasAdminCredentials, screenshot, seriousA11yViolations } from './harness';
import { browserSuite, openScreen } from './session';

// Every main screen, signed in as the platform administrator: it renders its
// data, has no serious accessibility problem, and fits at 1280 and 390 px.
describe('main screens', { skip: !hasAdminCredentials() && 'SWITCHBOARD_ADMIN_EMAIL/PASSWORD not set' }, () => {
  const s = browserSuite();

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
      await s.page.setViewportSize({ width: 1280, height: 800 });
      await openScreen(s.page, `/a/${s.accountId}/${path}`, heading);
      assert.equal(await s.page.getByRole('alert').count(), 0, `${name} shows an error`);
      await screenshot(s.page, `screen-${name}`);
      assert.deepEqual(await seriousA11yViolations(s.page), []);
      await s.page.setViewportSize({ width: 390, height: 844 });
      await screenshot(s.page, `screen-${name}-390`);
      const overflow = await s.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `${name} scrolls sideways by ${overflow}px at 390 px`);
      assert.deepEqual(await seriousA11yViolations(s.page), []);
    });
  }

  for (const [name, path, heading] of [
    ['admin-accounts', '/admin/accounts', /^Accounts$/],
    ['admin-users', '/admin/users', /^Console users$/],
    ['password', '/account/password', /^Change password$/],
  ] as const) {
    it(`${name}: renders accessibly`, async () => {
      await s.page.setViewportSize({ width: 1280, height: 800 });
      await openScreen(s.page, path, heading);
      await screenshot(s.page, `screen-${name}`);
      assert.deepEqual(await seriousA11yViolations(s.page), []);
    });
  }

  it('opens the agent form with its pickers', async () => {
    await s.page.setViewportSize({ width: 1280, height: 800 });
    await openScreen(s.page, `/a/${s.accountId}/agents`, /^Agents$/);
    await s.page.getByRole('button', { name: 'New agent' }).click();
    const dialog = s.page.getByRole('dialog', { name: 'New agent' });
    await dialog.getByLabel('First name').waitFor();
    await screenshot(s.page, 'agent-form');
    assert.deepEqual(await seriousA11yViolations(s.page), []);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('logged no errors in the browser', () => {
    assert.deepEqual(s.errors, []);
  });
});
