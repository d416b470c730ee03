/**
 * axe-core in the page: its own bundle is evaluated there and run with the WCAG 2 A and AA rules
 * (colour contrast included); serious and critical findings are returned, each with where and why
 * (decision 0045).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Finding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
  /** axe's explanation for the first element, e.g. the two colours and their ratio. */
  summary: string;
}

/**
 * axe's serious and critical findings on the page as it is now: the whole page, or only the parts
 * matching `include` (CSS selectors), for a check of one new state of a page.
 */
export async function audit(p: Page, include?: string[]): Promise<Finding[]> {
  await p.evaluate(AXE_SOURCE);
  return p.evaluate(async (include) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(include ? { include: include.map((s) => [s]) } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
        summary: v.nodes[0]?.failureSummary ?? '',
      }));
  }, include);
}

export function describeFindings(where: string, findings: Finding[]): string[] {
  return findings.map(
    (f) =>
      `${where}: ${f.id} (${f.impact}) ${f.help}\n    ${f.targets.slice(0, 6).join('\n    ')}\n    ${f.summary}`,
  );
}
