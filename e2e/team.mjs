// A team's sign-in in the browser: `kith serve` on a throwaway PostgreSQL
// database with accounts (acme: ada owner, cy viewer; bo without a
// workspace there), driven by Playwright
// in Debian's chromium at a phone's 375 px and a desktop's 1280 px. The
// sign-in asks for account, password and workspace (labelled, axe clean,
// no sideways scrolling on the phone), a wrong one is refused with the one
// message, and the signed-in screen says who and with which role; a
// viewer is offered neither "Add a person" nor the Members screen. The
// owner opens Members, adds a new account as a viewer, is refused
// demoting the workspace's last owner with a clear message that the next
// change (the new member made an editor) clears, adds the existing
// account bo and removes it again, and keeps a fact private with the
// toggle (marked "Private"); the new member signs in, sees the card and
// the shared fact but not the owner's private one, and no Members screen.
// Usage: node e2e/team.mjs KITH_BINARY WEB_ASSETS ARTIFACTS
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { checkAxe } from './axe.mjs';
import { serveKith } from './serve.mjs';

const require = createRequire(new URL('../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const [kith, assets, artifacts] = process.argv.slice(2);
if (!artifacts) {
  console.error('usage: node e2e/team.mjs KITH_BINARY WEB_ASSETS ARTIFACTS');
  process.exit(2);
}
mkdirSync(artifacts, { recursive: true });
const throwaway = new URL('../scripts/pg-throwaway.sh', import.meta.url).pathname;
// Short: the cluster's unix socket lives in it.
const cluster = mkdtempSync(join(tmpdir(), 'kith-team-'));
const url = execFileSync(throwaway, ['start', cluster]).toString().trim();
const stopCluster = () => execFileSync(throwaway, ['stop', cluster], { stdio: 'inherit' });
const PASSWORD = 'correct horse battery';

function log(message) {
  console.log(`[e2e-team ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

function kithDb(args, input) {
  return execFileSync(kith, ['--db', url, ...args], { input, stdio: ['pipe', 'pipe', 'inherit'] }).toString();
}

let server;
let browser;
const failures = [];
try {
  for (const name of ['ada', 'bo', 'cy']) kithDb(['account', 'add', name], `${PASSWORD}\n`);
  kithDb(['workspace', 'add', 'acme', '--owner', 'ada']);
  kithDb(['--user', 'ada', 'workspace', 'member', 'add', 'acme', 'cy', '--role', 'viewer']);
  kithDb(['--user', 'ada', '--workspace', 'acme', 'add', '--name', 'Acme Person', '--company', 'Acme']);
  const started = await serveKith(kith, ['--db', url, 'serve', '--port', '0', '--assets', assets]);
  server = started.server;
  const { base } = started;
  log(`serving on ${base}`);
  browser = await chromium.launch({
    executablePath: process.env.KITH_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });

  const expect = (condition, message) => {
    if (!condition) throw new Error(message);
  };
  const step = async (page, size, name, body) => {
    try {
      await body();
      log(`ok   ${size} ${name}`);
    } catch (error) {
      failures.push(`${size} ${name}: ${error.message}`);
      log(`FAIL ${size} ${name}: ${error.message}`);
    }
    await page.screenshot({ path: join(artifacts, `team-${size}-${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
  };
  const fits = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  for (const [size, viewport] of [
    ['375', { width: 375, height: 740 }],
    ['1280', { width: 1280, height: 800 }],
  ]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    page.setDefaultTimeout(15000);

    await step(page, size, 'the sign-in asks for account, password and workspace', async () => {
      await page.goto(`${base}/`);
      await page.getByRole('heading', { name: 'Sign in to kith' }).waitFor();
      for (const label of ['Account', 'Password', 'Workspace']) {
        expect((await page.getByLabel(label, { exact: true }).count()) === 1, `no field labelled ${label}`);
      }
      expect(await fits(page), 'the sign-in scrolls sideways');
      await checkAxe(page, 'team sign-in');
    });

    await step(page, size, 'a wrong password is refused with the one message', async () => {
      await page.getByLabel('Account', { exact: true }).fill('cy');
      await page.getByLabel('Password', { exact: true }).fill('not the password');
      await page.getByLabel('Workspace', { exact: true }).fill('acme');
      await page.getByRole('button', { name: 'Sign in' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect((await alert.textContent()).includes('wrong account, password or workspace'), await alert.textContent());
      await checkAxe(page, 'team sign-in with an error');
    });

    await step(page, size, 'a viewer signs in, sees who and the role, and no Add', async () => {
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('h1#list-title').waitFor();
      const who = await page.getByTestId('signed-in').textContent();
      expect(who.includes('cy · acme · viewer'), `signed in as: ${who}`);
      await page.locator('.viewport .row', { hasText: 'Acme Person' }).first().waitFor();
      expect((await page.getByRole('link', { name: 'Add a person' }).count()) === 0, 'a viewer is offered Add');
      expect((await page.getByRole('link', { name: 'Members' }).count()) === 0, 'a viewer is offered Members');
      expect(await fits(page), 'the list scrolls sideways');
      await checkAxe(page, 'signed in as a viewer');
    });

    await step(page, size, 'the Devices screen of a viewer says how to sync, with nothing that would be refused', async () => {
      await page.goto(`${base}/devices`);
      await page.getByRole('heading', { name: 'Devices' }).waitFor();
      expect((await page.getByTestId('setup-username').inputValue()) === 'cy@acme', 'the user name is not cy@acme');
      expect((await page.getByRole('button', { name: 'Add device' }).count()) === 0, 'a viewer is offered Add device');
      expect((await page.getByRole('alert').count()) === 0, `an error shows: ${await page.getByRole('alert').allTextContents()}`);
      expect(await fits(page), 'the Devices screen scrolls sideways');
      await checkAxe(page, 'Devices as a viewer');
      await page.goto(`${base}/`);
      await page.locator('h1#list-title').waitFor();
    });

    await step(page, size, 'signing out asks again, with the account and workspace kept', async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in to kith' }).waitFor();
      expect((await page.getByLabel('Account', { exact: true }).inputValue()) === 'cy', 'the account was not kept');
      expect((await page.getByLabel('Workspace', { exact: true }).inputValue()) === 'acme', 'the workspace was not kept');
      expect((await page.getByLabel('Password', { exact: true }).inputValue()) === '', 'the password was kept');
    });

    await step(page, size, 'an owner signs in and may add', async () => {
      await page.getByLabel('Account', { exact: true }).fill('ada');
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('h1#list-title').waitFor();
      expect((await page.getByTestId('signed-in').textContent()).includes('ada · acme · owner'), 'not signed in as ada');
      await page.getByRole('link', { name: 'Add a person' }).waitFor();
    });

    const member = `new${size}`;
    const memberPassword = `${member} password`;
    const roleOf = (name) => page.getByLabel(`Role of ${name}`, { exact: true });
    const memberRow = (name) => page.getByTestId('member').filter({ has: roleOf(name) });
    await step(page, size, 'the owner adds a new account as a member with a role', async () => {
      await page.getByRole('link', { name: 'Members' }).click();
      await page.getByRole('heading', { name: 'Members of acme' }).waitFor();
      await memberRow('cy').waitFor();
      expect((await roleOf('cy').inputValue()) === 'viewer', 'cy is not listed as viewer');
      await page.getByLabel('Account', { exact: true }).fill(member);
      await page.getByLabel('Role', { exact: true }).selectOption('viewer');
      await page.getByLabel('First password, for a new account').fill(memberPassword);
      await page.getByRole('button', { name: 'Add member' }).click();
      await page.getByRole('status').filter({ hasText: `${member} is now viewer, with a new account.` }).waitFor();
      await memberRow(member).waitFor();
      expect((await page.getByLabel('Account', { exact: true }).inputValue()) === '', 'the form kept the account');
      expect(await fits(page), 'the Members screen scrolls sideways');
      await checkAxe(page, 'the Members screen');
    });

    await step(page, size, 'demoting the last owner is refused clearly; a role change clears it', async () => {
      await roleOf('ada').selectOption('viewer');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const said = await alert.textContent();
      expect(said.includes('ada is the last owner of acme'), `the refusal says: ${said}`);
      await page.waitForFunction(() => document.querySelector('#role-ada')?.value === 'owner');
      await checkAxe(page, 'the Members screen with an error');
      // The next change that succeeds clears the error.
      await roleOf(member).selectOption('editor');
      await page.getByRole('status').filter({ hasText: `${member} is now editor.` }).waitFor();
      expect((await page.getByRole('alert').count()) === 0, 'the error stayed after a change that worked');
    });

    await step(page, size, 'the owner adds an existing account and removes it again', async () => {
      await page.getByLabel('Account', { exact: true }).fill('bo');
      await page.getByLabel('Role', { exact: true }).selectOption('viewer');
      await page.getByRole('button', { name: 'Add member' }).click();
      await memberRow('bo').waitFor();
      await memberRow('bo').getByRole('button', { name: 'Remove bo' }).click();
      await checkAxe(page, 'removing a member, asked to confirm');
      await memberRow('bo').getByRole('button', { name: 'Yes, remove' }).click();
      await page.getByRole('status').filter({ hasText: 'bo is no longer a member.' }).waitFor();
      await memberRow('bo').waitFor({ state: 'detached' });
    });

    const secret = `private note ${size}`;
    const shared = `shared hometown ${size}`;
    await step(page, size, 'the owner keeps a fact private, marked so', async () => {
      const contact = await page.evaluate(async () => {
        const found = await (await fetch('/api/v1/search?q=Acme%20Person')).json();
        return found[0]?.id;
      });
      await page.goto(`${base}/contacts/${contact}`);
      const form = page.getByRole('form', { name: 'Add a fact' });
      await form.waitFor();
      await form.getByLabel('Fact', { exact: true }).fill(`hometown_${size}`);
      await form.getByLabel('Value').fill(shared);
      await form.getByRole('button', { name: 'Add fact' }).click();
      await page.locator('.facts li', { hasText: shared }).waitFor();
      await form.getByLabel('Fact', { exact: true }).fill(`salary_${size}`);
      await form.getByLabel('Value').fill(secret);
      await form.getByLabel('Private — only you see this').check();
      await form.getByRole('button', { name: 'Add fact' }).click();
      const row = page.locator('.facts li', { hasText: secret });
      await row.waitFor();
      expect((await row.getByTestId('private-mark').textContent()) === 'Private', 'the private fact is not marked');
      expect(
        (await page.locator('.facts li', { hasText: shared }).getByTestId('private-mark').count()) === 0,
        'the shared fact is marked private',
      );
      await page.getByRole('button', { name: 'Log a coffee, call or email' }).click();
      await page.getByRole('form', { name: 'Log an interaction' }).getByLabel('Private — only you see this').waitFor();
      expect(await fits(page), 'the card scrolls sideways');
      await checkAxe(page, 'a card with a private fact');
    });

    await step(page, size, 'the new member signs in, sees the card but not the private fact', async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in to kith' }).waitFor();
      await page.getByLabel('Account', { exact: true }).fill(member);
      await page.getByLabel('Password', { exact: true }).fill(memberPassword);
      await page.getByLabel('Workspace', { exact: true }).fill('acme');
      await page.getByRole('button', { name: 'Sign in' }).click();
      // Signed in where the owner signed out: the card.
      await page.getByRole('heading', { name: 'Acme Person' }).waitFor();
      const who = await page.getByTestId('signed-in').textContent();
      expect(who.includes(`${member} · acme · editor`), `signed in as: ${who}`);
      expect((await page.getByRole('link', { name: 'Members' }).count()) === 0, 'an editor is offered Members');
      await page.goto(`${base}/`);
      await page.locator('.viewport .row', { hasText: 'Acme Person' }).first().click();
      await page.getByRole('heading', { name: 'Acme Person' }).waitFor();
      await page.locator('.facts li', { hasText: shared }).waitFor();
      expect((await page.locator('.facts li', { hasText: secret }).count()) === 0, 'the owner\'s private fact shows');
      expect((await page.getByText(secret).count()) === 0, 'the owner\'s private fact is on the page');
      await page.locator('.facts li', { hasText: shared }).getByText('noted by ada').waitFor();
      await checkAxe(page, 'the card as another member');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in to kith' }).waitFor();
    });
    await context.close();
  }
} finally {
  if (browser) await browser.close();
  if (server) server.kill('SIGTERM');
  stopCluster();
}

if (failures.length) {
  console.error(`${failures.length} failed:\n${failures.join('\n')}`);
  process.exit(1);
}
console.log('e2e team sign-in: all steps passed');
