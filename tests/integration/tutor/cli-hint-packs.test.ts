/**
 * `lantern hint` reaches every exercise: those of installed packs (in the data folder) and of a
 * pack folder given with --pack, checking the learner's code against the tests first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run.ts';

const PACK = path.resolve(import.meta.dirname, '../../fixtures/packs/good-python');
const saved = { key: process.env.ANTHROPIC_API_KEY, data: process.env.LANTERN_DATA_DIR };
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-cli-hint-'));
  fs.writeFileSync(path.join(dir, 'double.py'), 'def double(n):\n    return n + 2\n');
  delete process.env.ANTHROPIC_API_KEY;
  process.env.LANTERN_DATA_DIR = path.join(dir, 'data');
});
afterAll(() => {
  if (saved.key !== undefined) process.env.ANTHROPIC_API_KEY = saved.key;
  if (saved.data === undefined) delete process.env.LANTERN_DATA_DIR;
  else process.env.LANTERN_DATA_DIR = saved.data;
  fs.rmSync(dir, { recursive: true, force: true });
});

async function lantern(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd: dir });
  return { code, out, err };
}

it('gives a hint on an exercise of a pack folder, after running the code against its tests', async () => {
  const { code, out, err } = await lantern(
    'hint',
    '--pack',
    PACK,
    '--exercise',
    'double',
    '--code',
    'double.py',
  );
  expect(code).toBe(0);
  expect(err).toContain('Checked: 0 of 2 tests pass (fail).');
  expect(out).toContain('test_three" fails.');
  expect(out).toContain('It expected 6 but your code gave 5.');
  expect(out).toContain('What do you get when you add a number to itself?');
}, 120_000);

it('finds an exercise of an installed pack without --pack', async () => {
  fs.cpSync(PACK, path.join(dir, 'data', 'packs', 'fixture-python'), { recursive: true });
  const { code, out } = await lantern(
    'hint',
    '--exercise',
    'double',
    '--code',
    'double.py',
    '--no-run',
    '--level',
    '2',
  );
  expect(code).toBe(0);
  expect(out).toContain('Multiplication is written with `*` in Python.');
});

it('says when the ladder has no more rungs offline, and names the exercises a pack has', async () => {
  const four = await lantern(
    'hint',
    '--pack',
    PACK,
    '--exercise',
    'double',
    '--code',
    'double.py',
    '--no-run',
    '--level',
    '4',
  );
  expect(four.out).toContain('There are no more hints for this exercise.');
  const missing = await lantern('hint', '--pack', PACK, '--exercise', 'nope', '--code', 'double.py');
  expect(missing.code).toBe(2);
  expect(missing.err).toContain('the pack "fixture-python"');
  expect(missing.err).toContain('has no exercise "nope" (it has: ');
  expect(missing.err).toContain('double');
});
