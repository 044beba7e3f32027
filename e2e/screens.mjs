// Every screen of the web app, and how to know it has loaded: the phone,
// layout and accessibility checks visit each of them.
export function screens(contactId) {
  return [
    { name: 'people', path: '/', ready: '.viewport .row .cell.name a' },
    { name: 'today', path: '/today', ready: 'h1#today-title' },
    { name: 'event', path: '/event', ready: 'h1#event-title' },
    { name: 'opportunities', path: '/opportunities', ready: 'h1#opportunities-title' },
    { name: 'import', path: '/import', ready: 'h1#import-title' },
    { name: 'add', path: '/add', ready: 'h1#add-title' },
    { name: 'contact', path: `/contacts/${contactId}`, ready: '[data-testid="brief"]' },
    { name: 'trash', path: '/trash', ready: 'h1#trash-title' },
    { name: 'duplicates', path: '/duplicates', ready: 'h1#dupes-title' },
    { name: 'devices', path: '/devices', ready: 'h1#devices-title' },
    { name: 'scan', path: '/scan', ready: 'h1#scan-title' },
    { name: 'your card', path: '/me', ready: 'h1#me-title' },
  ];
}

export async function visit(page, base, screen) {
  await page.goto(`${base}${screen.path}`);
  await page.locator(screen.ready).first().waitFor();
  await page.waitForLoadState('networkidle').catch(() => {});
}

// The id of the first person a search finds.
export async function findContact(page, base, name) {
  if (!page.url().startsWith(base)) await page.goto(`${base}/today`);
  return page.evaluate(async (text) => {
    const found = await (await fetch(`/api/v1/search?q=${encodeURIComponent(text)}`)).json();
    if (found[0]) return found[0].id;
    return (await (await fetch('/api/v1/contacts?limit=1')).json())[0]?.id;
  }, name);
}

// A call to the JSON API from inside the page, with the session's CSRF token.
export async function api(page, method, path, body) {
  return page.evaluate(
    async ([verb, where, payload]) => {
      const session = await (await fetch('/api/v1/session')).json();
      const response = await fetch(`/api/v1${where}`, {
        method: verb,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrf_token ?? '' },
        body: payload === undefined ? undefined : JSON.stringify(payload),
      });
      if (!response.ok) throw new Error(`${verb} ${where}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    [method, path, body],
  );
}

// A new event made in event mode, then chosen for the people met there.
export async function createEvent(page, base, name, date) {
  await page.goto(`${base}/event`);
  await page.getByRole('heading', { name: 'Event mode' }).waitFor();
  if (!(await page.locator('details[open]').count())) await page.getByText('New event').click();
  await page.getByLabel('Event name').fill(name);
  await page.getByLabel('Date').fill(date);
  await page.getByRole('button', { name: 'Create event' }).click();
  await page.locator('#event-pick option', { hasText: name }).waitFor({ state: 'attached' });
}
