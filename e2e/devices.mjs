// Devices: adding one shows its app password once, with copy buttons, and a
// phone's sync client gets in with it (HTTP Basic on /dav/); revoking asks
// first, then the password stops working. The calendar's secret address is
// shown with a copy button and answers a calendar app without a cookie;
// stopping it asks first, then the address answers 404 and the screen
// offers a new one, which answers.
import { checkAxe } from './axe.mjs';

export async function deviceSteps({ page, size, base, step, expect }) {
  const name = `phone${size}`;
  let password = '';

  // What a sync client gets at /dav/ with these credentials: 401 or not.
  const davStatus = (user, secret) =>
    page.evaluate(
      async ([who, what]) =>
        (await fetch('/dav/', { headers: { Authorization: `Basic ${btoa(`${who}:${what}`)}` }, credentials: 'omit' }))
          .status,
      [user, secret],
    );

  await step(page, size, 'add a device and see its password once', async () => {
    await page.goto(`${base}/devices`);
    await page.locator('h1#devices-title').waitFor();
    await page.getByLabel('Device name').fill(name);
    await page.getByRole('button', { name: 'Add device' }).click();
    await page.getByTestId('device-setup').waitFor();
    password = await page.getByTestId('setup-password').inputValue();
    expect(/^[a-z2-9]{4}(-[a-z2-9]{4}){4}$/.test(password), `unexpected password shape: ${password}`);
    expect((await page.getByTestId('setup-username').inputValue()) === name, 'the user name is the device name');
    expect((await page.getByTestId('setup-url').inputValue()) === `${base}/dav/`, 'the server address is /dav/');
    await page.getByRole('button', { name: 'Copy password' }).click();
    await page.getByRole('button', { name: 'Copied password' }).waitFor();
    await page.locator('[data-testid="device"]', { hasText: name }).filter({ hasText: 'never synced' }).waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    expect((await page.getByTestId('device-setup').count()) === 0, 'the password stays on screen after Done');
    expect(!(await page.content()).includes(password), 'the password is still in the page');
  });

  await step(page, size, 'the app password lets a sync client in', async () => {
    expect((await davStatus(name, password)) !== 401, 'the app password was refused');
    expect((await davStatus(name, 'wrong-password')) === 401, 'a wrong password was let in');
    await page.goto(`${base}/devices`);
    await page.locator('[data-testid="device"]', { hasText: name }).filter({ hasText: 'last synced' }).waitFor();
  });

  await step(page, size, 'revoke a device after confirming', async () => {
    await page.goto(`${base}/devices`);
    const row = page.locator('[data-testid="device"]', { hasText: name });
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByRole('button', { name: 'Cancel' }).click();
    expect((await row.filter({ hasText: 'revoked' }).count()) === 0, 'Cancel revoked the device');
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByRole('button', { name: 'Yes, revoke' }).click();
    await row.filter({ hasText: 'revoked' }).waitFor();
    expect((await davStatus(name, password)) === 401, 'a revoked password still gets in');
  });

  await step(page, size, 'the calendar address is shown and answers without a cookie', async () => {
    await page.goto(`${base}/devices`);
    const field = page.getByTestId('calendar-url');
    await field.waitFor();
    const url = await field.inputValue();
    expect(new RegExp(`^${base}/ics/[0-9a-f]{32}\\.ics$`).test(url), `unexpected calendar address: ${url}`);
    const answer = await page.evaluate(async (address) => {
      const response = await fetch(address, { credentials: 'omit' });
      return { status: response.status, type: response.headers.get('Content-Type'), body: await response.text() };
    }, url);
    expect(answer.status === 200 && answer.type.startsWith('text/calendar'), `the feed answered ${answer.status}`);
    expect(answer.body.includes('BEGIN:VCALENDAR'), 'the feed is no calendar');
  });

  // What a calendar app gets at `address`, without a cookie.
  const feedStatus = (address) =>
    page.evaluate(async (where) => (await fetch(where, { credentials: 'omit' })).status, address);

  await step(page, size, 'stop the calendar link after confirming, then make a new one', async () => {
    await page.goto(`${base}/devices`);
    const field = page.getByTestId('calendar-url');
    await field.waitFor();
    const old = await field.inputValue();
    await page.getByRole('button', { name: 'Stop this calendar link' }).click();
    const confirm = page.getByRole('group', { name: 'Stop this calendar link?' });
    await confirm.waitFor();
    await checkAxe(page, 'devices, stopping the calendar link');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect((await feedStatus(old)) === 200, 'Cancel stopped the calendar link');
    expect((await field.inputValue()) === old, 'Cancel changed the address');
    await page.getByRole('button', { name: 'Stop this calendar link' }).click();
    await confirm.getByRole('button', { name: 'Yes, stop it' }).click();
    await page.getByTestId('calendar-stopped').waitFor();
    expect((await page.getByTestId('calendar-url').count()) === 0, 'a stopped address is still shown');
    expect((await feedStatus(old)) === 404, 'the stopped address still answers');
    await checkAxe(page, 'devices, calendar link stopped');
    await page.getByRole('button', { name: 'Make a new calendar link' }).click();
    await field.waitFor();
    const renewed = await field.inputValue();
    expect(renewed !== old && /\/ics\/[0-9a-f]{32}\.ics$/.test(renewed), `unexpected new address: ${renewed}`);
    expect((await feedStatus(renewed)) === 200, 'the new address does not answer');
    expect((await feedStatus(old)) === 404, 'the old address answers again');
    expect((await page.getByTestId('calendar-stopped').count()) === 0, 'the stopped notice stays');
  });
}
