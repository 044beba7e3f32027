// Browser tests of the relationship loop: meet someone in event mode, see the
// follow-up on Today, draft the email, log a coffee from Today and see the
// follow-up done. Run by run.mjs at each viewport size.
import { api, createEvent } from './screens.mjs';

export async function relationshipSteps({ page, size, base, step, expect }) {
  const person = `Wren${size} Halloway`;
  const event = `Night Market ${size}`;
  const followUp = () => page.locator('.agenda[data-kind="follow-up"] li', { hasText: person });

  await step(page, size, 'meet someone in event mode', async () => {
    await createEvent(page, base, event, '2026-11-25');
    await page.getByLabel('Name', { exact: true }).fill(person);
    await page.getByLabel('Email').fill(`wren${size}@lantern.example`);
    await page.getByLabel('Phone').fill('+1 312 555 0199');
    await page.getByLabel(/^LinkedIn/).fill(`wren${size}`);
    await page.getByLabel('Company').fill('Lantern Labs');
    await page.getByLabel('What to ask about next time').fill('her kite startup');
    await page.getByRole('button', { name: 'Add person' }).click();
    const added = page.getByTestId('met-list').locator('li', { hasText: person });
    await added.waitFor();
    const text = (await added.textContent()) ?? '';
    expect(text.includes('follow up 2026-11-26'), `the follow-up should be due the next day, got "${text}"`);
    await page.getByTestId('event-stats').filter({ hasText: /^1 met/ }).waitFor();
  });

  await step(page, size, 'someone already on the list is tapped and counted', async () => {
    const known = `Quill${size} Ashgrove`;
    await api(page, 'POST', '/contacts', { name: known, company: 'Ashgrove Mills', met_at: 'Spring Fair', met_on: '2026-04-02' });
    await page.getByLabel('Name', { exact: true }).fill(known.slice(0, 9));
    await page.getByTestId('known').getByRole('button', { name: new RegExp(known) }).click();
    await page.getByTestId('chosen').filter({ hasText: known }).waitFor();
    await page.getByRole('button', { name: 'Add person' }).click();
    const again = page.getByTestId('met-list').locator('li', { hasText: known });
    await again.waitFor();
    expect(((await again.textContent()) ?? '').includes('met again'), 'they should be met again, not added');
    await page.getByTestId('event-stats').filter({ hasText: /^2 met, 0 followed up \(0%\)/ }).waitFor();
    await page.goto(`${base}/?event=${encodeURIComponent(event)}`);
    await page.getByTestId('count').filter({ hasText: '2 people' }).waitFor();
  });

  await step(page, size, 'draft the email', async () => {
    await page.goto(`${base}/today`);
    await followUp().waitFor();
    if (size === '375') {
      // Compact on a phone: the item's actions sit on one row.
      const actions = await followUp().locator('.agenda-actions').first().boundingBox();
      expect(actions && actions.height < 60, `the actions take ${actions?.height} px: they should fit one row`);
    }
    await followUp().getByRole('button', { name: 'Draft', exact: true }).click();
    const subject = followUp().getByTestId('draft-subject');
    await subject.waitFor();
    const subjectText = (await subject.textContent()) ?? '';
    expect(subjectText.includes(event), `the subject should name the event, got "${subjectText}"`);
    const href = (await followUp().getByTestId('mailto').getAttribute('href')) ?? '';
    expect(href.startsWith(`mailto:wren${size}@lantern.example`), `the mail should go to the email from the door, got "${href}"`);
    const body = (await followUp().getByLabel('Email body').inputValue()) ?? '';
    expect(body.includes('her kite startup'), `the draft should ask about the note from the door: "${body}"`);
    await followUp().getByTestId('draft').scrollIntoViewIfNeeded();
  });

  await step(page, size, 'connect from Today, with undo', async () => {
    await page.goto(`${base}/today`);
    const item = page.locator('.agenda[data-kind="connect"] li').first();
    const text = (await item.locator('.agenda-text').textContent()) ?? '';
    const href = (await item.getByTestId('profile').getAttribute('href')) ?? '';
    expect(href.startsWith('https://'), `the profile should open: "${href}"`);
    if (size === '375') {
      const actions = await item.locator('.agenda-actions').boundingBox();
      expect(actions && actions.height < 60, `the connect actions take ${actions?.height} px: they should fit one row`);
    }
    await item.getByRole('button', { name: /^Mark (connected|followed)$/ }).click();
    const same = page.locator('.agenda[data-kind="connect"] li', { hasText: text });
    await same.waitFor({ state: 'detached' });
    await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
    await same.waitFor();
  });

  await step(page, size, 'done and snooze can be undone', async () => {
    await page.goto(`${base}/today`);
    await followUp().waitFor();
    await followUp().getByRole('button', { name: 'Snooze', exact: true }).click();
    await followUp().getByRole('button', { name: 'A day', exact: true }).click();
    await followUp().waitFor({ state: 'detached' });
    await page.getByTestId('toast').filter({ hasText: `Snoozed ${person} a day` }).getByRole('button', { name: 'Undo' }).click();
    await followUp().waitFor();
    await followUp().getByRole('button', { name: 'Done', exact: true }).click();
    await followUp().waitFor({ state: 'detached' });
    await page.getByTestId('toast').filter({ hasText: `Done: ${person}` }).getByRole('button', { name: 'Undo' }).click();
    await followUp().waitFor();
    // Nothing was written: after a reload the follow-up is still there.
    await page.reload();
    await followUp().waitFor();
  });

  await step(page, size, 'done is written when the toast goes', async () => {
    const other = `Odile${size} Marchetti`;
    await page.goto(`${base}/today`);
    const events = await api(page, 'GET', '/events');
    const night = events.find((candidate) => candidate.name === event);
    await api(page, 'POST', `/events/${night.id}/met`, { names: [other] });
    await page.goto(`${base}/today`);
    const item = page.locator('.agenda[data-kind="follow-up"] li', { hasText: other });
    await item.getByRole('button', { name: 'Done', exact: true }).click();
    await page.getByTestId('toast').filter({ hasText: `Done: ${other}` }).waitFor({ state: 'detached', timeout: 10000 });
    await page.reload();
    await page.locator('.agenda[data-kind="follow-up"]').first().waitFor();
    expect((await item.count()) === 0, 'the follow-up done should stay done');
  });

  await step(page, size, 'log a coffee and see the follow-up on Today', async () => {
    await page.goto(`${base}/today`);
    await followUp().waitFor();
    await followUp().getByRole('button', { name: 'Log', exact: true }).click();
    const form = followUp().getByRole('form', { name: 'Log an interaction' });
    await form.getByLabel('What you talked about').fill('Kites and lanterns');
    await form.getByLabel(/They talked/).evaluate((slider) => {
      slider.value = '70';
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await form.getByLabel('Fact', { exact: true }).fill('hometown');
    await form.getByLabel('Value').fill('Lisbon');
    await form.getByRole('button', { name: 'Log it' }).click();
    await followUp().waitFor({ state: 'detached' });
    const contact = await page.evaluate(async (name) => {
      const found = await (await fetch(`/api/v1/search?q=${encodeURIComponent(name)}`)).json();
      return found[0]?.id;
    }, person);
    await page.goto(`${base}/contacts/${contact}`);
    await page.getByTestId('brief').waitFor();
    await page.locator('.timeline li', { hasText: 'Kites and lanterns' }).waitFor();
    await page.locator('.facts li', { hasText: 'Lisbon' }).waitFor();
    await page.getByTestId('ask-about').filter({ hasText: 'her kite startup' }).waitFor();
    // Wren (logged), Odile (done) and Quill (open): two of three followed up.
    await page.goto(`${base}/event`);
    await page.locator('#event-pick').selectOption({ label: `${event} (2026-11-25)` });
    await page.getByTestId('event-stats').filter({ hasText: '3 met, 2 followed up (67%)' }).waitFor();
  });
}
