// Signing in through the console, as a person would.
import { after, before } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { admin, launch, newContext, waitForServer, watchErrors } from './harness';

export async function signIn(page: Page, email = admin.email, password = admin.password): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => /^\/(a|admin|account)\//.test(url.pathname));
  await page.getByRole('banner').waitFor();
}

/** The id of the first account in the switcher's URL after sign-in (/a/:id/...). */
export function accountIdFromURL(page: Page): string {
  const m = /\/a\/([^/]+)/.exec(new URL(page.url()).pathname);
  if (!m?.[1]) throw new Error(`not on an account page: ${page.url()}`);
  return m[1];
}

/** Waits for a screen's heading and for its loaders to go. */
export async function openScreen(page: Page, path: string, heading: string | RegExp): Promise<void> {
  await page.goto(path);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  await page.locator('.mantine-Loader-root').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
}

export function unique(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}

/** A browser page for one describe block, with its errors collected; accountId is set once signed in. */
export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  errors: string[];
  accountId: string;
}

/** Launches Chromium on a fresh context and page, signed in as the administrator unless told not to. */
export async function openSignedIn(opts: { signIn?: boolean } = {}): Promise<BrowserSession> {
  await waitForServer();
  const browser = await launch();
  const context = await newContext(browser);
  const page = await context.newPage();
  const s: BrowserSession = { browser, context, page, errors: watchErrors(page), accountId: '' };
  if (opts.signIn !== false) {
    await signIn(page);
    s.accountId = accountIdFromURL(page);
  }
  return s;
}

export async function closeSession(s: Partial<BrowserSession> | undefined): Promise<void> {
  await s?.context?.close();
  await s?.browser?.close();
}

/**
 * Registers the describe block's before (open, signed in) and after (close)
 * hooks; the returned session is filled in once the before hook has run.
 */
export function browserSuite(opts: { signIn?: boolean } = {}): BrowserSession {
  const s = {} as BrowserSession;
  before(async () => {
    Object.assign(s, await openSignedIn(opts));
  });
  after(() => closeSession(s));
  return s;
}
