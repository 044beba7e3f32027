// A team's sign-in in the browser: `kith serve` on a throwaway PostgreSQL
// database with accounts (acme: ada owner, cy viewer), driven by Playwright
// in Debian's chromium at a phone's 375 px and a desktop's 1280 px. The
// sign-in asks for account, password and workspace (labelled, axe clean,
// no sideways scrolling on the phone), a wrong one is refused with the one
// message, and the signed-in screen says who and with which role; a
// viewer is not offered "Add a person".
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
  for (const name of ['ada', 'cy']) kithDb(['account', 'add', name], `${PASSWORD}\n`);
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
      expect(await fits(page), 'the list scrolls sideways');
      await checkAxe(page, 'signed in as a viewer');
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
