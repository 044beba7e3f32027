// Phone basics, on every screen: nothing wider than the screen (at 320 px
// too), the tab bar within reach, 44 px touch targets, 16 px text in fields
// (iOS zooms into anything smaller); and kith installable as an app with an
// offline shell. At 1280 px and on a 768 px tablet: the same screens
// without overflow, the tabs all in view. Each width's screenshot is kept.
import { join } from 'node:path';
import { screens, visit } from './screens.mjs';

// What a thumb has to hit, measured in the page.
function measure() {
  const shown = (element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
  };
  const describe = (element) =>
    `${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''} "${(element.textContent || element.getAttribute('placeholder') || element.getAttribute('aria-label') || '').trim().slice(0, 30)}"`;
  const targets = [
    ...document.querySelectorAll(
      'button, a.button, nav a, select, input:not([type=checkbox]):not([type=radio]):not([type=range]):not([type=hidden])',
    ),
  ].filter(shown);
  const small = targets.filter((element) => element.getBoundingClientRect().height < 44).map(describe);
  const fields = [...document.querySelectorAll('input, select, textarea')].filter(shown);
  const tinyText = fields.filter((element) => parseFloat(getComputedStyle(element).fontSize) < 16).map(describe);
  const tabs = [...document.querySelectorAll('nav.tabs a')];
  const tabsOut = tabs.filter((tab) => tab.getBoundingClientRect().right > innerWidth + 0.5).map(describe);
  return {
    overflow: document.documentElement.scrollWidth - innerWidth,
    small,
    tinyText,
    tabsOut,
    tabCount: tabs.length,
  };
}

export async function phoneSteps({ page, size, base, step, expect, contactId, context, artifacts }) {
  // The phone pass checks a small phone too; the desk pass a tablet.
  const widths = size === '375' ? [375, 320] : [1280, 768];
  for (const screen of screens(contactId)) {
    await step(page, size, `fits the screen: ${screen.name}`, async () => {
      for (const width of widths) {
        await page.setViewportSize({ width, height: size === '375' ? 740 : 800 });
        await visit(page, base, screen);
        const found = await page.evaluate(measure);
        await page.screenshot({ path: join(artifacts, `${width}-layout-${screen.name}.png`) });
        expect(found.overflow <= 0, `${width} px: ${screen.name} is ${found.overflow} px wider than the screen`);
        expect(found.tabCount === 6 && found.tabsOut.length === 0, `${width} px: tabs off screen or missing (${found.tabCount} of People, Today, Event, Give, Import, Scan): ${found.tabsOut}`);
        if (size !== '375') continue;
        expect(found.small.length === 0, `${width} px: under 44 px tall: ${found.small.join(', ')}`);
        expect(found.tinyText.length === 0, `${width} px: fields under 16 px text: ${found.tinyText.join(', ')}`);
        const bar = await page.locator('nav.tabs').boundingBox();
        expect(bar && Math.abs(bar.y + bar.height - (await page.evaluate(() => innerHeight))) < 2, 'the tab bar should sit at the bottom');
      }
      await page.setViewportSize({ width: Number(size), height: size === '375' ? 740 : 800 });
      await visit(page, base, screen);
    });
  }

  await step(page, size, 'search placeholder fits the device', async () => {
    await visit(page, base, screens(contactId)[0]);
    const placeholder = (await page.getByRole('searchbox').getAttribute('placeholder')) ?? '';
    if (size === '375') expect(!placeholder.includes('press /'), `a phone has no / key to press: "${placeholder}"`);
    else expect(placeholder.includes('press /'), `the desk should learn the / key: "${placeholder}"`);
  });

  await step(page, size, 'installable, with an offline shell', async () => {
    await page.goto(`${base}/today`);
    await page.locator('h1#today-title').waitFor();
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector('link[rel="manifest"]');
      const body = await (await fetch(link.href)).json();
      const icons = await Promise.all(
        body.icons.map(async (icon) => {
          const response = await fetch(icon.src);
          const bitmap = await createImageBitmap(await response.blob());
          return { sizes: icon.sizes, type: response.headers.get('content-type'), width: bitmap.width };
        }),
      );
      return { ...body, icons };
    });
    expect(manifest.display === 'standalone' && manifest.start_url, 'the manifest should open standalone');
    for (const wanted of [192, 512]) {
      expect(
        manifest.icons.some((icon) => icon.width === wanted && icon.type === 'image/png'),
        `a ${wanted} px PNG icon is missing: ${JSON.stringify(manifest.icons)}`,
      );
    }
    const controlled = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      return true;
    });
    expect(controlled, 'the service worker did not start');
    try {
      await context.setOffline(true);
      await page.goto(`${base}/`);
      await page.getByRole('heading', { name: 'kith is offline' }).waitFor();
      await page.locator('nav.tabs').waitFor();
    } finally {
      await context.setOffline(false);
    }
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.locator('h1#list-title').waitFor();
  });
}
