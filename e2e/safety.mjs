// The rest of the safety net: the trash emptied behind a confirmation (only
// the people in the trash go; Cancel deletes nothing).
import { api } from './screens.mjs';

// A GET that answers with the status instead of throwing on a 404.
async function status(page, path) {
  return page.evaluate(async (where) => (await fetch(`/api/v1${where}`)).status, path);
}

export async function safetySteps({ page, size, base, step, expect }) {
  await step(page, size, 'empty the trash', async () => {
    await page.goto(`${base}/today`);
    const live = await api(page, 'POST', '/contacts', { name: `Ilse${size} Vael`, company: 'Vael Rope' });
    const trashed = await api(page, 'POST', '/contacts', { name: `Tobin${size} Vael`, company: 'Vael Rope' });
    await api(page, 'DELETE', `/contacts/${trashed.id}`);
    await page.goto(`${base}/trash`);
    await page.getByTestId('trash-list').locator('li', { hasText: `Tobin${size} Vael` }).waitFor();
    await page.getByRole('button', { name: 'Empty the trash…' }).click();
    // Cancel first: nothing happens.
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect((await status(page, `/contacts/${trashed.id}`)) === 200, 'Cancel should delete nothing');
    await page.getByRole('button', { name: 'Empty the trash…' }).click();
    await page.getByRole('button', { name: 'Yes, delete for good' }).click();
    await page.getByTestId('toast').filter({ hasText: /^Deleted \d+ (person|people) for good/ }).waitFor();
    await page.getByText('The trash is empty.').waitFor();
    expect((await status(page, `/contacts/${trashed.id}`)) === 404, 'the trashed card should be gone for good');
    expect((await status(page, `/contacts/${live.id}`)) === 200, 'a card on the list should stay');
  });
}
