/**
 * The guard against cases its builders have not seen (issue 10: "build for the categories, not for
 * the examples"): tests/fixtures/hints/unseen-{hostile,honest}.yaml and
 * tests/fixtures/generated-problems/unseen-hostile.ts, through the same path as guard-corpus.test.ts
 * — the real hint path, the real SDK against the fake Messages API, the real sandbox.
 *
 * Hostile hints are judged twice: with the second opinion scripted to be fooled (the rules alone
 * must hold, as in guard-corpus.test.ts), and with a strict second opinion (what the app does when
 * the Haiku check sees through it). Honest hints must reach the learner exactly as written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Curriculum } from '../../../electron/core/curriculum/index.ts';
import { openSandboxRunner } from '../../../electron/core/curriculum/sandbox.ts';
import { produceExercise } from '../../../electron/core/practice/producer.ts';
import { GeneratedExerciseStore } from '../../../electron/core/practice/store.ts';
import { GENERATED_PROBLEM_TOOL } from '../../../electron/core/practice/problem.ts';
import { startFakeAnthropic, toolReply, type FakeAnthropic } from '../../fake-anthropic/server.ts';
import { UNSEEN_HOSTILE, WHITESPACE_TWIN } from '../../fixtures/generated-problems/unseen-hostile.ts';
import type { Brief } from '../../fixtures/generated-problems/good.ts';
import { BUILTIN_TEMPLATES, smallTrack } from '../../unit/practice/helpers.ts';
import { corpusReplies, runCase, type CorpusCase, type CorpusDeps, type Script } from './guard-corpus.ts';
import { makeClient, tempDb } from './helpers.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/hints');
const read = (file: string, hostile: boolean): CorpusCase[] =>
  (parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')) as Omit<CorpusCase, 'hostile'>[]).map((c) => ({
    ...c,
    hostile,
  }));
const hostile = read('unseen-hostile.yaml', true);
const honest = read('unseen-honest.yaml', false);
const MARK = '⟦';

const script: Script = { judge: 'fooled', chunkSize: 24, chunkDelayMs: 0 };
const curriculum = new Curriculum({
  builtinDir: path.resolve(import.meta.dirname, '../../../exercises'),
  packsDir: path.join(import.meta.dirname, 'no-packs'),
});

let fake: FakeAnthropic;
let env: ReturnType<typeof tempDb>;
let sandbox: ReturnType<typeof openSandboxRunner>;
let deps: CorpusDeps;
const cleanups: (() => void)[] = [];
beforeAll(async () => {
  fake = await startFakeAnthropic({ fallback: corpusReplies(script) });
  env = tempDb();
  sandbox = openSandboxRunner(1);
  const { client } = makeClient(env.db, fake.url, { monthlyBudgetUsd: 1000 }, undefined, {
    maxRetries: 0,
    timeoutMs: 30_000,
  });
  deps = {
    fake,
    script,
    client,
    runTests: sandbox.runner,
    exercise: async (track, id) => {
      const view = await curriculum.exercise(track, id);
      if (!view) throw new Error(`no exercise ${track}/${id}`);
      return view.exercise;
    },
  };
});
afterAll(async () => {
  for (const c of cleanups.splice(0)) c();
  await sandbox?.close();
  env?.cleanup();
  await fake?.close();
});

/** The giveaway as the learner would read it: the text from the mark on. */
const giveaway = (text: string) => text.slice(text.indexOf(MARK) + MARK.length).trim();

it('the unseen corpus covers both human and both programming languages, every rung, follow-ups and regenerations', () => {
  expect(hostile.length).toBeGreaterThanOrEqual(45);
  expect(honest.length).toBeGreaterThanOrEqual(30);
  for (const set of [hostile, honest]) {
    expect(new Set(set.map((c) => c.locale))).toEqual(new Set(['en', 'zh']));
    expect(new Set(set.map((c) => c.exercise.split('/')[0]))).toEqual(new Set(['python', 'javascript']));
    expect(new Set(set.map((c) => c.level))).toEqual(new Set([1, 2, 3, 4]));
    expect(set.some((c) => c.followUp)).toBe(true);
  }
  expect(hostile.filter((c) => c.retry).length).toBeGreaterThanOrEqual(3);
  for (const c of hostile) {
    expect(c.text, c.id).toContain(MARK);
    if (c.retry) expect(c.retry, c.id).toContain(MARK);
  }
  expect(new Set(hostile.map((c) => c.id)).size + new Set(honest.map((c) => c.id)).size).toBe(
    hostile.length + honest.length,
  );
});

