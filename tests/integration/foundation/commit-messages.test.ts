/**
 * Issue 16 point 9: from 3 December 2026 on, each commit's subject is at most 72 characters and
 * a body says why. Reads the history with git (a process, so it lives under integration/); where
 * the checkout has no history (an exported tree), there is nothing to check.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
function history(): string | null {
  try {
    return execFileSync(
      'git',
      ['log', '--no-merges', '--since=2026-12-03T00:00:00Z', '--format=%h%x00%s%x00%b%x01'],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
  } catch {
    return null;
  }
}
const log = history();

test.skipIf(log === null)(
  'every commit since 3 December has a subject of at most 72 characters and a body',
  () => {
    const commits = (log ?? '')
      .split('\x01')
      .map((c) => c.replace(/^\n/, '').split('\x00'))
      .filter(([hash]) => hash);
    const bad = commits
      .filter(([, subject, body]) => subject!.length > 72 || !body?.trim())
      .map(([hash, subject]) => `${hash} ${subject}`);
    expect(bad).toEqual([]);
  },
);
