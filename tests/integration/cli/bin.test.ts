/** The `lantern` bin as a person runs it: a real Node process, its output and exit code. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('the lantern bin', () => {
  test('the bin shim runs the TypeScript CLI and passes on the exit code', () => {
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['bin/lantern.js', ...args], { cwd: ROOT, encoding: 'utf8' });
    const broken = run(['validate', '--no-run', 'tests/fixtures/packs/broken-python']);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('lessons/too-hard.md:6: difficulty: must be at most 10');
    expect(run(['validate', '--no-run', 'tests/fixtures/packs/good-python']).status).toBe(0);
    expect(run(['--help']).stdout).toContain('validate');
  });
});
