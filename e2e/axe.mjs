// axe-core (npm) run inside the page: any violation fails the step, listed
// by rule and element so the failure says what to fix.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../web/package.json', import.meta.url));
const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function checkAxe(page, where) {
  // Evaluated through the DevTools protocol, so the page's CSP does not apply.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
  });
  if (violations.length) throw new Error(`axe on ${where}: ${violations.join('; ')}`);
}
