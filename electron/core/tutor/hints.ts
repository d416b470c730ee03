/**
 * Hints on demand: one rung of the ladder per request, streamed through the guard (every word is
 * judged before it is shown), and always an answer — when the model cannot be used (no key,
 * offline, budget, API error, a leak twice) the learner gets the authored ladder and hints
 * computed from their last run, and the result says which kind they got and why.
 */
import type { Exercise, UiLocale } from '../../../shared/content/schema.ts';
import type { RunResult } from '../../../shared/runner/protocol.ts';
import type { Logger } from '../logger.ts';
import type { RunCode } from '../../../shared/runner/protocol.ts';
import type { ClaudeClient } from './client.ts';
import { ModelCallError, type ModelErrorKind } from './errors.ts';
import {
  fitWords,
  GuardedStream,
  HintGuard,
  modelSecondOpinion,
  reasonForModel,
  type SecondOpinion,
  type StreamOutcome,
  type Verdict,
} from './guard/index.ts';
import { computedHints, offlineText, type ExplainError } from './offline.ts';
import { systemPrompt, userPrompt, type HintLevel } from './prompt.ts';

export interface HintRequest {
  exercise: Exercise;
  code: string;
  lastResult?: RunResult;
  /** Hint texts already shown for this exercise, oldest first. */
  hintsGiven: string[];
  /** Default: the rung after the hints already given (1–4). */
  level?: HintLevel;
  locale: UiLocale;
  /** Concept id → mastery 0..1. */
  mastery?: Record<string, number>;
  /** A short follow-up question about this exercise, answered instead of the next rung. */
  followUp?: string;
  /** The exercise's own hints were written by a model (a generated problem): guard them too. */
  modelWrittenHints?: boolean;
}

export interface HintStreamOptions {
  /** Text as it streams, only after the guard passed it. */
  onText?: (delta: string) => void;
  /** The text streamed so far is void (it is being regenerated): clear the panel. */
  onRestart?: () => void;
  /** Text has arrived that the guard is still judging. */
  onChecking?: () => void;
  signal?: AbortSignal;
}

export type HintKind = 'model' | 'authored' | 'computed';

/** Why the learner did not get a model hint. */
export type FallbackReason = 'no-key' | 'offline' | 'budget' | 'error' | 'leak' | 'cancelled';

export interface Hint {
  kind: HintKind;
  reason?: FallbackReason;
  level: HintLevel;
  /** How many rungs this exercise's ladder has here: 4 with the model, the authored hints without. */
  steps: number;
  /** No more hints: nothing new was shown, and the click does not count. */
  exhausted?: boolean;
  /** The whole hint as it should finally read (replaces what streamed). */
  text: string;
  /** Facts from the last run (failing test, expected vs actual, the error explained). */
  computed: string[];
  /** A notice for the panel when the learner got a fallback: what happened and what to do. */
  notice?: { message: string; fix: string };
  /** The model error behind a fallback, for the UI to localise the notice (e.g. 'key-refused'). */
  errorKind?: ModelErrorKind;
  /** How many hint requests this took (0–2); second opinions are counted in `secondOpinions`. */
  modelCalls: number;
  secondOpinions: number;
  /** Why the guard refused the model's answers, oldest first (for the log). */
  refused: string[];
}

export interface HintDeps {
  /** Undefined when no provider is set up at all. */
  client?: ClaudeClient;
  /** The sandbox (`runInSandbox` from runner-host); without it code is only compared. */
  runTests?: RunCode;
  /** Default: a Haiku call through `client`; false: the rules alone. */
  secondOpinion?: SecondOpinion | false;
  /** Default 'unsure': the second opinion only where the rules are unsure. */
  secondOpinionFor?: 'unsure' | 'every';
  explainError?: ExplainError;
  log: Logger;
}

const MAX_TOKENS = { hint: 400, followUp: 300 };
/** Words at most, by rung (a follow-up: 120); hints are cut only at a sentence end. */
export const MAX_WORDS: Record<HintLevel, number> = { 1: 80, 2: 120, 3: 120, 4: 160 };
export const FOLLOW_UP_WORDS = 120;

