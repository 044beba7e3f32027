// The running list: sort arrows that tell the truth and reverse; health on
// every page whatever the sort; filters kept while searching; "showing
// 200 of 3,412" with a way to the rest; filters that suggest as you type
// and take a part of a value; the query and the scroll in the URL,
// so Back and reload come back to the same place.
export async function listSteps({ page, size, base, step, expect, event }) {
  const header = (label) => page.locator('.row.header [role=columnheader]', { hasText: label });
  const firstName = () => page.locator('.viewport .row[aria-rowindex="2"] .cell.name a').textContent();

  await step(page, size, 'sort arrows tell the truth and reverse', async () => {
    await page.goto(`${base}/`);
    await page.locator('.viewport .row .cell.name a').first().waitFor();
    expect((await header('Name').getAttribute('aria-sort')) === 'ascending', 'names sort A to Z');
    const health = (await page.locator('.viewport .row[aria-rowindex="2"] .cell.health').textContent()) ?? '';
    expect(/\d/.test(health), `health should show sorted by name, got "${health}"`);
    if (size === '1280') {
      await header('Met on').getByRole('button').click();
      await page.waitForFunction(() => document.querySelector('.row.header .met_on')?.getAttribute('aria-sort') === 'descending');
      expect(((await header('Met on').textContent()) ?? '').includes('▼'), 'newest first should point down');
    }
    const before = await firstName();
    await header('Name').getByRole('button').click();
    await page.locator('.row.header .name[aria-sort]').waitFor();
    if (size === '1280') await header('Name').getByRole('button').click();
    await page.waitForFunction(() => document.querySelector('.row.header .name')?.getAttribute('aria-sort') === 'descending');
    expect(((await header('Name').textContent()) ?? '').includes('▼'), 'Z to A should point down');
    await page.waitForFunction((name) => {
      const first = document.querySelector('.viewport .row[aria-rowindex="2"] .cell.name a');
      return first && first.textContent !== name;
    }, before);
    await page.waitForFunction(() => new URLSearchParams(location.search).get('reverse') === '1');
  });

  await step(page, size, 'filters stay on while searching, and Back keeps the query', async () => {
    await page.goto(`${base}/?event=${encodeURIComponent(event)}`);
    await page.getByTestId('count').filter({ hasText: '(filters on)' }).waitFor();
    await page.getByRole('searchbox').fill('Wren');
    await page.getByTestId('count').filter({ hasText: /^1 found \(filters on\)/ }).waitFor();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'Wren');
    await page.locator('.viewport .row .cell.name a').first().click();
    await page.waitForURL(/\/contacts\/\d+$/);
    await page.goBack();
    await page.getByTestId('count').filter({ hasText: /^1 found \(filters on\)/ }).waitFor();
    expect((await page.getByRole('searchbox').inputValue()) === 'Wren', 'Back should keep the query');
  });

  await step(page, size, 'showing 200 of the total, and the rest', async () => {
    await page.goto(`${base}/?q=a`);
    const count = page.getByTestId('count').filter({ hasText: /^Showing 200 of [\d,]+ found/ });
    await count.waitFor();
    const total = Number((/of ([\d,]+)/.exec((await count.textContent()) ?? '') ?? ['', '0'])[1].replace(/,/g, ''));
    const counted = await page.evaluate(async () =>
      Number((await fetch('/api/v1/search?q=a&limit=1&total=true')).headers.get('X-Total-Count')),
    );
    expect(total > 200 && total === counted, `the total shown (${total}) should be the API's count (${counted})`);
    await page.getByRole('button', { name: 'Show 200 more' }).click();
    await page.waitForFunction(() => Number(document.querySelector('.grid').getAttribute('aria-rowcount')) > 201);
    await page.getByTestId('count').filter({ hasText: /^Showing 400 of / }).waitFor();
  });

  await step(page, size, 'filters suggest and need no exact text', async () => {
    await page.goto(`${base}/`);
    await page.locator('.viewport .row .cell.name a').first().waitFor();
    const [popular] = await page.evaluate(async () => (await fetch('/api/v1/suggestions?field=tag&limit=1')).json());
    expect(typeof popular === 'string' && popular.length >= 3, `no tag to suggest: ${popular}`);
    const tagInput = page.getByLabel('Tag', { exact: true });
    await tagInput.fill(popular.slice(0, 3).toUpperCase());
    await page.locator(`#tag-suggestions option[value="${popular}"]`).waitFor({ state: 'attached' });
    await tagInput.press('Enter');
    await page.getByTestId('count').filter({ hasText: '(filters on)' }).waitFor();
    await page.waitForFunction((wanted) => new URLSearchParams(location.search).get('tag') === wanted, popular);
    expect((await tagInput.inputValue()) === popular, `a part of the tag should become the tag: ${await tagInput.inputValue()}`);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    const eventInput = page.getByLabel('Event', { exact: true });
    const partial = event.toLowerCase().slice(0, -1);
    await eventInput.fill(partial);
    await page.locator(`#event-suggestions option[value="${event}"]`).waitFor({ state: 'attached' });
    await eventInput.press('Enter');
    await page.waitForFunction((wanted) => new URLSearchParams(location.search).get('event') === wanted, event);
    await page.getByTestId('count').filter({ hasText: /^\d+ people \(filters on\)/ }).waitFor();
  });

  await step(page, size, 'the scroll position is in the URL', async () => {
    await page.goto(`${base}/`);
    await page.locator('.viewport .row .cell.name a').first().waitFor();
    const total = Number(((await page.getByTestId('count').textContent()) ?? '').replace(/\D/g, ''));
    const row = Math.min(5000, Math.floor(total / 2));
    await page.getByTestId('viewport').evaluate((element, at) => (element.scrollTop = 44 * at), row);
    await page.waitForFunction((at) => Number(new URLSearchParams(location.search).get('row')) >= at, row);
    await page.reload();
    await page.locator(`.viewport .row[aria-rowindex="${row + 2}"] .cell.name a`).waitFor();
  });
}
