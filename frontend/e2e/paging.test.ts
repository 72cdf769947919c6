// Accounts with hundreds of rows: lists page through them and pickers find
// any of them by typing (the server searches), never stopping at the first 100.
// The rows are made through the API in the demo account and removed after.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { hasAdminCredentials, screenshot, seriousA11yViolations } from './harness';
import { browserSuite, openScreen } from './session';
import { demoAccountId, gqlFor, openWizard, type Gql } from './wizard';

const TEAMS = 120;
const CATEGORIES = 120;
const ACCOUNTS = 105;
/** Mutations per request: the server allows 30 aliases. */
const BATCH = 25;

const pad = (n: number) => String(n).padStart(3, '0');

/** Runs one aliased mutation per item, BATCH to a request; returns the ids in order. */
async function createMany(gql: Gql, count: number, field: string, input: (i: number) => string, payload: string): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 1; start <= count; start += BATCH) {
    const items = Array.from({ length: Math.min(BATCH, count - start + 1) }, (_, k) => start + k);
    const doc = `mutation { ${items.map((i) => `m${i}: ${field}(input: ${input(i)}) { ${payload} { id } }`).join('\n')} }`;
    const data = await gql<Record<string, Record<string, { id: string }>>>(doc);
    for (const i of items) ids.push(data[`m${i}`]![payload]!.id);
  }
  return ids;
}

async function deleteMany(gql: Gql, field: string, ids: readonly string[]): Promise<void> {
  for (let start = 0; start < ids.length; start += BATCH) {
    const chunk = ids.slice(start, start + BATCH);
    await gql(`mutation { ${chunk.map((id, k) => `d${k}: ${field}(id: ${JSON.stringify(id)}) { deletedId }`).join('\n')} }`);
  }
}

