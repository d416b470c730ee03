/**
 * `lantern hint` and `lantern generate` with the real sandbox: a hint for a file of code (offline
 * and from the fake Claude API), and a generated pack that `lantern validate` accepts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run.ts';
import { startFakeAnthropic, textReply, type FakeAnthropic } from '../../fake-anthropic/server.ts';
import { STARTER } from './fixtures.ts';

const saved = { key: process.env.ANTHROPIC_API_KEY, url: process.env.ANTHROPIC_BASE_URL };
let fake: FakeAnthropic;
let dir: string;
beforeAll(async () => {
  fake = await startFakeAnthropic();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-cli-tutor-'));
  fs.writeFileSync(path.join(dir, 'clamp.py'), STARTER);
});
afterEach(() => {
  for (const [name, value] of [
    ['ANTHROPIC_API_KEY', saved.key],
    ['ANTHROPIC_BASE_URL', saved.url],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});
afterAll(async () => {
  await fake.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function lantern(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd: dir });
  return { code, out, err };
}

it('without a key, `lantern hint` checks the code and gives the hint computed from the failing test', async () => {
  delete process.env.ANTHROPIC_API_KEY;
  const { code, out, err } = await lantern(
    'hint',
    '--exercise',
    'clamp',
    '--code',
    'clamp.py',
    '--level',
    '2',
  );
  expect(code).toBe(0);
  expect(out).toContain('test_too_big_becomes_high');
  expect(out).toContain('It expected 10 but your code gave 42.');
  expect(err).toContain('Level 2 hint from your tests.');
}, 120_000);

it('with a key, `lantern hint` streams the tutor model hint to stdout', async () => {
  process.env.ANTHROPIC_API_KEY = 'sk-test';
  process.env.ANTHROPIC_BASE_URL = fake.url;
  fake.enqueue(textReply('What happens to a value above high?'));
  const { code, out, err } = await lantern('hint', '--exercise', 'clamp', '--code', 'clamp.py', '--no-run');
  expect(code).toBe(0);
  expect(out).toBe('What happens to a value above high?\n');
  expect(err).toContain('Level 1 hint from the AI tutor.');
  expect(fake.requests[0]?.body?.model).toBe('claude-haiku-4-5');
});

it('`lantern generate` writes a pack of checked problems that `lantern validate` accepts', async () => {
  const args = [
    '--track',
    'python',
    '--concept',
    'loops',
    '--count',
    '2',
    '--offline',
    '--out',
    'loops-pack',
  ];
  const made = await lantern('generate', ...args);
  expect(made.code).toBe(0);
  expect(made.out).toBe('Wrote 2 checked problems to loops-pack\n');
  expect(fs.readdirSync(path.join(dir, 'loops-pack', 'lessons'))).toHaveLength(2);
  const checked = await lantern('validate', 'loops-pack');
  expect(checked.out).toContain('2 exercises, all valid');
  expect(checked.code).toBe(0);
}, 180_000);

it('`lantern generate` names what is wrong with its arguments', async () => {
  const noConcept = await lantern('generate', '--track', 'python', '--concept', 'nope', '--out', 'x');
  expect(noConcept.code).toBe(2);
  expect(noConcept.err).toMatch(/^track "python" has no concept "nope"; it has: output-variables, /);
  const badCount = await lantern(
    'generate',
    '--track',
    'python',
    '--concept',
    'loops',
    '--count',
    '0',
    '--out',
    'x',
  );
  expect(badCount.err).toMatch(/^--count must be a whole number from 1 to 50 \(got 0\)/);
});
