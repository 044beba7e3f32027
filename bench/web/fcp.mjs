// First contentful paint of the running list in headless chromium (median
// of 5 cold page loads). Usage: node bench/web/fcp.mjs http://127.0.0.1:PORT
import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(new URL('../../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const base = process.argv[2];
const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'kith-fcp-')), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const samples = [];
for (let run = 0; run < 5; run++) {
  const page = await browser.newPage();
  await page.route('**/*', (route) => route.continue({ headers: { ...route.request().headers(), 'cache-control': 'no-cache' } }));
  await page.goto(base, { waitUntil: 'load' });
  await page.locator('.viewport .row .cell.name a').first().waitFor();
  const [fcp, rowsVisible] = await page.evaluate(() => [
    performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
    performance.now(),
  ]);
  samples.push({ fcp, rowsVisible });
  await page.close();
}
await browser.close();
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(JSON.stringify({
  fcp_ms: Math.round(median(samples.map((s) => s.fcp))),
  first_rows_ms: Math.round(median(samples.map((s) => s.rowsVisible))),
  samples,
}));
