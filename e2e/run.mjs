// Browser tests: `kith serve` on a database of 100,000 generated people,
// driven by Playwright (playwright-core) in Debian's chromium, headless, at
// a phone's 375 px and a desktop's 1280 px. Screenshots are kept in the
// artefacts folder. Usage: node e2e/run.mjs KITH_BINARY WEB_ASSETS ARTIFACTS TEST_DATA
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { a11ySteps } from './a11y.mjs';
import { listSteps } from './list.mjs';
import { cardSteps } from './card.mjs';
import { deviceSteps } from './devices.mjs';
import { duplicatesSteps } from './duplicates.mjs';
import { perfSteps } from './perf.mjs';
import { phoneSteps } from './phone.mjs';
import { relationshipSteps } from './relationship.mjs';
import { safetySteps } from './safety.mjs';
import { renderCards, scanSteps, serveNextDay } from './scan.mjs';
import { serveKith } from './serve.mjs';
import { todaySteps } from './today.mjs';
import { api, findContact } from './screens.mjs';

const require = createRequire(new URL('../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const [kith, assets, artifacts, testData] = process.argv.slice(2);
if (!testData) {
  console.error('usage: node e2e/run.mjs KITH_BINARY WEB_ASSETS ARTIFACTS TEST_DATA');
  process.exit(2);
}
const PEOPLE = Number(process.env.KITH_E2E_PEOPLE ?? 100000);
// KITH_E2E_ONLY=regex runs only the steps whose name matches (while working
// on one screen); ctest runs them all.
const ONLY = process.env.KITH_E2E_ONLY ? new RegExp(process.env.KITH_E2E_ONLY) : null;
mkdirSync(artifacts, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'kith-e2e-'));
const database = join(work, 'kith.db');

function log(message) {
  console.log(`[e2e ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

// Generating 100,000 people takes minutes on a small machine: the seed
// database is made once (beside the artefacts) and copied for each run.
// Generated on the day the server pretends it is, so the demo's follow-ups
// (met yesterday) are due on Today. The name changes with what gen makes.
const TODAY = '2026-11-26';
const seed = join(artifacts, '..', `e2e-seed-${PEOPLE}-with-history.db`);
if (!existsSync(seed)) {
  log(`generating ${PEOPLE} people (once, into ${seed})`);
  rmSync(`${seed}.tmp`, { force: true });
  execFileSync(kith, ['--db', `${seed}.tmp`, '--today', TODAY, 'gen', String(PEOPLE), '--seed', '7'], {
    stdio: 'inherit',
  });
  renameSync(`${seed}.tmp`, seed);
}
copyFileSync(seed, database);

const serveArgs = ['--db', database, '--today', TODAY, 'serve', '--port', '0', '--assets', assets];
const { server, base } = await serveKith(kith, serveArgs);
// A crash of this script must not leave the server running.
process.on('exit', () => server.kill('SIGTERM'));
log(`serving on ${base}`);
// The next morning, on the same database (the scanned card's follow-up).
const { server: nextDayServer, base: nextDay } = await serveNextDay(kith, database, assets);
process.on('exit', () => nextDayServer.kill('SIGTERM'));
// One card photo per viewport, from the scan tests' corpus generator.
const cards = ONLY && !ONLY.test('scan a card') ? [] : renderCards(join(work, 'cards'), 2);
// A fresh profile folder each run: Playwright passes it as --user-data-dir.
let browser;
try {
  browser = await chromium.launchPersistentContext(join(work, 'chromium-profile'), {
    executablePath: process.env.KITH_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
} catch (error) {
  server.kill('SIGTERM');
  throw error;
}

const failures = [];
async function step(page, size, name, body) {
  if (ONLY && !ONLY.test(name)) return;
  const started = Date.now();
  try {
    await body();
    log(`ok   ${size} ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failures.push(`${size} ${name}: ${error.message}`);
    log(`FAIL ${size} ${name}: ${error.message}`);
  }
  await page.screenshot({ path: join(artifacts, `${size}-${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

for (const [size, viewport] of [
  ['375', { width: 375, height: 740 }],
  ['1280', { width: 1280, height: 800 }],
]) {
  const page = await browser.newPage();
  await page.setViewportSize(viewport);
  page.setDefaultTimeout(15000);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const unique = `Zora${size}`;
  const payload = `${unique} <img src=x onerror="window.__xss=1"><script>window.__xss=1</script>`;

  await step(page, size, 'add a contact', async () => {
    await page.goto(`${base}/add`);
    await page.getByLabel('Name').fill(payload);
    await page.getByLabel('Company').fill('Quillon Works');
    await page.getByLabel('Met at (event)').fill('RustConf 2026');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/contacts\/\d+$/);
    const heading = await page.locator('#contact-name').textContent();
    expect(heading === payload, `the name should show as text, got ${heading}`);
    expect((await page.evaluate(() => window.__xss)) === undefined, 'a script in a name ran');
  });

  await perfSteps({ page, size, base, step, expect, log });
  await todaySteps({ page, size, base, step, expect, firstVisit: size === '375' });

  await step(page, size, 'search as you type', async () => {
    await page.goto(`${base}/`);
    await page.locator('.count', { hasText: 'people' }).waitFor();
    await page.keyboard.press('/');
    expect(await page.getByRole('searchbox').evaluate((element) => element === document.activeElement), '/ should focus search');
    await page.keyboard.type(unique.slice(0, 6), { delay: 30 });
    await page.locator('.viewport .row', { hasText: unique }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/contacts\/\d+$/);
  });

  await step(page, size, 'scroll 100k rows', async () => {
    await page.goto(`${base}/`);
    await page.locator('.count', { hasText: 'people' }).waitFor();
    const total = Number((await page.locator('.count').textContent()).replace(/\D/g, ''));
    expect(total >= PEOPLE, `expected ${PEOPLE}+ people, saw ${total}`);
    const viewportBox = page.getByTestId('viewport');
    for (const fraction of [0.25, 0.5, 0.75, 1]) {
      await viewportBox.evaluate((element, at) => (element.scrollTop = element.scrollHeight * at), fraction);
      await page.waitForTimeout(50);
    }
    const lastRow = page.locator(`.viewport .row[aria-rowindex="${total + 1}"] .cell.name a`);
    await lastRow.waitFor();
    expect(((await lastRow.textContent()) ?? '').length > 0, 'the last row has no name');
    await page.keyboard.press('k');
    // The selection renders on the next frame: wait for it rather than race it.
    await page.locator('.row.selected').first().waitFor({ timeout: 5000 }).catch(() => {});
    expect((await page.locator('.row.selected').count()) === 1, 'j/k should select a row');
  });

  await step(page, size, 'import a LinkedIn CSV through the wizard', async () => {
    await page.goto(`${base}/import`);
    await page.getByLabel('File').setInputFiles(join(testData, 'samples', 'linkedin_connections.csv'));
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByTestId('format').waitFor();
    expect((await page.getByTestId('format').textContent()) === 'linkedin', 'the format should be linkedin');
    expect((await page.locator('.mapping tbody tr').count()) > 3, 'the column mapping is missing');
    const shown = await page.locator('.mapping select').evaluateAll((selects) =>
      selects.map((select) => select.selectedOptions[0].textContent),
    );
    expect(shown.every((label) => !label.includes('_')), `internal field names shown: ${shown}`);
    // The mapping can be changed: the job title left out on the phone, kept
    // as a note on the desk (so the second import has something to update).
    const field = size === '375' ? 'ignore' : 'notes';
    await page.getByLabel('Position', { exact: true }).selectOption(field);
    await page.waitForFunction(() => !document.querySelector('.mapping select:disabled'));
    expect((await page.getByLabel('Position', { exact: true }).inputValue()) === field, 'the mapping did not change');
    await page.getByRole('button', { name: /^Import \d+ people/ }).click();
    await page.getByTestId('result').waitFor();
    await page.getByTestId('imported-link').click();
    await page.locator('h1#list-title').waitFor();
  });

  await step(page, size, 'import every person when one value is bad, and say what was kept aside', async () => {
    await page.goto(`${base}/import`);
    const csv = `Name,Email\nAnouk${size} Verhoeven,anouk${size}@example.com\nBram${size} Kuipers,not an email\n`;
    await page.getByLabel('File').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Preview' }).click();
    const aside = page.getByTestId('set-aside').locator('li');
    await aside.first().waitFor();
    const text = (await aside.first().textContent()) ?? '';
    expect(text.startsWith('line 3') && text.includes('not an email'), `the bad value should be named with its line: ${text}`);
    await page.getByRole('button', { name: 'Import 2 people' }).click();
    await page.getByTestId('result').filter({ hasText: '2 added' }).waitFor();
    await page.getByTestId('result').filter({ hasText: '1 value kept aside' }).waitFor();
    const [bram] = await page.evaluate(
      async (name) => (await fetch(`/api/v1/search?q=${encodeURIComponent(name)}`)).json(),
      `Bram${size} Kuipers`,
    );
    expect(bram && bram.emails.length === 0, 'the bad email should not be on the card as an email');
  });

  await step(page, size, 'run a match and offer', async () => {
    await page.goto(`${base}/opportunities`);
    // Open to work, in the city, looking for just this, but without the skill:
    // everyone with the skill asked for ranks above them.
    await api(page, 'POST', '/contacts', {
      name: `Juno${size} Okonkwo`,
      city: 'Chicago',
      open_to_opportunities: true,
      looking_for: 'a Python data engineering role',
      skills: ['marketing'],
    });
    await page.getByLabel('Title').fill(`Python role ${size}`);
    await page.getByLabel('Skills').fill('data engineering, Python');
    await page.getByLabel('Place').fill('Chicago');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.locator('.matches > li').first().waitFor();
    expect((await page.locator('.matches .reasons').first().textContent()).length > 0, 'a match has no reasons');
    expect(/score \d/.test(await page.getByTestId('score').first().textContent()), 'a match shows no score');
    const parts = (await page.getByTestId('score-parts').first().textContent()) ?? '';
    expect(/skills \+\d/.test(parts), `the score's parts should show the skills' share: "${parts}"`);
    const skilled = await page.locator('.matches > li').evaluateAll((items) =>
      items.map((item) => /skills: /.test(item.querySelector('.reasons')?.textContent ?? '')),
    );
    const firstWithout = skilled.indexOf(false);
    expect(
      skilled[0] && (firstWithout < 0 || skilled.slice(firstWithout).every((has) => !has)),
      `everyone with the skill should rank above everyone without: ${skilled}`,
    );
    await page.locator('.matches > li').first().getByRole('button', { name: 'Offer' }).click();
    await page.locator('.matches .done').first().waitFor();
    const mail = (await page.getByTestId('offer-mail').first().getAttribute('href')) ?? '';
    expect(mail.startsWith('mailto:') && mail.includes(encodeURIComponent(`Python role ${size}`)), `the offer should open a drafted message: ${mail}`);
  });

  await step(page, size, 'today offers the opportunity', async () => {
    await page.goto(`${base}/today`);
    await page.locator('.agenda h3', { hasText: `Python role ${size}` }).waitFor();
  });

  await relationshipSteps({ page, size, base, step, expect });
  const newPage = async () => {
    const other = await browser.newPage();
    await other.setViewportSize(viewport);
    return other;
  };
  const card = cards[size === '375' ? 0 : 1];
  await scanSteps({ page, size, base, step, expect, card, nextDay, newPage });
  await cardSteps({ page, size, base, step, expect });
  await deviceSteps({ page, size, base, step, expect });
  await listSteps({ page, size, base, step, expect, event: `Night Market ${size}` });
  await safetySteps({ page, size, base, step, expect });
  await duplicatesSteps({ page, size, base, step, expect });

  const contactId = await findContact(page, base, unique);
  await phoneSteps({ page, size, base, step, expect, contactId, context: browser, artifacts });
  await a11ySteps({ page, size, base, step, expect, contactId });

  expect(errors.length === 0 || failures.push(`${size}: page errors: ${errors.join('; ')}`), '');
  await page.close();
}

await browser.close();
nextDayServer.kill('SIGTERM');
server.kill('SIGTERM');
const exitCode = await new Promise((resolve) => server.on('exit', (code) => resolve(code)));
if (exitCode !== 0) failures.push(`kith serve exited with ${exitCode} on SIGTERM`);
rmSync(work, { recursive: true, force: true });
if (failures.length) {
  console.error(`\n${failures.length} browser test(s) failed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
log(`all browser tests passed; screenshots in ${artifacts}`);
