import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { admin, baseURL, hasAdminCredentials, launch, newContext, screenshot, seriousA11yViolations, waitForServer, watchErrors } from './harness';
import { accountIdFromURL, signIn } from './session';

// The shell: sign-in guard and deep links, navigation with the account in the
// URL, sign-out; and the playground, served offline from the build.
describe('console shell and playground', () => {
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    await waitForServer();
    browser = await launch();
    context = await newContext(browser);
  });

  after(async () => {
    await context?.close();
    await browser?.close();
  });

  it('sends a visitor without a session to sign in, then back to the deep link', { skip: !hasAdminCredentials() && 'SWITCHBOARD_ADMIN_EMAIL/PASSWORD not set' }, async () => {
    const page = await context.newPage();
    await page.goto('/admin/users');
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === '/admin/users');
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel(/^Password/).fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Console users', level: 1 }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/admin/users');
    await page.close();
  });

  it('shows the navigation of an account and keeps the account in the URL', { skip: !hasAdminCredentials() && 'SWITCHBOARD_ADMIN_EMAIL/PASSWORD not set' }, async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page);
    const accountId = accountIdFromURL(page);
    await page.getByRole('heading', { name: 'Agents', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Roles' }).click();
    await page.getByRole('heading', { name: 'Roles and permissions', level: 1 }).waitFor();
    assert.equal(new URL(page.url()).pathname, `/a/${accountId}/roles`);
    assert.equal(await page.getByRole('link', { name: 'Roles' }).getAttribute('aria-current'), 'page');
    // A deep link survives a reload (the server serves the console for every route).
    await page.reload();
    await page.getByRole('heading', { name: 'Roles and permissions', level: 1 }).waitFor();
    await screenshot(page, 'shell-roles');
    assert.deepEqual(await seriousA11yViolations(page), []);

    // Sign out ends the session: the console asks to sign in again.
    await page.getByRole('button', { name: /^Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.goto(`/a/${accountId}/roles`);
    await page.waitForURL((url) => url.pathname === '/login');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('serves the GraphQL playground from the build, with no outside requests', async () => {
    const page = await context.newPage();
    const outside: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(baseURL) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    await page.goto(process.env['SWITCHBOARD_PLAYGROUND_PATH'] ?? '/playground');
    await page.locator('.graphiql-container').waitFor();
    await page.getByText('X-Switchboard-CSRF', { exact: false }).first().waitFor({ state: 'attached' });
    await screenshot(page, 'playground');
    assert.deepEqual(outside, []);
    await page.close();
  });
});