describe('an unseen hostile hint never reaches the learner (the rules alone: the second opinion is fooled)', () => {
  it.for(hostile.map((c) => [c.id, c] as const))('%s', { timeout: 120_000 }, async ([, c]) => {
    script.judge = 'fooled';
    const result = await runCase(deps, c);
    expect(result.leakShown, `${c.id} (${c.dress}) was shown: ${JSON.stringify(result.hint.text)}`).toBe(
      false,
    );
    expect(
      result.hint.kind,
      `${c.id} (${c.dress}) reached the learner: ${JSON.stringify(result.hint.text)}`,
    ).not.toBe('model');
    expect(result.hint.reason).toBe('leak');
    // The learner gets the authored or computed hint of that rung instead, never the refused text.
    expect(result.hint.text.trim()).not.toBe('');
    expect(result.hint.text).not.toContain(giveaway(c.text));
  });
});

describe('an unseen hostile hint never reaches the learner (with a strict second opinion)', () => {
  it.for(hostile.map((c) => [c.id, c] as const))('%s', { timeout: 120_000 }, async ([, c]) => {
    script.judge = 'strict';
    try {
      const result = await runCase(deps, c);
      expect(result.leakShown, `${c.id} (${c.dress}) was shown: ${JSON.stringify(result.hint.text)}`).toBe(
        false,
      );
      expect(result.hint.kind).not.toBe('model');
    } finally {
      script.judge = 'fooled';
    }
  });
});

describe('an unseen honest hint reaches the learner exactly as written', () => {
  it.for(honest.map((c) => [c.id, c] as const))('%s', { timeout: 120_000 }, async ([, c]) => {
    script.judge = 'fooled';
    const result = await runCase(deps, c);
    expect(result.refused, `${c.id} was refused: ${result.hint.refused.join('; ')}`).toBe(false);
    expect(result.hint.kind).toBe('model');
    expect(result.hint.text).toBe(c.text.trim());
  });
});

/** One problem asked for, into `db`; the model answers with whatever was enqueued. */
async function produce(brief: Brief, db: ReturnType<typeof tempDb>['db']) {
  const { client } = makeClient(db, fake.url, { escalationModel: 'haiku-4-5' }, undefined, { maxRetries: 0 });
  const store = new GeneratedExerciseStore(db);
  const produced = await produceExercise(
    {
      track: smallTrack(brief.language),
      concept: brief.concept,
      difficulty: brief.difficulty,
      locale: brief.locale,
    },
    { store, run: sandbox.runner, client, templates: BUILTIN_TEMPLATES, seed: () => 11 },
  );
  return { produced, store };
}

describe('an unseen broken generated problem is refused with a reason', () => {
  it.for(UNSEEN_HOSTILE.map((c) => [c.name, c] as const))('%s', { timeout: 300_000 }, async ([, c]) => {
    const t = tempDb();
    cleanups.push(t.cleanup);
    fake.enqueue(toolReply(GENERATED_PROBLEM_TOOL, c.problem), toolReply(GENERATED_PROBLEM_TOOL, c.problem));
    try {
      const { produced, store } = await produce(c.brief, t.db);
      const first = produced.attempts[0]?.report.problems ?? [];
      expect(
        store.allForTrack(c.brief.language).filter((s) => s.source === 'model'),
        `${c.name} was stored (${c.why}); checks said ${JSON.stringify(first)}`,
      ).toEqual([]);
      expect(produced.stored.source).toBe('template');
      expect(produced.templateReason).toBe('refused');
      expect(first.length, `${c.name}: refused without a reason`).toBeGreaterThan(0);
      expect(
        first.some((p) => c.expect.includes(p.check)),
        `${c.name}: expected one of ${c.expect.join(', ')}, got ${JSON.stringify(first)}`,
      ).toBe(true);
    } finally {
      fake.reset();
    }
  });

  it(
    'the same problem again with only whitespace changed is not stored a second time',
    { timeout: 300_000 },
    async () => {
      const t = tempDb();
      cleanups.push(t.cleanup);
      const [original, twin] = WHITESPACE_TWIN;
      fake.enqueue(toolReply(GENERATED_PROBLEM_TOOL, original.problem));
      const first = await produce(original.brief, t.db);
      fake.reset();
      expect(first.produced.stored.source).toBe('model');
      fake.enqueue(
        toolReply(GENERATED_PROBLEM_TOOL, twin.problem),
        toolReply(GENERATED_PROBLEM_TOOL, twin.problem),
      );
      const second = await produce(twin.brief, t.db);
      fake.reset();
      const models = second.store.allForTrack('python').filter((s) => s.source === 'model');
      expect(models.map((s) => s.exercise.title.en)).toEqual([original.problem.title]);
    },
  );
});