describe('hundreds of teams, categories and accounts', { skip: !hasAdminCredentials() && 'SWITCHBOARD_ADMIN_EMAIL/PASSWORD not set' }, () => {
  const s = browserSuite();
  const tag = Date.now().toString(36);
  const team = (i: number) => `Paging team ${pad(i)} ${tag}`;
  const category = (i: number) => `Paging category ${pad(i)} ${tag}`;
  const account = (i: number) => `Paging account ${pad(i)} ${tag}`;
  let gql: Gql;
  let demo = '';
  let teamIds: string[] = [];
  let categoryIds: string[] = [];
  let accountIds: string[] = [];

  before(async () => {
    gql = gqlFor(s.page);
    demo = await demoAccountId(gql);
    const name = (n: string) => JSON.stringify(n);
    teamIds = await createMany(gql, TEAMS, 'createTeam', (i) => `{ accountID: ${name(demo)}, name: ${name(team(i))} }`, 'team');
    categoryIds = await createMany(gql, CATEGORIES, 'createCategory', (i) => `{ accountID: ${name(demo)}, name: ${name(category(i))} }`, 'category');
    accountIds = await createMany(gql, ACCOUNTS, 'createAccount', (i) => `{ name: ${name(account(i))} }`, 'account');
  });

  it(`the teams page reaches team ${TEAMS} by paging`, async () => {
    await openScreen(s.page, `/a/${demo}/teams`, /^Teams$/);
    const last = s.page.getByRole('button', { name: `Members and leaders of ${team(TEAMS)}`, exact: true });
    const range = s.page.getByText(/^\d[\d,]*–[\d,]+ of [\d,]+ teams$/);
    const total = Number((/of ([\d,]+) teams$/.exec(await range.innerText())?.[1] ?? '0').replace(/,/g, ''));
    assert.ok(total >= TEAMS, `the pager counts every team: ${total}`);
    for (let page = 0; page < 20 && (await last.count()) === 0; page++) {
      const before = await range.innerText();
      await s.page.getByRole('button', { name: 'Next', exact: true }).click();
      await s.page.waitForFunction((t) => !document.body.innerText.includes(t), before);
    }
    await last.waitFor();
    await screenshot(s.page, 'paging-teams');
    assert.deepEqual(await seriousA11yViolations(s.page), []);
  });

  it(`the import wizard's team picker finds team ${TEAMS - 2} by typing`, async () => {
    await openWizard(s.page, demo);
    await s.page.getByRole('checkbox', { name: /, extension / }).first().check();
    await s.page.getByRole('button', { name: 'Next: configure' }).click();
    await s.page.getByRole('heading', { name: 'Configure imported users' }).waitFor();
    const teams = s.page.getByRole('combobox', { name: 'Teams' });
    await teams.click();
    // More teams than one answer holds: the list says so.
    await s.page.getByRole('option', { name: /more, type to search$/ }).waitFor();
    await s.page.keyboard.type(`team ${pad(TEAMS - 2)} ${tag}`);
    await s.page.getByRole('option', { name: team(TEAMS - 2), exact: true }).click();
    await s.page.keyboard.press('Escape');
    await s.page.getByText(team(TEAMS - 2), { exact: true }).first().waitFor();
    await screenshot(s.page, 'paging-import-team');
    // Left without importing: the wizard is only configured.
  });

  it(`the agent form's category picker finds category ${CATEGORIES - 1}`, async () => {
    await openScreen(s.page, `/a/${demo}/agents`, /^Agents$/);
    await s.page.getByRole('button', { name: 'New agent' }).click();
    const dialog = s.page.getByRole('dialog', { name: 'New agent' });
    const categories = dialog.getByRole('combobox', { name: 'Categories' });
    await categories.click();
    await s.page.keyboard.type(`category ${pad(CATEGORIES - 1)} ${tag}`);
    await s.page.getByRole('option', { name: category(CATEGORIES - 1), exact: true }).click();
    await s.page.keyboard.press('Escape');
    await dialog.getByText(category(CATEGORIES - 1), { exact: true }).waitFor();
    await screenshot(s.page, 'paging-agent-category');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it(`the account switcher finds account ${ACCOUNTS - 1} by typing`, async () => {
    await openScreen(s.page, `/a/${demo}/agents`, /^Agents$/);
    const switcher = s.page.getByRole('combobox', { name: 'Current account' });
    await switcher.click();
    await s.page.getByRole('option', { name: /more, type to search$/ }).waitFor();
    await switcher.fill(`account ${pad(ACCOUNTS - 1)} ${tag}`);
    await s.page.getByRole('option', { name: account(ACCOUNTS - 1), exact: true }).click();
    const id = accountIds[ACCOUNTS - 2]!;
    await s.page.waitForURL((url) => url.pathname === `/a/${id}/agents`);
    await s.page.getByText('This account has no agents yet.').waitFor();
    assert.equal(await switcher.inputValue(), account(ACCOUNTS - 1));
    await screenshot(s.page, 'paging-account-switcher');
  });

  it('the accounts page pages through every account', async () => {
    await openScreen(s.page, '/admin/accounts', /^Accounts$/);
    const range = s.page.getByText(/^\d[\d,]*–[\d,]+ of [\d,]+ accounts$/);
    const total = Number((/of ([\d,]+) accounts$/.exec(await range.innerText())?.[1] ?? '0').replace(/,/g, ''));
    assert.ok(total > ACCOUNTS, `the pager counts every account: ${total}`);
    await s.page.getByLabel('Search').fill(account(ACCOUNTS));
    await s.page.getByRole('link', { name: account(ACCOUNTS), exact: true }).waitFor();
  });

  // Other suites run on the same server: leave the demo account as it was.
  // (A test, not an after hook: the session's own after hook closes the page first.)
  it('removes the teams, categories and accounts it made', async () => {
    await deleteMany(gql, 'deleteTeam', teamIds);
    await deleteMany(gql, 'deleteCategory', categoryIds);
    await deleteMany(gql, 'deleteAccount', accountIds);
  });

  it('logged no errors in the browser', () => {
    assert.deepEqual(s.errors, []);
  });
});
