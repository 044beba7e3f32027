// Business cards on the phone: a card photo rendered here by the scan
// tests' own corpus generator (tests/scan/make_cards.py, train pools, never
// the held-out ones) is scanned in event mode, one field corrected on the
// review screen, saved with its photo; the next morning (a second `kith
// serve` on the same database whose today is the day after) its follow-up
// is on Today. And your own card as a QR code that kith's own reader scans
// back. Run by run.mjs at each viewport size.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAxe } from './axe.mjs';
import { api, createEvent } from './screens.mjs';
import { serveKith } from './serve.mjs';

const generator = fileURLToPath(new URL('../tests/scan/make_cards.py', import.meta.url));
// A seed whose first two cards' names read right, so the person can be
// found again: the step checks the review, the save and the loop, not OCR
// accuracy (that is bench/scan's job).
const SEED = 61;

// Renders `count` card photos into `directory`; returns [{file, truth}].
export function renderCards(directory, count) {
  execFileSync('/usr/bin/python3', [generator, '--out', directory, '--count', String(count), '--qr', '0', '--heic', '0', '--seed', String(SEED)], {
    stdio: 'inherit',
  });
  return JSON.parse(readFileSync(join(directory, 'index.json'), 'utf8')).map((entry) => ({
    file: join(directory, entry.file),
    truth: entry.truth,
  }));
}

export async function scanSteps({ page, size, base, step, expect, card, nextDay, newPage }) {
  const event = `Card Table ${size}`;
  const corrected = `Chief Kite Officer ${size}`;
  let contactId = null;

  await step(page, size, 'scan a card in event mode, correct a field, save it with its photo', async () => {
    await createEvent(page, base, event, '2026-11-26');
    await page.getByRole('link', { name: 'Scan a card instead' }).click();
    await page.waitForURL(/\/scan\?event=/);
    await page.getByTestId('scan-event').filter({ hasText: event }).waitFor();
    await page.getByLabel('Photo of the card').setInputFiles(card.file);
    const review = page.getByRole('form', { name: 'Check what was read' });
    await review.waitFor({ timeout: 30000 });
    expect((await page.getByLabel('Met at (event)').inputValue()) === event, 'the event should be chosen already');
    const name = await page.getByLabel('Name', { exact: true }).inputValue();
    expect(name === card.truth.name, `the name should be read as "${card.truth.name}", got "${name}"`);
    // Every field read says how sure kith was.
    const sure = await page.getByTestId('confidence').allTextContents();
    expect(sure.length >= 3 && sure.every((text) => /read \d+% sure/.test(text)), `confidences: ${sure}`);
    const nameSure = await page.getByLabel('Name', { exact: true }).getAttribute('aria-describedby');
    expect(nameSure && (await page.locator(`#${nameSure}`).count()) === 1, 'the name should be described by its confidence');
    await checkAxe(page, 'scan review');
    await page.getByLabel('Title').fill(corrected);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/contacts\/\d+$/);
    contactId = Number(page.url().split('/').pop());
    expect((await page.locator('#contact-name').textContent()) === card.truth.name, 'the contact page should show the name');
    await page.locator('.subtitle', { hasText: corrected }).waitFor();
    await page.getByTestId('how-met').filter({ hasText: `Met at ${event} on 2026-11-26 — business card` }).waitFor();
    const photo = page.getByTestId('card-photo').locator('img');
    await photo.waitFor();
    await page.waitForFunction((image) => image.complete && image.naturalWidth > 0, await photo.elementHandle());
    const kept = await page.evaluate(async (id) => {
      const response = await fetch(`/api/v1/contacts/${id}/card-image`);
      return { type: response.headers.get('Content-Type'), size: (await response.arrayBuffer()).byteLength };
    }, contactId);
    expect(kept.type === 'image/jpeg' && kept.size === readFileSync(card.file).length, `the photo kept: ${JSON.stringify(kept)}`);
    const shown = await api(page, 'GET', `/contacts/${contactId}`);
    expect(shown.has_card_image === true, 'the API should say a card photo is kept');
  });

  await step(page, size, 'a card typed in as met by business card shows no photo: the API says none is kept', async () => {
    const typed = await api(page, 'POST', '/contacts', { name: `Typed Card ${size}`, how_met: 'business card' });
    expect(typed.has_card_image === false, `a typed card keeps no photo: ${JSON.stringify(typed.has_card_image)}`);
    const asked = [];
    const listen = (request) => {
      if (request.url().includes('/card-image')) asked.push(request.url());
    };
    page.on('request', listen);
    try {
      await page.goto(`${base}/contacts/${typed.id}`);
      await page.getByTestId('how-met').filter({ hasText: 'business card' }).waitFor();
      expect((await page.getByTestId('card-photo').count()) === 0, 'no card photo should show');
      expect(asked.length === 0, `no photo should be asked for: ${asked}`);
      await checkAxe(page, 'a typed card met by business card');
    } finally {
      page.off('request', listen);
    }
  });

  await step(page, size, "the next morning the scanned card's follow-up is on Today", async () => {
    expect(contactId !== null, 'the card was not saved');
    const morning = await newPage();
    try {
      await morning.goto(`${nextDay}/today`);
      await morning.getByRole('heading', { name: 'Today, 2026-11-27' }).waitFor();
      // By name and event: the generated network may hold a namesake.
      const item = morning.locator('.agenda[data-kind="follow-up"] li', { hasText: card.truth.name }).filter({ hasText: event });
      await item.waitFor();
      await checkAxe(morning, 'today, the next morning');
    } finally {
      await morning.close();
    }
  });

  await step(page, size, 'your card as a QR code that scans back', async () => {
    const me = `Sam${size} Rivera`;
    await page.goto(`${base}/me`);
    await page.getByRole('heading', { name: 'Your card' }).waitFor();
    await page.getByLabel('Your name').fill(me);
    await page.getByLabel('Email').fill(`sam${size}@rivera.example`);
    await page.getByRole('button', { name: 'Save your card' }).click();
    const qr = page.getByTestId('my-card-qr');
    await qr.waitFor();
    await page.waitForFunction((image) => image.complete && image.naturalWidth > 0, await qr.elementHandle());
    // The picture on the screen, read by kith's own QR reader (zbar).
    const read = await page.evaluate(async (source) => {
      const picture = await (await fetch(source)).blob();
      const session = await (await fetch('/api/v1/session')).json();
      const form = new FormData();
      form.append('image', picture, 'qr.png');
      const response = await fetch('/api/v1/scan', { method: 'POST', body: form, headers: { 'X-CSRF-Token': session.csrf_token ?? '' } });
      return response.json();
    }, await qr.getAttribute('src'));
    expect(read.source === 'qr' && read.name === me, `the QR code should scan back to ${me}: ${JSON.stringify(read)}`);
    expect(read.emails?.[0] === `sam${size}@rivera.example`, `the QR code should hold the email: ${JSON.stringify(read)}`);
    await checkAxe(page, 'your card');
  });
}

// A second server on the same database, whose today is the day after the
// first one's: what the user sees the next morning.
export async function serveNextDay(kith, database, assets) {
  return serveKith(kith, ['--db', database, '--today', '2026-11-27', 'serve', '--port', '0', '--assets', assets]);
}
