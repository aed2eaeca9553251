// axe-core in the page, injected through the debugging protocol so the
// page's CSP stays strict. Every rule axe has runs: WCAG 2.2 A, AA and AAA,
// best practices, and the experimental ones (such as
// label-content-name-mismatch, WCAG 2.5.3).
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe on the whole document; returns the serious and critical violations. */
export async function audit(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const rules = Object.fromEntries(axe.getRules().map((r) => [r.ruleId, { enabled: true }]));
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { rules, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary.split('\n').slice(0, 2).join(' ')}`),
    }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
