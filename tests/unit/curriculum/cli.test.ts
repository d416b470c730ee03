import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../../electron/cli/run.ts';
import { validateCommand } from '../../../electron/cli/commands/validate.ts';
import { commands } from '../../../electron/cli/commands/index.ts';
import { honestRunner } from './fake-runner.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const printed = new Map([['for i in range(3):\n    print(i)\n', '0\n1\n2\n']]);

async function lantern(...argv: string[]) {
  let out = '';
  let err = '';
  const registry = [
    validateCommand(honestRunner(printed).runner),
    ...commands.filter((c) => c.name !== 'validate'),
  ];
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd: ROOT }, registry);
  return { code, out, err };
}

describe('lantern validate', () => {
  test('a good pack: exit 0 and a one-line summary', async () => {
    const { code, out } = await lantern('validate', 'tests/fixtures/packs/good-python');
    expect(code).toBe(0);
    expect(out).toBe(
      '✓ fixture-python (tests/fixtures/packs/good-python): 5 exercises, all valid (5 code runs, ' +
        out.split('runs, ')[1],
    );
  });

  test('a broken pack: exit 1 and one line per error with file, line and field', async () => {
    const { code, out } = await lantern('validate', 'tests/fixtures/packs/broken-python');
    expect(code).toBe(1);
    expect(out.split('\n').slice(0, 2)).toEqual([
      'tests/fixtures/packs/broken-python/lessons/too-hard.md:6: difficulty: must be at most 10',
      'tests/fixtures/packs/broken-python/track.yaml:9: concepts[0].prerequisites[0]: no concept "variables" in this track',
    ]);
    expect(out).toMatch(
      /✗ broken-python \(tests\/fixtures\/packs\/broken-python\): 2 errors; 0 exercises loaded/,
    );
  });

  test('--json gives machines the same errors', async () => {
    const { code, out } = await lantern('validate', 'tests/fixtures/packs/broken-python', '--json');
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(report.ok).toBe(false);
    expect(report.packs[0].errors[0]).toEqual({
      file: 'tests/fixtures/packs/broken-python/lessons/too-hard.md',
      line: 6,
      field: 'difficulty',
      message: 'must be at most 10',
      code: 'at-most',
      params: { limit: 10 },
    });
  });

  test('a lesson that uses what a later lesson teaches: a warning for a pack, an error with --strict', async () => {
    const pack = 'tests/fixtures/packs/out-of-order-python';
    const lenient = await lantern('validate', pack, '--no-run');
    expect(lenient.code).toBe(0);
    const lines = lenient.out.trim().split('\n');
    expect(lines[0]).toMatch(
      /^warning: tests\/fixtures\/packs\/out-of-order-python\/lessons\/shout-twice\.md:11: solution: line 2 of the solution uses a function definition \(`def`\), introduced by the concept "functions"/,
    );
    expect(lines[1]).toMatch(/^warning: .*shout-twice\.md:13: solution: line 4 .* a loop \(`for`\)/);
    expect(lines[2]).toMatch(/^✓ fixture-order \(.*\): 3 exercises, valid with 2 warnings/);

    const strict = await lantern('validate', pack, '--no-run', '--strict');
    expect(strict.code).toBe(1);
    expect(strict.out).toMatch(
      /^tests\/fixtures\/packs\/out-of-order-python\/lessons\/shout-twice\.md:11: solution: /,
    );
    expect(strict.out).toMatch(/✗ fixture-order \(.*\): 2 errors; 3 exercises loaded/);
  });

  test('a path that does not exist', async () => {
    const { code, out } = await lantern('validate', 'no/such/pack');
    expect(code).toBe(1);
    expect(out).toContain('no/such/pack: no such folder or zip file');
  });

  test('no path, an unknown option, an unknown command: usage errors (exit 2)', async () => {
    expect((await lantern('validate')).code).toBe(2);
    expect((await lantern('validate', 'x', '--frobnicate')).err).toMatch(/Unknown option '--frobnicate'/);
    expect(await lantern('frobnicate')).toMatchObject({
      code: 2,
      err: expect.stringContaining('unknown command "frobnicate"'),
    });
  });
});
