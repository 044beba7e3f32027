// The contact card, read first: who they are, how you met and how to reach
// them before any field to edit; tap to email, call or open a profile; a
// saved field says so; a fixed field loses its error; the trash asks first
// and can be undone, and the trash page restores.
import { api } from './screens.mjs';
import { checkAxe } from './axe.mjs';

export async function cardSteps({ page, size, base, step, expect }) {
  const name = `Imre${size} Castellanos`;
  let id;

  await step(page, size, 'the card reads first', async () => {
    await page.goto(`${base}/`);
    const contact = await api(page, 'POST', '/contacts', {
      name,
      company: 'Harbour Instruments',
      title: 'Head of Sensors',
      emails: [`imre${size}@harbour.example`],
      phones: ['+1 312 555 0142'],
      links: [{ kind: 'linkedin', url: `https://www.linkedin.com/in/imre${size}`, connected: false, followed: false }],
      met_at: 'Sensor Summit',
      met_on: '2026-11-20',
      notes: 'Line one about tide gauges.\nLine two.\nLine three.\nLine four, still shown whole.',
    });
    id = contact.id;
    await page.goto(`${base}/contacts/${id}`);
    await page.getByTestId('brief').waitFor();
    const order = await page.evaluate(() => {
      const brief = document.querySelector('[data-testid="brief"]').getBoundingClientRect().top;
      const fields = [...document.querySelectorAll('main input, main textarea')].map(
        (field) => field.getBoundingClientRect().top,
      );
      return { brief, firstField: fields.length ? Math.min(...fields) : Infinity };
    });
    expect(order.firstField > order.brief, 'a field to edit comes before the brief');
    expect(
      ((await page.getByTestId('how-met').textContent()) ?? '').includes('Sensor Summit'),
      'how you met is missing',
    );
    expect(
      (await page.getByTestId('reach-email').getAttribute('href')) === `mailto:imre${size}@harbour.example`,
      'the email should be a mailto: link',
    );
    expect((await page.getByTestId('reach-call').getAttribute('href')) === 'tel:+13125550142', 'tap to call is missing');
    expect(
      (await page.getByTestId('reach-linkedin').getAttribute('href')) === `https://www.linkedin.com/in/imre${size}`,
      'the LinkedIn profile link is missing',
    );
    await page.locator('.notes', { hasText: 'Line four, still shown whole.' }).waitFor();
  });

  await step(page, size, 'the card shows what address books say', async () => {
    const typed = await api(page, 'POST', '/contacts', {
      name: `Noor${size} Haddad`,
      nickname: 'Nono',
      company: 'Tidewater Labs',
      departments: ['Sensors'],
      title: 'Engineer',
      role: 'Mentor',
      birthday: '--04-12',
      emails: [`noor${size}@tidewater.example`],
      email_types: [{ types: [], pref: 0, label: 'Lab' }],
      phones: ['+1 312 555 0177'],
      phone_types: [{ types: ['cell'], pref: 1, label: '' }],
      addresses: [{ types: ['work'], street: '1 Pier Rd', locality: 'Chicago', region: 'IL', postal_code: '60601' }],
    });
    await page.goto(`${base}/contacts/${typed.id}`);
    await page.getByTestId('nickname').filter({ hasText: 'Nono' }).waitFor();
    await page.locator('.subtitle', { hasText: 'Engineer, Mentor at Tidewater Labs · Sensors' }).waitFor();
    await page.getByTestId('dates').filter({ hasText: 'Birthday April 12' }).waitFor();
    const types = await page.getByTestId('value-type').allTextContents();
    expect(types.includes('Lab'), `the email's label is missing: ${types}`);
    expect(types.includes('mobile · preferred'), `the phone's type is missing: ${types}`);
    await page.getByTestId('address').filter({ hasText: '1 Pier Rd' }).filter({ hasText: 'Chicago, IL 60601' }).waitFor();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const birthday = page.getByLabel('Birthday (YYYY-MM-DD, or --MM-DD without the year)');
    await birthday.fill('1990-04-12');
    await birthday.press('Enter');
    await page.getByTestId('dates').filter({ hasText: 'Birthday April 12, 1990' }).waitFor();
    await birthday.fill('April');
    await birthday.press('Enter');
    await page.locator('.field .error').waitFor();
  });

  // On the phone: a phone number's label changed and an address added in
  // the card's edit form, still there after a reload.
  if (size === '375') {
    await step(page, size, 'edit a phone label and add an address', async () => {
      const person = await api(page, 'POST', '/contacts', {
        name: `Ines${size} Marchetti`,
        phones: ['+1 312 555 0188', '+1 312 555 0189'],
        phone_types: [
          { types: ['cell'], pref: 1, label: '' },
          { types: ['work'], pref: 0, label: '' },
        ],
        custom: [{ label: 'raw EMAIL', value: `ines${size} at studio` }],
      });
      await page.goto(`${base}/contacts/${person.id}`);
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      const first = page.getByLabel('Label for +1 312 555 0188', { exact: true });
      expect((await first.inputValue()) === 'cell', 'the mobile phone should show as Mobile');
      await first.selectOption('custom');
      const custom = page.getByLabel('Custom label for +1 312 555 0188');
      await custom.fill('Studio line');
      await custom.press('Enter');
      await page.getByTestId('toast').filter({ hasText: 'Saved: Phone labels' }).first().waitFor();
      await page.getByLabel('Label for +1 312 555 0189', { exact: true }).selectOption('home');
      await page.waitForFunction(async (id) => {
        const card = await (await fetch(`/api/v1/contacts/${id}`)).json();
        return card.phone_types[1].types.includes('home');
      }, person.id);
      await checkAxe(page, 'the card edit form with labels');

      // A value an import set aside is on the card until it is fixed and removed.
      await page.getByTestId('other-fields').filter({ hasText: `ines${size} at studio` }).waitFor();
      await page.getByRole('button', { name: 'Remove raw EMAIL' }).click();
      await page.getByTestId('other-fields').waitFor({ state: 'detached' });

      await page.getByRole('button', { name: 'Add an address' }).click();
      const form = page.getByRole('group', { name: 'New address' });
      await form.getByLabel('Label for new address', { exact: true }).selectOption('work');
      await form.getByLabel('Street').fill('12 Canal St');
      await form.getByLabel('City').fill('Chicago');
      await form.getByLabel('State or region').fill('IL');
      await form.getByLabel('Postal code').fill('60606');
      await checkAxe(page, 'the new address form');
      const box = await form.boundingBox();
      expect(box && box.width <= 375, `the address form should fit the phone, is ${box && box.width} px wide`);
      await form.getByRole('button', { name: 'Save address' }).click();
      await page.getByRole('group', { name: 'Address 1' }).waitFor();

      await page.reload();
      await page.getByTestId('address').filter({ hasText: '12 Canal St' }).filter({ hasText: 'Chicago, IL 60606' }).waitFor();
      const types = await page.getByTestId('value-type').allTextContents();
      expect(types.includes('Studio line · preferred'), `the custom label should show after a reload: ${types}`);
      expect(types.includes('home'), `the second phone should be home after a reload: ${types}`);
      const card = await api(page, 'GET', `/contacts/${person.id}`);
      expect(card.addresses.length === 1 && card.addresses[0].types.join() === 'work', 'the address should be a work one');
      expect(card.phone_types[0].pref === 1, 'the preference should survive a label change');
      expect(card.custom.length === 0, 'the removed raw field should stay removed');
    });
  }

  // At both widths: the website's and a link's label and preference, and
  // an address's PO box, envelope label and preference, set in the edit
  // form and still there after a reload.
  await step(page, size, 'label a website and a link, and an address in full', async () => {
    const person = await api(page, 'POST', '/contacts', {
      name: `Oona${size} Lindqvist`,
      website: `https://oona${size}.example`,
      links: [{ kind: 'github', url: `https://github.com/oona${size}`, connected: false, followed: false }],
    });
    await page.goto(`${base}/contacts/${person.id}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const labels = page.getByRole('group', { name: 'Website and link labels' });
    // The custom label first: each save re-renders the pickers with the card.
    await labels.getByLabel(`Label for https://github.com/oona${size}`, { exact: true }).selectOption('custom');
    const custom = labels.getByLabel(`Custom label for https://github.com/oona${size}`);
    await custom.fill('Open source');
    await custom.press('Enter');
    await page.waitForFunction(async (id) => {
      const card = await (await fetch(`/api/v1/contacts/${id}`)).json();
      return card.links[0].label === 'Open source';
    }, person.id);
    await labels.getByLabel(`Label for https://oona${size}.example`, { exact: true }).selectOption('work');
    await page.waitForFunction(async (id) => {
      const card = await (await fetch(`/api/v1/contacts/${id}`)).json();
      return card.website_type.types.includes('work');
    }, person.id);
    await labels.getByLabel(`Preferred https://oona${size}.example`).check();
    await page.waitForFunction(async (id) => {
      const card = await (await fetch(`/api/v1/contacts/${id}`)).json();
      return card.website_type.pref === 1;
    }, person.id);
    await checkAxe(page, 'the website and link labels');

    await page.getByRole('button', { name: 'Add an address' }).click();
    const form = page.getByRole('group', { name: 'New address' });
    await form.getByLabel('Street').fill('4 Harbour Walk');
    await form.getByLabel('PO box').fill('311');
    await form.getByLabel('Apartment, suite').fill('Unit 2');
    await form.getByLabel('City').fill('Duluth');
    await form.getByLabel('Preferred new address').check();
    await form.getByLabel('As printed on an envelope (optional)').fill(`Oona Lindqvist\nPO Box 311\nDuluth MN`);
    await checkAxe(page, 'the address form with every part');
    const box = await form.boundingBox();
    expect(box && box.width <= Number(size), `the address form should fit ${size} px, is ${box && box.width} px wide`);
    await form.getByRole('button', { name: 'Save address' }).click();
    await page.getByRole('group', { name: 'Address 1' }).waitFor();

    await page.reload();
    await page.getByTestId('delivery-label').filter({ hasText: 'Oona Lindqvist / PO Box 311 / Duluth MN' }).waitFor();
    const types = await page.getByTestId('value-type').allTextContents();
    expect(types.includes('work · preferred'), `the website's label should show: ${types}`);
    expect(types.includes('Open source'), `the link's label should show: ${types}`);
    const card = await api(page, 'GET', `/contacts/${person.id}`);
    const address = card.addresses[0];
    expect(address.po_box === '311' && address.extended === 'Unit 2', `PO box and unit should be saved: ${JSON.stringify(address)}`);
    expect(address.pref === 1, 'the address should be the preferred one');
    expect(address.delivery_label === 'Oona Lindqvist\nPO Box 311\nDuluth MN', `the envelope label: ${address.delivery_label}`);
    expect(card.website_type.types.join() === 'work' && card.website_type.pref === 1, 'the website type should stay');
    expect(card.links[0].label === 'Open source', 'the link label should stay');
  });

  await step(page, size, 'edit says saved and clears a fixed error', async () => {
    await page.goto(`${base}/contacts/${id}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByLabel('Company').fill('Harbour Instruments Ltd');
    await page.getByLabel('Company').press('Enter');
    await page.getByTestId('toast').filter({ hasText: 'Saved: Company' }).waitFor();
    await page.locator('.subtitle', { hasText: 'Harbour Instruments Ltd' }).waitFor();
    const emails = page.getByLabel('Emails (comma-separated)');
    await emails.fill('not an email');
    await emails.press('Enter');
    const error = page.locator('.field .error');
    await error.waitFor();
    await emails.fill(`imre${size}@harbour.example`);
    await error.waitFor({ state: 'detached' });
    await emails.press('Enter');
  });

  await step(page, size, 'trash asks first and undoes', async () => {
    await page.goto(`${base}/contacts/${id}`);
    await page.getByRole('button', { name: 'Move to the trash…' }).click();
    await page.getByRole('button', { name: 'Yes, move to the trash' }).click();
    await page.locator('.trashed').waitFor();
    await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
    await page.locator('.trashed').waitFor({ state: 'detached' });
    const contact = await api(page, 'GET', `/contacts/${id}`);
    expect(!contact.trashed, 'Undo should restore the card');
  });

  await step(page, size, 'the trash page restores', async () => {
    await api(page, 'DELETE', `/contacts/${id}`);
    await page.goto(`${base}/trash`);
    const row = page.getByTestId('trash-list').locator('li', { hasText: name });
    await row.waitFor();
    await row.getByRole('button', { name: 'Restore' }).click();
    await row.waitFor({ state: 'detached' });
    await page.getByTestId('toast').filter({ hasText: `Restored ${name}` }).waitFor();
    const contact = await api(page, 'GET', `/contacts/${id}`);
    expect(!contact.trashed, 'Restore should bring the card back');
  });
}
