import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  admin,
  hasAdminCredentials,
  launch,
  newContext,
  screenshot,
  seriousA11yViolations,
  waitForServer,
  watchErrors,
} from './harness';

describe('login page', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  before(async () => {
    await waitForServer();
    browser = await launch();
    context = await newContext(browser);
    page = await context.newPage();
    errors = watchErrors(page);
    await page.goto('/login');
    await page.getByRole('heading', { name: 'Sign in to Switchboard' }).waitFor();
  });

  after(async () => {
    await context?.close();
    await browser?.close();
  });

  it('renders a labelled form', async () => {
    await screenshot(page, 'login');
    assert.equal(await page.getByLabel('Email').count(), 1);
    assert.equal(await page.getByLabel(/^Password/).count(), 1);
    assert.equal(await page.getByRole('button', { name: 'Sign in' }).isEnabled(), true);
  });

  it('has no serious or critical accessibility violations', async () => {
    assert.deepEqual(await seriousA11yViolations(page), []);
  });

  it('is usable with the keyboard and validates before sending', async () => {
    await page.getByLabel('Email').focus();
    await page.keyboard.type('not-an-email');
    await page.keyboard.press('Tab');
    await page.keyboard.type('x');
    await page.keyboard.press('Enter');
    await page.getByText('Enter the email address you sign in with').waitFor();
    await screenshot(page, 'login-invalid');
    assert.deepEqual(await seriousA11yViolations(page), []);
  });

  it('signs the administrator in', { skip: !hasAdminCredentials() && 'SWITCHBOARD_ADMIN_EMAIL/PASSWORD not set' }, async () => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel(/^Password/).fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.getByRole('banner').waitFor();
    await screenshot(page, 'after-login');
    assert.deepEqual(await seriousA11yViolations(page), []);
  });

  it('logged no errors in the browser', () => {
    assert.deepEqual(errors, []);
  });
});
