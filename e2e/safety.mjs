// The rest of the safety net: a merge held behind an Undo (nothing written
// until the toast goes; undone, both cards stay as they were), and the trash
// emptied behind a confirmation (only the people in the trash go).
import { api } from './screens.mjs';

// A GET that answers with the status instead of throwing on a 404.
async function status(page, path) {
  return page.evaluate(async (where) => (await fetch(`/api/v1${where}`)).status, path);
}

export async function safetySteps({ page, size, base, step, expect }) {
  const name = `Pell${size} Aramburu`;
  let keep;
  let other;
  let kept;

  await step(page, size, 'merge with undo', async () => {
    await page.goto(`${base}/today`);
    const shared = { emails: [`pell${size}@aramburu.example`], phones: ['+1 312 555 0177'] };
    keep = await api(page, 'POST', '/contacts', { name, company: 'Aramburu Tiles', ...shared });
    other = await api(page, 'POST', '/contacts', { name, title: 'Ceramicist', ...shared });
    await page.goto(`${base}/dupes`);
    const pair = page.getByTestId('dupes').locator('li', { hasText: name });
    await pair.first().waitFor();
    expect(((await pair.first().locator('.reasons').textContent()) ?? '').includes('same email'), 'the pair should say why');
    await pair.first().getByRole('button', { name: 'Keep this one' }).first().click();
    await pair.first().waitFor({ state: 'detached' });
    await page.getByTestId('toast').filter({ hasText: `Merged ${name} into ${name}` }).getByRole('button', { name: 'Undo' }).click();
    await pair.first().waitFor();
    // Undone: nothing was written, both cards are live.
    for (const id of [keep.id, other.id]) {
      const card = await api(page, 'GET', `/contacts/${id}`);
      expect(!card.trashed, `card ${id} should still be live after Undo`);
    }
  });

  await step(page, size, 'merge written when the toast goes', async () => {
    await page.goto(`${base}/dupes`);
    const pair = page.getByTestId('dupes').locator('li', { hasText: name }).first();
    await pair.waitFor();
    // Keep the first card shown; the other one merges into it.
    kept = Number(((await pair.locator('.dupe-card a').first().getAttribute('href')) ?? '').split('/').pop());
    const gone = kept === keep.id ? other.id : keep.id;
    await pair.getByRole('button', { name: 'Keep this one' }).first().click();
    await page.getByTestId('toast').filter({ hasText: `Merged ${name}` }).getByRole('button', { name: 'OK' }).click();
    await page.waitForFunction(
      async (id) => (await (await fetch(`/api/v1/contacts/${id}`)).json()).trashed === true,
      gone,
    );
    const card = await api(page, 'GET', `/contacts/${kept}`);
    expect(card.title === 'Ceramicist' && card.company === 'Aramburu Tiles', 'the kept card should have both cards\' details');
  });

  await step(page, size, 'empty the trash', async () => {
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
    if (kept) expect((await status(page, `/contacts/${kept}`)) === 200, 'the merged card on the list should stay');
  });
}
