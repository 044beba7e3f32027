// Browser tests of the relationship loop: meet someone in event mode, see the
// follow-up on Today, draft the email, log a coffee from Today and see the
// follow-up done. Run by run.mjs at each viewport size.
export async function relationshipSteps({ page, size, base, step, expect }) {
  const person = `Wren${size} Halloway`;
  const event = `Night Market ${size}`;
  const followUp = () => page.locator('.agenda[data-kind="follow-up"] li', { hasText: person });

  await step(page, size, 'meet someone in event mode', async () => {
    await page.goto(`${base}/event`);
    await page.getByRole('heading', { name: 'Event mode' }).waitFor();
    if (!(await page.locator('details[open]').count())) await page.getByText('New event').click();
    await page.getByLabel('Event name').fill(event);
    await page.getByLabel('Date').fill('2026-11-25');
    await page.getByRole('button', { name: 'Create event' }).click();
    await page.locator('#event-pick option', { hasText: event }).waitFor({ state: 'attached' });
    await page.getByLabel('Name', { exact: true }).fill(person);
    await page.getByLabel('Company').fill('Lantern Labs');
    await page.getByLabel('One note').fill('builds kites');
    await page.getByRole('button', { name: 'Add person' }).click();
    const added = page.getByTestId('met-list').locator('li', { hasText: person });
    await added.waitFor();
    const text = (await added.textContent()) ?? '';
    expect(text.includes('follow up 2026-11-26'), `the follow-up should be due the next day, got "${text}"`);
  });

  await step(page, size, 'draft the email', async () => {
    await page.goto(`${base}/today`);
    await followUp().waitFor();
    await followUp().getByRole('button', { name: `Draft the follow-up to ${person}` }).click();
    const subject = followUp().getByTestId('draft-subject');
    await subject.waitFor();
    const subjectText = (await subject.textContent()) ?? '';
    expect(subjectText.includes(event), `the subject should name the event, got "${subjectText}"`);
    const href = (await followUp().getByTestId('mailto').getAttribute('href')) ?? '';
    expect(href.startsWith('mailto:'), `the mail link should be mailto:, got "${href}"`);
    await followUp().getByTestId('draft').scrollIntoViewIfNeeded();
  });

  await step(page, size, 'log a coffee and see the follow-up on Today', async () => {
    await page.goto(`${base}/today`);
    await followUp().waitFor();
    await followUp().getByRole('button', { name: `Log a coffee with ${person}` }).click();
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
  });
}