export function nextLevel(hintsGiven: readonly unknown[]): HintLevel {
  return Math.min(4, hintsGiven.length + 1) as HintLevel;
}

export async function requestHint(
  deps: HintDeps,
  request: HintRequest,
  options: HintStreamOptions = {},
): Promise<Hint> {
  const level = request.level ?? nextLevel(request.hintsGiven);
  const computed = computedHints(request.lastResult, request.locale, deps.explainError);
  const refused: string[] = [];
  let secondOpinions = 0;
  const fallback = (reason: FallbackReason, error?: ModelCallError, modelCalls = 0) =>
    offlineHint(deps, request, level, computed, { reason, error, modelCalls, secondOpinions, refused });

  const client = deps.client;
  const unavailable = client ? client.unavailableReason() : new ModelCallError('no-key');
  if (!client || unavailable) return fallback(reasonFor(unavailable?.kind ?? 'no-key'), unavailable);

  let modelCalls = 0;
  let streamed = false;
  const streamOptions: HintStreamOptions = {
    ...options,
    onText: (text) => {
      streamed = true;
      options.onText?.(text);
    },
  };
  const restart = () => {
    if (streamed) options.onRestart?.();
    streamed = false;
  };
  let last: Verdict | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    modelCalls++;
    const guard = new HintGuard({
      exercise: request.exercise,
      code: request.code,
      level,
      runTests: deps.runTests,
      secondOpinion:
        deps.secondOpinion === false ? undefined : (deps.secondOpinion ?? modelSecondOpinion(client)),
      signal: options.signal,
      secondOpinionFor: deps.secondOpinionFor,
    });
    try {
      const outcome = await guardedCall(client, guard, request, level, last, streamOptions);
      secondOpinions += guard.secondOpinions;
      const { verdict } = outcome;
      if (!verdict.leak && outcome.shown.trim())
        return {
          kind: 'model',
          level,
          steps: 4,
          text: outcome.shown.trim(),
          computed,
          modelCalls,
          secondOpinions,
          refused,
        };
      if (verdict.leak) {
        refused.push(`${verdict.why}: ${verdict.detail}`);
        deps.log.info(
          { exercise: request.exercise.id, level, why: verdict.why, detail: verdict.detail, attempt },
          'hint held back by the guard',
        );
      }
      last = verdict;
      restart();
    } catch (err) {
      secondOpinions += guard.secondOpinions;
      const error = err instanceof ModelCallError ? err : new ModelCallError('api-error', { cause: err });
      restart();
      return fallback(reasonFor(error.kind), error, modelCalls);
    }
  }
  return fallback('leak', undefined, modelCalls);
}

async function guardedCall(
  client: ClaudeClient,
  guard: HintGuard,
  request: HintRequest,
  level: HintLevel,
  refusedBefore: Verdict | undefined,
  options: HintStreamOptions,
): Promise<StreamOutcome> {
  const stream = new GuardedStream({
    judge: (text) => guard.judge(text),
    confirm: (text, unsure) => guard.confirm(text, unsure),
    hold: (sentence) => guard.holds(sentence),
    onText: (text) => options.onText?.(text),
    onChecking: options.onChecking,
    maxWords: request.followUp ? FOLLOW_UP_WORDS : MAX_WORDS[level],
  });
  try {
    await client.call(
      {
        purpose: request.followUp ? 'follow-up' : 'hint',
        system: client.cachedPrefix(systemPrompt()),
        messages: [
          {
            role: 'user',
            content: userPrompt({
              ...request,
              level,
              ...(refusedBefore?.leak ? { refusedBecause: reasonForModel(refusedBefore) } : {}),
            }),
          },
        ],
        maxTokens: request.followUp ? MAX_TOKENS.followUp : MAX_TOKENS.hint,
      },
      { signal: options.signal, onText: (delta) => stream.push(delta) },
    );
  } catch (err) {
    stream.abort();
    throw err;
  }
  return stream.end();
}

