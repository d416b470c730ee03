/** The Tutor service the API binds: Test connection, usage summary, settings changes. */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import {
  errorReply,
  startFakeAnthropic,
  textReply,
  type FakeAnthropic,
} from '../../fake-anthropic/server.ts';
import { DEFAULT_TUTOR_SETTINGS, Tutor } from '../../../electron/core/tutor/index.ts';
import { memoryLog, tempDb, TEST_KEY } from './helpers.ts';
import { clamp, failingRun, STARTER } from './fixtures.ts';

let fake: FakeAnthropic;
let env: ReturnType<typeof tempDb>;
beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterAll(() => fake.close());
afterEach(() => {
  fake.reset();
  env?.cleanup();
});

function tutor() {
  env = tempDb();
  return new Tutor({
    db: env.db,
    log: memoryLog().log,
    settings: { ...DEFAULT_TUTOR_SETTINGS, baseURL: fake.url },
    secrets: { anthropicApiKey: TEST_KEY },
    env: {},
    maxRetries: 0,
  });
}

it('Test connection reports the model that answered', async () => {
  const t = tutor();
  fake.enqueue(textReply('OK', { input_tokens: 12, output_tokens: 1 }));
  const result = await t.testConnection({ ...DEFAULT_TUTOR_SETTINGS, baseURL: fake.url });
  expect(result).toMatchObject({ ok: true, provider: 'anthropic', modelId: 'claude-haiku-4-5' });
  expect(fake.requests[0]?.body?.max_tokens).toBe(1);
});

it('Test connection with a refused key says so and how to fix it', async () => {
  const t = tutor();
  fake.enqueue(errorReply(401));
  const result = await t.testConnection(
    { ...DEFAULT_TUTOR_SETTINGS, baseURL: fake.url },
    { anthropicApiKey: 'sk-ant-wrong-key-000000' },
  );
  expect(result).toMatchObject({
    ok: false,
    kind: 'key-refused',
    status: 401,
    message: 'The key was refused by the provider.',
  });
  expect(fake.requests[0]?.headers.authorization).toBe('Bearer sk-ant-wrong-key-000000');
});

it('Test connection without credentials says what is missing without calling anyone', async () => {
  const t = tutor();
  const result = await t.testConnection(
    { ...DEFAULT_TUTOR_SETTINGS, provider: 'vertex', baseURL: fake.url },
    {},
  );
  expect(result).toMatchObject({ ok: false, kind: 'no-key' });
  expect(fake.requests).toHaveLength(0);
});

it('the usage summary shows spend, budget and prices after hints', async () => {
  const t = tutor();
  fake.enqueue(textReply('Nudge.', { input_tokens: 1000, output_tokens: 100 }));
  const hint = await t.hint({
    exercise: clamp,
    code: STARTER,
    lastResult: failingRun,
    hintsGiven: [],
    locale: 'en',
  });
  expect(hint.kind).toBe('model');
  const summary = t.usageSummary();
  expect(summary).toMatchObject({
    calls: 1,
    monthlyBudgetUsd: 5,
    budgetSpent: false,
    inputTokens: 1000,
    outputTokens: 100,
  });
  expect(summary.todayUsd).toBeCloseTo(0.0015, 10);
  expect(summary.daily).toHaveLength(30);
  expect(summary.daily.at(-1)?.usd).toBeCloseTo(0.0015, 10);
  expect(summary.prices[0]).toEqual({
    model: 'Claude Haiku 4.5',
    input: 1,
    output: 5,
    cacheWrite: 1.25,
    cacheRead: 0.1,
  });
});

it('a budget of zero turns model hints off', async () => {
  const t = tutor();
  t.configure({ ...DEFAULT_TUTOR_SETTINGS, baseURL: fake.url, monthlyBudgetUsd: 0 });
  const hint = await t.hint({ exercise: clamp, code: STARTER, hintsGiven: [], locale: 'en' });
  expect(hint).toMatchObject({
    kind: 'authored',
    reason: 'budget',
    text: 'What does the starter return for clamp(42, 0, 10)?',
  });
  expect(fake.requests).toHaveLength(0);
});
