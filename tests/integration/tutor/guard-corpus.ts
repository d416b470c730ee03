/**
 * The guard's corpus (tests/fixtures/hints/{hostile,honest}.yaml) run through the real hint path:
 * the real SDK against the fake Messages API, the real sandbox, one case at a time. Shared by the
 * integration test and `bench/leak-guard.ts`.
 *
 * A hostile case's "⟦" marks where its giveaway starts. What the guard released is always a prefix
 * of the model's answer, so a leak was shown exactly when the released text reaches past "⟦".
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Exercise, UiLocale } from '../../../shared/content/schema.ts';
import type { SecondOpinion } from '../../../electron/core/tutor/guard/index.ts';
import { requestHint, type Hint } from '../../../electron/core/tutor/hints.ts';
import type { HintLevel } from '../../../electron/core/tutor/prompt.ts';
import type { ClaudeClient } from '../../../electron/core/tutor/client.ts';
import { JUDGE_TOOL } from '../../../electron/core/tutor/guard/second-opinion.ts';
import {
  textReply,
  toolReply,
  type FakeAnthropic,
  type FakeReply,
  type ReceivedRequest,
} from '../../fake-anthropic/server.ts';
import { memoryLog } from './helpers.ts';
import type { RunCode } from '../../../shared/runner/protocol.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/hints');
const MARK = '⟦';

export interface CorpusCase {
  id: string;
  exercise: string;
  code?: string;
  level: HintLevel;
  followUp?: string;
  locale: UiLocale;
  dress?: string;
  text: string;
  retry?: string;
  hostile: boolean;
}

export function loadCorpus(): CorpusCase[] {
  const read = (file: string, hostile: boolean) =>
    (parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')) as Omit<CorpusCase, 'hostile'>[]).map((c) => ({
      ...c,
      hostile,
    }));
  return [...read('hostile.yaml', true), ...read('honest.yaml', false)];
}

/** The answer as the model writes it, and how much of it may be shown. */
function answer(text: string): { text: string; safe: number } {
  const at = text.indexOf(MARK);
  return { text: text.replace(MARK, ''), safe: at === -1 ? Number.POSITIVE_INFINITY : at };
}

/** What the fake answers: the case's text (its retry once told why), and the judge's verdict. */
export interface Script {
  current?: CorpusCase;
  /** 'fooled': the judge always says the hint is fine (the rules alone must catch every leak). */
  judge: 'fooled' | 'strict';
  chunkSize: number;
  chunkDelayMs: number;
}

const tokensOf = (s: string) => Math.ceil(s.length / 4);

export function corpusReplies(script: Script): (req: ReceivedRequest) => FakeReply {
  return (req) => {
    const body = JSON.stringify(req.body ?? {});
    const inputTokens = tokensOf(body);
    if (body.includes(JUDGE_TOOL)) {
      return toolReply(
        JUDGE_TOOL,
        { gives_away: script.judge === 'strict', reason: 'scripted' },
        { input_tokens: inputTokens, output_tokens: 40 },
      );
    }
    const c = script.current;
    const retry = body.includes('was not shown because');
    const text = answer((retry ? c?.retry : undefined) ?? c?.text ?? 'No case.').text;
    return textReply(
      text,
      { input_tokens: inputTokens, output_tokens: tokensOf(text) + 5 },
      { chunkSize: script.chunkSize, chunkDelayMs: script.chunkDelayMs },
    );
  };
}

export interface CaseResult {
  id: string;
  hostile: boolean;
  dress?: string;
  hint: Hint;
  /** Hostile: released text reached the giveaway, in any attempt. */
  leakShown: boolean;
  /** Honest: the learner did not get the hint as written. */
  refused: boolean;
  /** ms from the model's first text to the first words released (undefined: nothing released). */
  addedBeforeFirstWords?: number;
}

export interface CorpusDeps {
  fake: FakeAnthropic;
  script: Script;
  client: ClaudeClient;
  runTests?: RunCode;
  /** undefined: the model second opinion through `client`; false: the rules alone. */
  secondOpinion?: SecondOpinion | false;
  secondOpinionFor?: 'unsure' | 'every';
  exercise: (track: string, id: string) => Promise<Exercise>;
}

export async function runCase(deps: CorpusDeps, c: CorpusCase): Promise<CaseResult> {
  const [track = '', id = ''] = c.exercise.split('/');
  const exercise = await deps.exercise(track, id);
  deps.script.current = c;
  const firstSent = deps.fake.requests.length;
  const deltasBefore = deps.fake.sentDeltas.length;
  const attempts: string[] = [''];
  let firstShownAt: number | undefined;
  const hint = await requestHint(
    {
      client: deps.client,
      runTests: deps.runTests,
      log: memoryLog().log,
      ...(deps.secondOpinion === false ? { secondOpinion: false } : {}),
      ...(deps.secondOpinionFor ? { secondOpinionFor: deps.secondOpinionFor } : {}),
    },
    {
      exercise,
      code: c.code ?? exercise.starter,
      hintsGiven: [],
      level: c.level,
      locale: c.locale,
      ...(c.followUp ? { followUp: c.followUp } : {}),
    },
    {
      onText: (t) => {
        firstShownAt ??= performance.now();
        attempts[attempts.length - 1] += t;
      },
      onRestart: () => attempts.push(''),
    },
  );
  const answers = [answer(c.text), answer(c.retry ?? c.text)];
  // Restarts happen only after something was shown, so attempt i of the released text is the
  // i-th answer that released anything; compare each with the longest safe prefix.
  const leakShown =
    c.hostile &&
    attempts.some((shown) =>
      answers.some((a) => a.text.startsWith(shown) && shown.trim() && shown.length > a.safe),
    );
  const firstDelta = deps.fake.sentDeltas
    .slice(deltasBefore)
    .find((d) => d.text && deps.fake.requests.length > firstSent);
  return {
    id: c.id,
    hostile: c.hostile,
    dress: c.dress,
    hint,
    leakShown,
    refused: !c.hostile && (hint.kind !== 'model' || hint.text !== answers[0]?.text.trim()),
    ...(firstShownAt !== undefined && firstDelta
      ? { addedBeforeFirstWords: firstShownAt - firstDelta.sentAt }
      : {}),
  };
}
