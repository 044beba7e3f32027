// Duplicates: reached from the People list, each pair side by side with why,
// merged keeping the card chosen, and the merge undone from its toast: both
// cards back as they were. axe-core clean on the screen, with a pair shown.
import { checkAxe } from './axe.mjs';
import { api } from './screens.mjs';

async function contact(page, id) {
  return page.evaluate(async (which) => (await fetch(`/api/v1/contacts/${which}`)).json(), id);
}

export async function duplicatesSteps({ page, size, base, step, expect }) {
  await step(page, size, 'merge duplicates, then undo', async () => {
    await page.goto(`${base}/today`);
    // One email, one phone and one name at one company: the surest kind of
    // pair, listed first among 100,000 people.
    const card = {
      name: `Wren${size} Halvorsen`,
      company: 'Fjord Looms',
      emails: [`wren${size}@fjord.example`],
      phones: [`+1 312 555 0${size.slice(0, 3)}`],
    };
    const first = await api(page, 'POST', '/contacts', { ...card, city: 'Bergen' });
    const second = await api(page, 'POST', '/contacts', { ...card, title: 'Weaver' });
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Duplicates' }).click();
    await page.locator('h1#dupes-title').waitFor();
    const pair = page.getByTestId('dupe').filter({ hasText: card.name });
    await pair.waitFor();
    const reasons = (await pair.locator('.reasons').textContent()) ?? '';
    expect(reasons.startsWith(`same email ${card.emails[0]}`), `the surest reason should come first: ${reasons}`);
    await checkAxe(page, 'duplicates');

    // Keep the second card: the first goes to the trash, its city moves over.
    await pair.getByRole('radio', { name: new RegExp(`#${second.id}$`) }).check();
    await pair.getByRole('button', { name: `Merge into ${card.name}` }).click();
    await page.getByTestId('toast').filter({ hasText: `Merged ${card.name} into ${card.name}` }).waitFor();
    const kept = await contact(page, second.id);
    expect(kept.city === 'Bergen' && !kept.trashed, `the kept card should hold both: ${JSON.stringify(kept)}`);
    expect((await contact(page, first.id)).trashed, 'the other card should be in the trash');
    await page.getByTestId('dupe').filter({ hasText: card.name }).waitFor({ state: 'detached' });

    await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
    await pair.waitFor();
    const [keptAgain, otherAgain] = [await contact(page, second.id), await contact(page, first.id)];
    expect(keptAgain.city === '' && keptAgain.title === 'Weaver', 'undo should put the kept card back');
    expect(!otherAgain.trashed && otherAgain.city === 'Bergen', 'undo should bring the other card back');
  });
}
