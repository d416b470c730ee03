/**
 * Practice problems written by the model, end to end: the real SDK talks to the fake Messages API
 * (scripted tool calls), every answer is validated by running it in the real Node sandbox, and
 * a rejected one goes through the repair round (the validation report goes back to the model),
 * then the stronger model, then the offline generator. Nothing that fails validation is stored.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { produceExercise } from '../../../electron/core/practice/producer.ts';
import { GeneratedExerciseStore } from '../../../electron/core/practice/store.ts';
import { GENERATED_PROBLEM_TOOL } from '../../../electron/core/practice/problem.ts';
import { MODELS } from '../../../electron/core/tutor/models.ts';
import {
  errorReply,
  startFakeAnthropic,
  textReply,
  toolReply,
  type FakeAnthropic,
  type ReceivedRequest,
} from '../../fake-anthropic/server.ts';
import { BUILTIN_TEMPLATES, smallTrack } from '../../unit/practice/helpers.ts';
import { useSandbox } from '../runner-host/helpers.ts';
import { makeClient, tempDb } from './helpers.ts';

const sandbox = useSandbox();
let fake: FakeAnthropic;
let cleanup = () => {};
beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterEach(() => {
  fake.reset();
  cleanup();
});
afterAll(() => fake.close());

const GOOD = {
  title: 'Double it',
  statement: 'Write a function `double(n)` that returns twice `n`. For example, `double(4)` returns `8`.',
  module: 'double',
  starter: 'def double(n):\n    pass\n',
  solution: 'def double(n):\n    return n * 2\n',
  tests:
    'import unittest\nfrom double import double\n\n\nclass DoubleTest(unittest.TestCase):\n    def test_four_gives_eight(self):\n        self.assertEqual(double(4), 8)\n\n    def test_zero_stays_zero(self):\n        self.assertEqual(double(0), 0)\n\n    def test_negative_number_doubles(self):\n        self.assertEqual(double(-3), -6)\n',
  hints: [
    'What does "twice" mean as arithmetic?',
    'Multiplication does it in one step.',
    'Your function returns nothing yet: look at its last line.',
    'return the number times two',
  ],
  concepts: ['functions'],
  difficulty: 2,
};
const ZH_GOOD = {
  ...GOOD,
  title: '翻倍',
  statement: '写一个函数 `double(n)`，返回 `n` 的两倍。例如 `double(4)` 返回 `8`。',
  hints: [
    '“两倍”用算术怎么表示？',
    '乘法一步就能做到。',
    '你的函数还没有返回值：看看最后一行。',
    '返回这个数乘以二',
  ],
  tests:
    'import unittest\nfrom double import double\n\n\nclass DoubleTest(unittest.TestCase):\n    def test_四的两倍是八(self):\n        self.assertEqual(double(4), 8)\n\n    def test_零还是零(self):\n        self.assertEqual(double(0), 0)\n\n    def test_负数也翻倍(self):\n        self.assertEqual(double(-3), -6)\n',
};
const haiku = MODELS['haiku-4-5'].anthropic;
const sonnet = MODELS['sonnet-5-5'].anthropic;

async function produce(locale: 'en' | 'zh' = 'en', monthlyBudgetUsd?: number) {
  const t = tempDb();
  cleanup = t.cleanup;
  const { client } = makeClient(
    t.db,
    fake.url,
    monthlyBudgetUsd === undefined ? {} : { monthlyBudgetUsd },
    undefined,
    { maxRetries: 0 },
  );
  const store = new GeneratedExerciseStore(t.db);
  const produced = await produceExercise(
    { track: smallTrack('python'), concept: 'functions', difficulty: 2, locale },
    { store, run: (request) => sandbox.run(request), client, templates: BUILTIN_TEMPLATES, seed: () => 7 },
  );
  return { produced, store, usage: t.db };
}
const text = (req: ReceivedRequest | undefined) => JSON.stringify(req?.body?.messages ?? []);

describe('a practice problem from the model', () => {
  it('a good tool call is validated by running it, stored, and its cost recorded', async () => {
    fake.enqueue(toolReply(GENERATED_PROBLEM_TOOL, GOOD, { input_tokens: 900, output_tokens: 400 }));
    const { produced, usage } = await produce();
    expect(produced.stored).toMatchObject({ source: 'model', origin: haiku, concept: 'functions' });
    // Its tests caught every wrong version of the solution Lantern made.
    expect(produced.stored.mutationScore).toBe(1);
    expect(produced.stored.templateReason).toBeUndefined();
    expect(produced.stored.exercise.title.en).toBe('Double it');
    expect(produced.attempts.map((a) => [a.stage, a.report.ok])).toEqual([['first', true]]);
    expect(fake.requests[0]?.body?.tool_choice).toEqual({ type: 'tool', name: GENERATED_PROBLEM_TOOL });
    const row = usage.prepare('SELECT purpose, input_tokens, output_tokens, cost_usd FROM model_call').get();
    expect(row).toEqual({ purpose: 'practice', input_tokens: 900, output_tokens: 400, cost_usd: 0.0029 });
  });

  it('an answer without the tool call, then a problem whose solution fails, are repaired and escalated', async () => {
    fake.enqueue(
      textReply('Here is a nice problem about doubling numbers!'),
      toolReply(GENERATED_PROBLEM_TOOL, { ...GOOD, solution: 'def double(n):\n    return n + 2\n' }),
      // The stronger model answers in the JSON-schema output format (it refuses forced tools).
      textReply(JSON.stringify(GOOD)),
    );
    const { produced } = await produce();
    expect(produced.attempts.map((a) => [a.stage, a.report.ok])).toEqual([
      ['first', false],
      ['repair', false],
      ['escalation', true],
    ]);
    expect(produced.attempts[0]?.report.problems[0]?.message).toMatch(/did not call the tool/);
    expect(produced.attempts[1]?.report.problems.map((p) => p.check)).toContain('solution');
    // The repair round sent the validation report back; the escalation went to the stronger model.
    expect(text(fake.requests[1])).toContain('did not call the tool');
    expect(fake.requests.map((r) => r.body?.model)).toEqual([haiku, haiku, sonnet]);
    expect(fake.requests[2]?.body?.output_config).toBeDefined();
    expect(produced.stored).toMatchObject({ source: 'model', origin: sonnet });
  });

  it('bad JSON, a starter that already passes, and the wrong language end in the offline generator', async () => {
    fake.enqueue(
      toolReply(GENERATED_PROBLEM_TOOL, { ...GOOD, tests: ['not', 'a', 'file'] }),
      toolReply(GENERATED_PROBLEM_TOOL, { ...GOOD, starter: GOOD.solution }),
      textReply('{"title": "Double it", "statement": '),
    );
    const { produced, store } = await produce();
    expect(produced.attempts.map((a) => [a.stage, a.report.ok])).toEqual([
      ['first', false],
      ['repair', false],
      ['escalation', false],
    ]);
    expect(produced.attempts[0]?.report.problems[0]).toMatchObject({ check: 'schema' });
    expect(produced.attempts[1]?.report.problems.map((p) => p.check)).toContain('starter');
    expect(produced.attempts[2]?.report.problems[0]?.message).toMatch(/JSON/);
    expect(produced.stored.source).toBe('template');
    expect(produced.notice).toMatch(/did not pass Lantern's checks/);
    // The page says why, from a code stored with the template.
    expect(produced.templateReason).toBe('refused');
    expect(store.get(produced.stored.exercise.id)?.templateReason).toBe('refused');
    // Only the validated template problem was kept.
    expect(store.allForTrack('python').map((s) => s.source)).toEqual(['template']);

    fake.reset();
    fake.enqueue(
      toolReply(GENERATED_PROBLEM_TOOL, GOOD),
      toolReply(GENERATED_PROBLEM_TOOL, GOOD),
      textReply(JSON.stringify(GOOD)),
    );
    const chinese = await produce('zh');
    expect(chinese.produced.attempts[0]?.report.problems.map((p) => p.check)).toContain('language');
    expect(chinese.produced.stored.source).toBe('template');
  });

  it('tests that pass once and fail the next time are rejected as flaky', async () => {
    // The solution leaves a file behind when it loads: its second run sees it and answers wrong.
    const flaky =
      'import os\n\n_AGAIN = os.path.exists("/tmp/ran")\nopen("/tmp/ran", "w").close()\n\ndef double(n):\n    return n if _AGAIN else n * 2\n';
    fake.enqueue(
      toolReply(GENERATED_PROBLEM_TOOL, { ...GOOD, solution: flaky }),
      toolReply(GENERATED_PROBLEM_TOOL, GOOD),
    );
    const { produced } = await produce();
    expect(produced.attempts.map((a) => [a.stage, a.report.ok])).toEqual([
      ['first', false],
      ['repair', true],
    ]);
    expect(produced.attempts[0]?.report.problems.map((p) => p.check)).toContain('deterministic');
    expect(produced.stored.source).toBe('model');
  });

  it('a Chinese problem in Chinese is accepted', async () => {
    fake.enqueue(toolReply(GENERATED_PROBLEM_TOOL, ZH_GOOD));
    const { produced } = await produce('zh');
    expect(produced.stored).toMatchObject({ source: 'model', locale: 'zh' });
    expect(produced.stored.exercise.title.zh).toBe('翻倍');
  });

  it('a refused key goes straight to the offline generator and says why', async () => {
    fake.enqueue(errorReply(401));
    const { produced } = await produce();
    expect(produced.stored.source).toBe('template');
    expect(produced.notice).toMatch(/key/i);
    expect(produced.stored.templateReason).toBe('key-refused');
    expect(fake.requests).toHaveLength(1);
  });

  it('a problem the model refuses to write is not repaired: the offline generator makes one', async () => {
    fake.enqueue(textReply('I cannot help with that.', undefined, { stopReason: 'refusal' }));
    const { produced } = await produce();
    expect(produced.stored).toMatchObject({ source: 'template', templateReason: 'api-error' });
    expect(JSON.stringify(produced.stored)).not.toContain('I cannot help');
    expect(fake.requests).toHaveLength(1);
  });

  it('a rate limit, or a spent budget, is the reason the template gives', async () => {
    fake.enqueue(errorReply(429));
    const limited = await produce();
    expect(limited.produced.stored).toMatchObject({ source: 'template', templateReason: 'rate-limited' });
    fake.reset();
    const broke = await produce('en', 0);
    expect(broke.produced.stored).toMatchObject({ source: 'template', templateReason: 'budget' });
    // A spent budget is known before asking: no call is made.
    expect(fake.requests).toHaveLength(0);
  });
});
