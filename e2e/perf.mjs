// Speed at 100,000 people, measured in the browser: the first contentful
// paint of the list (median of three loads) within 500 ms, and the results
// on screen within 100 ms of each keystroke (median over a word typed).
export async function perfSteps({ page, size, base, step, expect, log }) {
  await step(page, size, 'first paint and keystroke to results', async () => {
    const paints = [];
    for (let load = 0; load < 3; load++) {
      await page.goto(`${base}/`);
      await page.locator('.viewport .row .cell.name a').first().waitFor();
      paints.push(
        await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity),
      );
    }
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const typed = await page.evaluate(async (word) => {
      const input = document.querySelector('input[type=search]');
      const grid = document.querySelector('.grid');
      const times = [];
      for (let end = 1; end <= word.length; end++) {
        const prefix = word.slice(0, end);
        const shown = new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (grid.dataset.resultsFor === prefix) {
              observer.disconnect();
              resolve(performance.now());
            }
          });
          observer.observe(grid, { attributes: true, attributeFilter: ['data-results-for'] });
        });
        const started = performance.now();
        input.value = prefix;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        times.push((await shown) - started);
        await new Promise((resolve) => setTimeout(resolve, 120));
      }
      return times;
    }, 'marti');
    log(`${size}: first contentful paint ${paints.map(Math.round).join(', ')} ms; keystroke to results ${typed.map(Math.round).join(', ')} ms`);
    expect(median(paints) <= 500, `first contentful paint ${Math.round(median(paints))} ms (over 500)`);
    expect(median(typed) <= 100, `results ${Math.round(median(typed))} ms after a keystroke (over 100)`);
  });
}
