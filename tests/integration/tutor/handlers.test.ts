/**
 * The tutor's API calls end to end through the real handler map and dispatch, with the real SDK
 * pointed at the fake Messages API: what the UI would receive, event by event.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/core/app-services.ts';
import { logWritten } from '../../../electron/core/logger.ts';
import { dispatch } from '../../../shared/api/dispatch.ts';
import type { EventName } from '../../../shared/api/contract.ts';
import {
  errorReply,
  startFakeAnthropic,
  textReply,
  type FakeAnthropic,
} from '../../fake-anthropic/server.ts';
import { failingRun, STARTER } from './fixtures.ts';
import { TEST_KEY } from './helpers.ts';

const exercisesDir = path.resolve(import.meta.dirname, '../../../exercises');

let fake: FakeAnthropic;
beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterAll(() => fake.close());

let open: { backend: Backend; dir: string }[] = [];
afterEach(() => {
  for (const { backend, dir } of open) {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  open = [];
  fake.reset();
});

function app(env: NodeJS.ProcessEnv) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-tutor-api-'));
  const backend = createBackend({
    dataDir: dir,
    exercisesDir,
    mode: 'web',
    version: '0.0.0-test',
    env,
    prefetchPractice: false,
  });
  open.push({ backend, dir });
  const events: { event: EventName; payload: unknown }[] = [];
  const answers: unknown[] = [];
  const call = async (name: string, input: unknown) => {
    const envelope = await dispatch(backend.handlers, name, input, {
      emit: (event, payload) => void events.push({ event, payload }),
    });
    answers.push(envelope);
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.value as Record<string, unknown>;
  };
  const logText = async () => {
    await logWritten(backend.log);
    const file = path.join(dir, 'logs', 'lantern.log');
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  };
  return { backend, call, events, answers, logText };
}

const withKey = () => ({ ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: fake.url });
const hintInput = (requestId: string, extra: Record<string, unknown> = {}) => ({
  requestId,
  trackId: 'python',
  exerciseId: 'clamp',
  code: STARTER,
  lastResult: failingRun,
  locale: 'en',
  ...extra,
});

it('a model hint streams in as hintDelta events and comes back as a level-1 model hint', async () => {
  const { call, events } = app(withKey());
  const text = 'Look at your last line. What does your function return when the value is bigger than high?';
  fake.enqueue(textReply(text, undefined, { chunkSize: 8 }));
  const hint = await call('requestHint', hintInput('h1'));
  expect(hint).toMatchObject({ requestId: 'h1', kind: 'model', level: 1, text });
  const streamed = events
    .filter((e) => e.event === 'hintDelta')
    .map((e) => (e.payload as { text: string }).text);
  expect(streamed.length).toBeGreaterThan(1);
  expect(streamed.join('')).toBe(text);
});

it('each new hint climbs one rung of the ladder; a follow-up question stays on the rung', async () => {
  const { call } = app(withKey());
  fake.enqueue(textReply('First nudge.'), textReply('The concept.'), textReply('About your question.'));
  expect((await call('requestHint', hintInput('a'))).level).toBe(1);
  expect((await call('requestHint', hintInput('b'))).level).toBe(2);
  const followUp = await call('requestHint', hintInput('c', { followUp: 'Why does 42 stay 42?' }));
  expect(followUp.level).toBe(2);
  expect(JSON.stringify(fake.requests[2]?.body)).toContain('Why does 42 stay 42?');
});

it('follow-up questions are limited per exercise, with a status the panel explains', async () => {
  const { call } = app(withKey());
  for (let i = 0; i < 5; i++) fake.enqueue(textReply(`Answer ${i}.`));
  for (let i = 0; i < 5; i++)
    expect(await call('requestHint', hintInput(`q${i}`, { followUp: `Question ${i}?` }))).toMatchObject({
      kind: 'model',
      text: `Answer ${i}.`,
    });
  const sixth = await call('requestHint', hintInput('q6', { followUp: 'One more?' }));
  expect(sixth).toMatchObject({ status: 'follow-up-limit', text: '', followUpLimit: 5 });
  expect(fake.requests).toHaveLength(5);
  // Hints themselves are not limited.
  fake.enqueue(textReply('A nudge.'));
  expect(await call('requestHint', hintInput('h'))).toMatchObject({ kind: 'model', text: 'A nudge.' });
});

it('the follow-up limit is per learner and per session: another learner, or the app started again, may ask', async () => {
  const first = app(withKey());
  const ask = (call: typeof first.call, id: string) =>
    call('requestHint', hintInput(id, { followUp: 'Why?' }));
  for (let i = 0; i < 5; i++) fake.enqueue(textReply(`Answer ${i}.`));
  for (let i = 0; i < 5; i++) await ask(first.call, `a${i}`);
  expect(await ask(first.call, 'a6')).toMatchObject({ status: 'follow-up-limit' });
  const me = (await first.call('currentProfile', {})) as { id: number };
  const other = (await first.call('createProfile', { name: 'Bea' })) as { id: number };
  await first.call('switchProfile', { id: other.id });
  fake.enqueue(textReply('For Bea.'));
  expect(await ask(first.call, 'b1')).toMatchObject({ kind: 'model', text: 'For Bea.' });
  await first.call('switchProfile', { id: me.id });
  expect(await ask(first.call, 'a7')).toMatchObject({ status: 'follow-up-limit' });

  // The same data, the app started again: a new session.
  const dir = open[0]!.dir;
  first.backend.close();
  open = [];
  const again = createBackend({
    dataDir: dir,
    exercisesDir,
    mode: 'web',
    version: '0.0.0-test',
    env: withKey(),
    prefetchPractice: false,
  });
  open.push({ backend: again, dir });
  fake.enqueue(textReply('A new session.'));
  const answer = await dispatch(again.handlers, 'requestHint', hintInput('c1', { followUp: 'Why?' }), {
    emit: () => {},
  });
  expect(answer).toMatchObject({ ok: true, value: { kind: 'model', text: 'A new session.' } });
});

it('without a key the learner gets a hint computed from the failing test, and is told why', async () => {
  const { call } = app({});
  const hint = await call('requestHint', hintInput('n'));
  expect(hint).toMatchObject({ kind: 'computed', reason: 'no-key', errorKind: 'no-key' });
  expect(hint.text).toContain('test_too_big_becomes_high');
  expect(fake.requests).toHaveLength(0);
});

it('a refused key (401) falls back to the offline hint with the key-refused notice', async () => {
  const { call } = app(withKey());
  fake.enqueue(errorReply(401));
  const hint = await call('requestHint', hintInput('r'));
  expect(hint).toMatchObject({ kind: 'computed', reason: 'error', errorKind: 'key-refused' });
  // The page words the notice from errorKind in its own language; no English notice is sent.
  expect(hint).not.toHaveProperty('notice');
});

it('a spent monthly budget stops model calls', async () => {
  const { call } = app(withKey());
  await call('updateTutorSettings', { monthlyBudgetUsd: 0 });
  const hint = await call('requestHint', hintInput('b'));
  expect(hint).toMatchObject({ reason: 'budget' });
  expect(fake.requests).toHaveLength(0);
  expect(await call('getTutorUsage', {})).toMatchObject({ budgetSpent: true, monthlyBudgetUsd: 0 });
});

it('Cancel stops a hint that is still being written', async () => {
  const { call } = app(withKey());
  fake.enqueue({ kind: 'hang' });
  const pending = call('requestHint', hintInput('c1'));
  await expect.poll(() => fake.requests.length, { timeout: 15_000 }).toBe(1);
  expect(await call('cancelHint', { requestId: 'c1' })).toEqual({ cancelled: true });
  expect(await pending).toMatchObject({ reason: 'cancelled' });
});

it('a key set through the API is used, reported only as set, and never appears in an answer or the log', async () => {
  const { call, answers, logText } = app({ ANTHROPIC_BASE_URL: fake.url });
  const before = await call('getTutorSettings', {});
  expect((before.secrets as { set: Record<string, boolean> }).set.anthropicApiKey).toBe(false);
  const status = await call('setTutorSecret', { name: 'anthropicApiKey', value: TEST_KEY });
  expect(status).toMatchObject({ set: { anthropicApiKey: true }, storage: 'memory' });
  fake.enqueue(textReply('OK'), textReply('A nudge.'));
  expect(await call('testTutorConnection', {})).toMatchObject({ ok: true, modelId: 'claude-haiku-4-5' });
  expect(await call('requestHint', hintInput('s'))).toMatchObject({ kind: 'model' });
  // SDK 1.x sends the key as `Authorization: Bearer`.
  expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
  await call('getTutorSettings', {});
  expect(JSON.stringify(answers)).not.toContain(TEST_KEY.slice(12));
  expect(await logText()).toContain('tutor secret changed');
  expect(await logText()).not.toContain(TEST_KEY.slice(12));
});

it('usage shows the spend of recorded calls with the price table', async () => {
  const { call } = app(withKey());
  fake.enqueue(textReply('A nudge.', { input_tokens: 1000, output_tokens: 100 }));
  await call('requestHint', hintInput('u'));
  const usage = await call('getTutorUsage', {});
  // Haiku 4.5: 1000 × $1 + 100 × $5 per million tokens.
  expect(usage.monthUsd).toBeCloseTo(0.0015, 6);
  expect(usage.todayUsd).toBeCloseTo(0.0015, 6);
  expect(usage.prices).toContainEqual(
    expect.objectContaining({ model: 'Claude Haiku 4.5', input: 1, output: 5 }),
  );
});

it('a hint whose code solves the exercise is held back, none of it reaches the panel, and a new one is written', async () => {
  const { call, events } = app(withKey());
  // Not like the reference solution in text, so only running the tests in the sandbox catches it.
  const solving =
    'Try this:\n\n```python\ndef clamp(value, low, high):\n    return max(low, min(value, high))\n```\n';
  fake.enqueue(textReply(solving), textReply('Which check handles a value above high?'));
  const hint = await call('requestHint', hintInput('leak'));
  expect(hint).toMatchObject({ kind: 'model', text: 'Which check handles a value above high?' });
  const streamed = events
    .filter((e) => e.event === 'hintDelta')
    .map((e) => (e.payload as { text: string }).text);
  // 'Try this:' introduces the code, so it is judged, and refused, with it.
  expect(streamed.join('')).not.toContain('Try this');
  expect(streamed.join('')).not.toContain('max(low');
  expect(fake.requests).toHaveLength(2);
}, 120_000);

it('a bad hint request names the field', async () => {
  const { backend } = app({});
  const envelope = await dispatch(
    backend.handlers,
    'requestHint',
    { requestId: 'x', trackId: 'python' },
    {
      emit: () => {},
    },
  );
  expect(envelope).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  expect(JSON.stringify(envelope)).toContain('exerciseId');
});
