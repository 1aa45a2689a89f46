// axe-core is a UMD script: loaded as a module it has no default export, but it installs
// `window.axe`. Import it for that side effect and take the typed global.
import 'axe-core';

type Axe = typeof import('axe-core');

/**
 * Runs axe-core on `element` (its shadow tree included) and fails with every violation listed:
 * rule, impact, help text and the offending nodes.
 */
export async function expectAccessible(
  element: Element,
  options: import('axe-core').RunOptions = {},
): Promise<void> {
  const axe = (globalThis as unknown as { axe: Axe }).axe;
  const results = await axe.run(element, { resultTypes: ['violations'], ...options });
  if (results.violations.length === 0) return;
  const report = results.violations
    .map(
      (v) =>
        `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n` +
        v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n'),
    )
    .join('\n');
  throw new Error(`axe found ${results.violations.length} violation(s):\n${report}`);
}
