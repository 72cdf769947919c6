// Signing in through the console, as a person would.
import type { Page } from 'playwright-core';
import { admin } from './harness';

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
