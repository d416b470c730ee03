/**
 * Generated problems whose tests test: a corpus of broken model answers (tests/fixtures/
 * generated-problems/hostile.ts) goes through the real SDK, the fake Messages API and the real
 * sandbox, and none is stored; the learner gets a template and is told why. Good problems in both
 * languages are stored with their mutation score.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { produceExercise } from '../../../electron/core/practice/producer.ts';
import { GeneratedExerciseStore } from '../../../electron/core/practice/store.ts';
import { GENERATED_PROBLEM_TOOL } from '../../../electron/core/practice/problem.ts';
import { MIN_MUTATION_SCORE } from '../../../electron/core/practice/model-checks.ts';
import { startFakeAnthropic, toolReply, type FakeAnthropic } from '../../fake-anthropic/server.ts';
import { GOOD, type Brief } from '../../fixtures/generated-problems/good.ts';
import { HOSTILE, SAME_CODE_PAIR } from '../../fixtures/generated-problems/hostile.ts';
import { BUILTIN_TEMPLATES, smallTrack } from '../../unit/practice/helpers.ts';
import { useSandbox } from '../runner-host/helpers.ts';
import { makeClient, tempDb } from './helpers.ts';

const sandbox = useSandbox();
let fake: FakeAnthropic;
const cleanups: (() => void)[] = [];
beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterEach(() => {
  fake.reset();
  for (const c of cleanups.splice(0)) c();
});
afterAll(() => fake.close());

/** One problem asked for; the model answers with whatever was enqueued (first try and repair). */
async function produce(brief: Brief) {
  const t = tempDb();
  cleanups.push(t.cleanup);
  // No stronger model: the repair round is the last model answer.
  const { client } = makeClient(t.db, fake.url, { escalationModel: 'haiku-4-5' }, undefined, {
    maxRetries: 0,
  });
  const store = new GeneratedExerciseStore(t.db);
  const produced = await produceExercise(
    {
      track: smallTrack(brief.language),
      concept: brief.concept,
      difficulty: brief.difficulty,
      locale: brief.locale,
    },
    { store, run: (request) => sandbox.run(request), client, templates: BUILTIN_TEMPLATES, seed: () => 11 },
  );
  return { produced, store };
}

describe('a broken generated answer is never stored', () => {
  test.each(HOSTILE.map((c) => [c.name, c] as const))('%s', async (_name, hostile) => {
    fake.enqueue(
      toolReply(GENERATED_PROBLEM_TOOL, hostile.problem),
      toolReply(GENERATED_PROBLEM_TOOL, hostile.problem),
    );
    const { produced, store } = await produce(hostile.brief);
    const checks = produced.attempts.map((a) => a.report.problems.map((p) => p.check));
    expect(checks, JSON.stringify(produced.attempts.map((a) => a.report.problems))).toHaveLength(2);
    expect(
      checks[0]?.some((c) => hostile.expect.includes(c)),
      JSON.stringify(produced.attempts[0]?.report.problems),
    ).toBe(true);
    expect(produced.stored.source).toBe('template');
    expect(produced.templateReason).toBe('refused');
    expect(store.allForTrack(hostile.brief.language).filter((s) => s.source === 'model')).toEqual([]);
  });
});

describe('a good generated problem is stored with its mutation score', () => {
  test.each(GOOD.map((c) => [c.name, c] as const))('%s', async (_name, good) => {
    fake.enqueue(toolReply(GENERATED_PROBLEM_TOOL, good.problem));
    const { produced } = await produce(good.brief);
    expect(produced.attempts.map((a) => a.report.problems)).toEqual([[]]);
    expect(produced.stored).toMatchObject({ source: 'model', locale: good.brief.locale });
    expect(produced.stored.mutationScore).toBeGreaterThanOrEqual(MIN_MUTATION_SCORE);
    expect(produced.stored.exercise.title[good.brief.locale]).toBe(good.problem.title);
  });

  test('two problems with the same code but another title get their own ids', async () => {
    const [a, b] = SAME_CODE_PAIR;
    fake.enqueue(toolReply(GENERATED_PROBLEM_TOOL, a.problem));
    const first = await produce(a.brief);
    fake.enqueue(toolReply(GENERATED_PROBLEM_TOOL, b.problem));
    const second = await produce(b.brief);
    expect(first.produced.stored.source).toBe('model');
    expect(second.produced.stored.source).toBe('model');
    expect(second.produced.stored.exercise.id).not.toBe(first.produced.stored.exercise.id);
  });
});
