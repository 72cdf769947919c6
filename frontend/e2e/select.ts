import type { Locator, Page } from 'playwright-core';

/**
 * Picks an option of a Mantine Select or MultiSelect as a person would: open
 * it, type to narrow it down when it is searchable, click the option.
 */
export async function pick(page: Page, input: Locator, text: string, option: string | RegExp = text): Promise<void> {
  await input.click();
  if (await input.isEditable()) await input.fill(text);
  await page.getByRole('option', { name: option }).first().click();
}
