import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { admin, hasAdminCredentials, screenshot, seriousA11yViolations } from './harness';
import { browserSuite } from './session';

describe('login page', () => {
  const s = browserSuite({ signIn: false });
  before(async () => {
    await s.page.goto('/login');
    await s.page.getByRole('heading', { name: 'Sign in to Switchboard' }).waitFor();
  });

  it('renders a labelled form', async () => {
    await screenshot(s.page, 'login');
    assert.equal(await s.page.getByLabel('Email').count(), 1);
    assert.equal(await s.page.getByLabel(/^Password/).count(), 1);
    assert.equal(await s.page.getByRole('button', { name: 'Sign in' }).isEnabled(), true);
  });

  it('has no serious or critical accessibility violations', async () => {
    assert.deepEqual(await seriousA11yViolations(s.page), []);
  });

  it('is usable with the keyboard and validates before sending', async () => {
    await s.page.getByLabel('Email').focus();
    await s.page.keyboard.type('not-an-email');
    await s.page.keyboard.press('Tab');
    await s.page.keyboard.type('x');
    await s.page.keyboard.press('Enter');
    await s.page.getByText('Enter the email address you sign in with').waitFor();
    await screenshot(s.page, 'login-invalid');
    assert.deepEqual(await seriousA11yViolations(s.page), []);
  });

  it('signs the administrator in', { skip: !hasAdminCredentials() && 'SWITCHBOARD_ADMIN_EMAIL/PASSWORD not set' }, async () => {
    await s.page.goto('/login');
    await s.page.getByLabel('Email').fill(admin.email);
    await s.page.getByLabel(/^Password/).fill(admin.password);
    await s.page.getByRole('button', { name: 'Sign in' }).click();
    await s.page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await s.page.getByRole('banner').waitFor();
    await screenshot(s.page, 'after-login');
    assert.deepEqual(await seriousA11yViolations(s.page), []);
  });

  it('logged no errors in the browser', () => {
    assert.deepEqual(s.errors, []);
  });
});
