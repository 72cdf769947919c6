import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { baseURL, launch, newContext, screenshot, seriousA11yViolations, waitForServer, watchErrors } from './harness';

// Until sign-in exists these run without a session: they check the shell and
// the playground render, offline and accessibly. Once the server guards the
// console, they sign in first (see login.test.ts).
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

  it('shows the navigation of an account and keeps the account in the URL', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/a/1/agents');
    await page.getByRole('heading', { name: 'Agents', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Roles' }).click();
    await page.getByRole('heading', { name: 'Roles', level: 1 }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/a/1/roles');
    assert.equal(await page.getByRole('link', { name: 'Roles' }).getAttribute('aria-current'), 'page');
    await screenshot(page, 'shell-roles');
    assert.deepEqual(await seriousA11yViolations(page), []);
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
