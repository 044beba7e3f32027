// Today as a new user first sees it on a generated network (kith gen makes a
// little history: people met at a conference yesterday, coffees months ago),
// and the whole loop on a phone: an email captured at the door, the next
// morning's draft to that address, sent and marked done.
import { createEvent } from './screens.mjs';

export async function todaySteps({ page, size, base, step, expect }) {
  await step(page, size, "a generated network shows Today's loop", async () => {
    await page.goto(`${base}/today`);
    await page.locator('h1#today-title').waitFor();
    const followUps = page.locator('.agenda[data-kind="follow-up"] li');
    await followUps.first().waitFor();
    expect((await followUps.count()) >= 3, `expected the demo's follow-ups, saw ${await followUps.count()}`);
    const stayInTouch = page.locator('.agenda[data-kind="reconnect"] li, .agenda[data-kind="drifting"] li');
    expect((await stayInTouch.count()) >= 1, 'expected someone to reconnect with');
  });

  const person = `Maren${size} Solvik`;
  const event = `Harbour Lights ${size}`;
  const email = `maren${size}@fjord.example`;
  await step(page, size, 'at the door, then the next morning: draft, send, done', async () => {
    await createEvent(page, base, event, '2026-11-25');
    await page.getByLabel('Name', { exact: true }).fill(person);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('What to ask about next time').fill('her ferry timetable app');
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByTestId('met-list').locator('li', { hasText: 'follow up 2026-11-26' }).waitFor();

    // The next morning (the server's today is 2026-11-26).
    await page.goto(`${base}/today`);
    const item = page.locator('.agenda[data-kind="follow-up"] li', { hasText: person });
    await item.getByRole('button', { name: 'Draft', exact: true }).click();
    const mail = item.getByTestId('mailto');
    await mail.waitFor();
    const href = (await mail.getAttribute('href')) ?? '';
    expect(href.startsWith(`mailto:${email}?`), `the draft should go to the address from the door: ${href}`);
    expect(decodeURIComponent(href).includes('her ferry timetable app'), 'the draft should ask about the note from the door');
    // Sent from the mail program; then done, written when the toast is closed.
    await item.getByRole('button', { name: 'Done', exact: true }).click();
    await page.getByTestId('toast').filter({ hasText: `Done: ${person}` }).getByRole('button', { name: 'OK' }).click();
    await page.reload();
    await page.locator('h1#today-title').waitFor();
    await page.locator('.agenda').first().waitFor();
    expect((await item.count()) === 0, 'the follow-up should stay done');
    await page.goto(`${base}/event`);
    await page.locator('#event-pick').selectOption({ label: `${event} (2026-11-25)` });
    await page.getByTestId('event-stats').filter({ hasText: '1 met, 1 followed up (100%)' }).waitFor();
  });
}