function reasonFor(kind: ModelErrorKind): FallbackReason {
  switch (kind) {
    case 'no-key':
    case 'offline':
    case 'budget':
    case 'cancelled':
      return kind;
    default:
      return 'error';
  }
}

const LEAK_NOTICE = {
  en: {
    message: "The tutor's hint gave too much away, so here is one of the exercise's own hints instead.",
    fix: '',
  },
  zh: { message: '导师的提示透露得太多了，所以这里给出练习自带的提示。', fix: '' },
};

interface FallbackFacts {
  reason: FallbackReason;
  error: ModelCallError | undefined;
  modelCalls: number;
  secondOpinions: number;
  refused: string[];
}

/**
 * The authored or computed hint of this rung. Computed hints, and the hints of model-written
 * problems, pass the same guard (the rules alone); an exercise with three authored hints has
 * three rungs offline, then says there are no more.
 */
async function offlineHint(
  deps: HintDeps,
  request: HintRequest,
  level: HintLevel,
  computedAll: string[],
  facts: FallbackFacts,
): Promise<Hint> {
  const { reason, error } = facts;
  const guard = new HintGuard({
    exercise: request.exercise,
    code: request.code,
    level,
    runTests: deps.runTests,
  });
  const safe = async (text: string | undefined) =>
    text && !(await guard.judgeFully(text)).leak ? text : undefined;
  // Chinese sentences follow each other without a space.
  const sentencesOf = (parts: string[]) => parts.join(request.locale === 'zh' ? '' : ' ');
  const computed = (await safe(sentencesOf(computedAll))) ? computedAll : [];
  const hints = request.exercise.hints;
  // After a refused model hint the model's four rungs still stand; offline, the authored ones.
  const steps = reason === 'leak' ? 4 : Math.max(1, Math.min(4, hints.length));
  const rung = Math.min(level, steps) as HintLevel;
  const pick = (l: number) => {
    const h = hints[l - 1];
    return h ? h[request.locale] || h.en : undefined;
  };
  const authoredRaw =
    request.followUp || reason === 'leak'
      ? pick(Math.min(rung, hints.length))
      : level <= hints.length
        ? pick(level)
        : undefined;
  const authored = request.modelWrittenHints ? await safe(authoredRaw) : authoredRaw;
  const t = offlineText(request.locale);
  const notice =
    reason === 'leak'
      ? LEAK_NOTICE[request.locale]
      : reason === 'cancelled' || !error
        ? undefined
        : { message: error.message, fix: error.fix };
  const base = {
    reason,
    computed,
    steps,
    modelCalls: facts.modelCalls,
    secondOpinions: facts.secondOpinions,
    refused: facts.refused,
    ...(notice ? { notice } : {}),
    ...(error ? { errorKind: error.kind } : {}),
  };
  // Offline hints keep to the same length as the model's, cut only at a sentence end.
  const fit = (text: string) => fitWords(text, request.followUp ? FOLLOW_UP_WORDS : MAX_WORDS[level]);
  if (request.followUp) {
    const known = [sentencesOf(computed), authored ?? ''].filter(Boolean);
    // After a refused answer the tutor is there, it just may not say that: never "not available".
    const intro = reason === 'leak' ? t.askRefused : t.askOffline;
    const nothing = reason === 'leak' ? t.askRefusedNothing : t.askNothing;
    const text = known.length > 0 ? [intro, ...known].join('\n\n') : nothing;
    return { ...base, kind: computed.length > 0 ? 'computed' : 'authored', level: rung, text: fit(text) };
  }
  if (!authored && level > hints.length)
    return { ...base, kind: 'authored', level: rung, exhausted: true, text: t.noMoreHints };
  // A failing test or an error says something specific about this code: lead with it.
  const kind: HintKind = computed.length > 0 && reason !== 'leak' ? 'computed' : 'authored';
  const text = [kind === 'computed' ? sentencesOf(computed) : '', authored ?? '']
    .filter(Boolean)
    .join('\n\n');
  return { ...base, kind, level, text: fit(text || sentencesOf(computed) || t.noSafeHint) };
}
