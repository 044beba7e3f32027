// Accessibility on every screen: axe-core clean, one h1, buttons and links
// named by what they show (voice control says what it sees); focus on the
// new page's heading after each navigation; the list reachable with Tab.
import { checkAxe } from './axe.mjs';
import { screens, visit } from './screens.mjs';

// Buttons and links whose accessible name is not their visible text.
function misnamed() {
  return [...document.querySelectorAll('button[aria-label], a[aria-label], [role=button][aria-label]')]
    .filter((element) => {
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
      return text && element.getAttribute('aria-label').trim() !== text;
    })
    .map((element) => `"${element.textContent.trim()}" named "${element.getAttribute('aria-label')}"`);
}

export async function a11ySteps({ page, size, base, step, expect, contactId }) {
  for (const screen of screens(contactId)) {
    await step(page, size, `accessible: ${screen.name}`, async () => {
      await visit(page, base, screen);
      expect((await page.locator('h1').count()) === 1, `${screen.name} should have one h1`);
      const wrong = await page.evaluate(misnamed);
      expect(wrong.length === 0, `names differ from their text: ${wrong.join('; ')}`);
      await checkAxe(page, screen.name);
    });
  }

  await step(page, size, 'focus moves to the heading', async () => {
    await visit(page, base, screens(contactId)[0]);
    for (const [tab, heading] of [
      ['Today', /^Today/],
      ['Event', /^Event mode/],
      ['People', /^People/],
    ]) {
      await page.locator('nav.tabs a', { hasText: tab }).click();
      await page.waitForFunction(
        (pattern) => document.activeElement?.tagName === 'H1' && new RegExp(pattern).test(document.activeElement.textContent),
        heading.source,
      );
    }
  });

  await step(page, size, 'Tab reaches the rows of the list', async () => {
    await visit(page, base, screens(contactId)[0]);
    await page.getByRole('searchbox').focus();
    let inRow = false;
    for (let presses = 0; presses < 20 && !inRow; presses++) {
      await page.keyboard.press('Tab');
      inRow = await page.evaluate(() => Boolean(document.activeElement?.closest('.viewport .row')));
    }
    expect(inRow, 'Tab never reached a row of the list');
    // Rows by position: two people can share a name.
    const rowOf = () => page.evaluate(() => document.activeElement?.closest('.viewport .row')?.getAttribute('aria-rowindex'));
    const before = await rowOf();
    await page.keyboard.press('ArrowDown');
    // Focus follows the selection once the list has re-rendered.
    await page
      .waitForFunction(
        (at) => document.activeElement?.closest('.viewport .row')?.getAttribute('aria-rowindex') === String(Number(at) + 1),
        before,
        { timeout: 3000 },
      )
      .catch(() => {});
    expect(Number(await rowOf()) === Number(before) + 1, 'the arrow key should move to the next row');
    const next = (await page.evaluate(() => document.activeElement.textContent)) ?? '';
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/contacts\/\d+$/);
    expect((await page.locator('h1').textContent()) === next, 'Enter should open the row that has focus');
  });
}
