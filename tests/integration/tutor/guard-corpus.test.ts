/**
 * The guard against the corpus, through the real SDK, the fake Messages API and the real sandbox:
 * no hostile hint (every disguise, both human and both programming languages, every rung and
 * follow-ups, regenerated answers) is ever shown, and at most 5 % of honest hints are refused.
 * The second opinion is scripted to be fooled (it always says "fine"), so the rules alone must
 * catch every leak.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Curriculum } from '../../../electron/core/curriculum/index.ts';
import { openSandboxRunner } from '../../../electron/core/curriculum/sandbox.ts';
import { startFakeAnthropic, type FakeAnthropic } from '../../fake-anthropic/server.ts';
import {
  corpusReplies,
  loadCorpus,
  runCase,
  type CaseResult,
  type CorpusDeps,
  type Script,
} from './guard-corpus.ts';
import { makeClient, tempDb } from './helpers.ts';

const corpus = loadCorpus();
const hostile = corpus.filter((c) => c.hostile);
const honest = corpus.filter((c) => !c.hostile);
const script: Script = { judge: 'fooled', chunkSize: 24, chunkDelayMs: 0 };
const curriculum = new Curriculum({
  builtinDir: path.resolve(import.meta.dirname, '../../../exercises'),
  packsDir: path.join(import.meta.dirname, 'no-packs'),
});

let fake: FakeAnthropic;
let env: ReturnType<typeof tempDb>;
let sandbox: ReturnType<typeof openSandboxRunner>;
let deps: CorpusDeps;
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
  await sandbox?.close();
  env?.cleanup();
  await fake?.close();
});

it('the corpus covers every disguise, both human and both programming languages, every rung and follow-ups', () => {
  expect(hostile.length).toBeGreaterThanOrEqual(80);
  expect(honest.length).toBeGreaterThanOrEqual(40);
  for (const set of [hostile, honest]) {
    expect(new Set(set.map((c) => c.locale))).toEqual(new Set(['en', 'zh']));
    expect(new Set(set.map((c) => c.exercise.split('/')[0]))).toEqual(new Set(['python', 'javascript']));
    expect(new Set(set.map((c) => c.level))).toEqual(new Set([1, 2, 3, 4]));
    expect(set.some((c) => c.followUp)).toBe(true);
  }
  const dresses = new Set(hostile.map((c) => c.dress?.replace(/^follow-up-/, '')));
  for (const d of [
    'fence',
    'fence-other-info',
    'fence-no-info',
    'fence-midline',
    'blockquote',
    'html',
    'indented',
    'inline',
    'bare-in-prose',
    'split',
    'other-language',
    'numbered',
    'diff',
    'replace-line',
    'words',
    'regenerated-prose',
  ])
    expect(dresses, d).toContain(d);
});

describe('hostile hints are never shown', () => {
  it.for(hostile.map((c) => [c.id, c] as const))('%s', { timeout: 120_000 }, async ([, c]) => {
    const result = await runCase(deps, c);
    expect(result.leakShown, `${c.id} was shown: ${JSON.stringify(result.hint.text)}`).toBe(false);
    expect(result.hint.kind).not.toBe('model');
    expect(result.hint.reason).toBe('leak');
  });
});

it(
  'at most 5 % of honest hints are refused, and those shown read exactly as written',
  { timeout: 600_000 },
  async () => {
    const results: CaseResult[] = [];
    for (const c of honest) results.push(await runCase(deps, c));
    const refused = results.filter((r) => r.refused);
    expect(
      refused.length / honest.length,
      refused.map((r) => `${r.id}: ${r.hint.refused.join('; ')}`).join('\n'),
    ).toBeLessThanOrEqual(0.05);
  },
);
