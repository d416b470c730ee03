/**
 * Hints on demand: one rung of the ladder per request, streamed, checked by the leak guard, and
 * always an answer — when the model cannot be used (no key, offline, budget, API error, a leak
 * twice) the learner gets the authored ladder and hints computed from their last run, and the
 * result says which kind they got and why.
 */
import type { Exercise, UiLocale } from '../../../shared/content/schema.ts';
import type { RunResult } from '../../../shared/runner/protocol.ts';
import type { Logger } from '../logger.ts';
import type { ClaudeClient } from './client.ts';
import { ModelCallError, type ModelErrorKind } from './errors.ts';
import { HeldCodeStream, checkCodeBlock, type LeakVerdict, type RunTests } from './leak-guard.ts';
import { authoredHint, computedHints, type ExplainError } from './offline.ts';
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
}

export interface HintStreamOptions {
  /** Prose as it streams; code blocks arrive only after the leak guard passed them. */
  onText?: (delta: string) => void;
  /** The text streamed so far is void (it is being regenerated): clear the panel. */
  onRestart?: () => void;
  signal?: AbortSignal;
}

export type HintKind = 'model' | 'authored' | 'computed';

/** Why the learner did not get a model hint. */
export type FallbackReason = 'no-key' | 'offline' | 'budget' | 'error' | 'leak' | 'cancelled';

export interface Hint {
  kind: HintKind;
  reason?: FallbackReason;
  level: HintLevel;
  /** The whole hint as it should finally read (replaces what streamed). */
  text: string;
  /** Facts from the last run (failing test, expected vs actual, the error explained). */
  computed: string[];
  /** A notice for the panel when the learner got a fallback: what happened and what to do. */
  notice?: { message: string; fix: string };
  /** The model error behind a fallback, for the UI to localise the notice (e.g. 'key-refused'). */
  errorKind?: ModelErrorKind;
  /** How many model requests this hint took (0–2). */
  modelCalls: number;
}

export interface HintDeps {
  /** Undefined when no provider is set up at all. */
  client?: ClaudeClient;
  /** The sandbox (`runInSandbox` from runner-host); without it only near-solution is checked. */
  runTests?: RunTests;
  explainError?: ExplainError;
  log: Logger;
}

const MAX_TOKENS = { hint: 400, followUp: 300 };

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
  const fallback = (reason: FallbackReason, error?: ModelCallError, modelCalls = 0): Hint =>
    offlineHint(request, level, computed, reason, error, modelCalls);

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
  for (const strict of [false, true]) {
    modelCalls++;
    try {
      const { text, verdict } = await guardedCall(client, deps, request, level, strict, streamOptions);
      if (!verdict.leak) return { kind: 'model', level, text: text.trim(), computed, modelCalls };
      deps.log.info(
        { exercise: request.exercise.id, level, why: verdict.why, strict },
        'hint held back by the leak guard',
      );
      restart();
    } catch (err) {
      const error = err instanceof ModelCallError ? err : new ModelCallError('api-error', { cause: err });
      restart();
      return fallback(reasonFor(error.kind), error, modelCalls);
    }
  }
  return fallback('leak', undefined, modelCalls);
}

async function guardedCall(
  client: ClaudeClient,
  deps: HintDeps,
  request: HintRequest,
  level: HintLevel,
  strict: boolean,
  options: HintStreamOptions,
): Promise<{ text: string; verdict: LeakVerdict }> {
  const shown: string[] = [];
  const guard = new HeldCodeStream(
    (text) => {
      shown.push(text);
      options.onText?.(text);
    },
    (block) => checkCodeBlock(block, request.exercise, deps.runTests),
  );
  await client.call(
    {
      purpose: request.followUp ? 'follow-up' : 'hint',
      system: client.cachedPrefix(systemPrompt()),
      messages: [{ role: 'user', content: userPrompt({ ...request, level, strict }) }],
      maxTokens: request.followUp ? MAX_TOKENS.followUp : MAX_TOKENS.hint,
    },
    { signal: options.signal, onText: (delta) => guard.push(delta) },
  );
  const verdict = await guard.end();
  return { text: shown.join(''), verdict };
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

function offlineHint(
  request: HintRequest,
  level: HintLevel,
  computed: string[],
  reason: FallbackReason,
  error: ModelCallError | undefined,
  modelCalls: number,
): Hint {
  const authored = authoredHint(request.exercise, level, request.locale);
  // A failing test or an error says something specific about this code: lead with it.
  const kind: HintKind = computed.length > 0 && reason !== 'leak' ? 'computed' : 'authored';
  const text = [kind === 'computed' ? computed.join(' ') : '', authored ?? ''].filter(Boolean).join('\n\n');
  const notice =
    reason === 'leak'
      ? LEAK_NOTICE[request.locale]
      : reason === 'cancelled' || !error
        ? undefined
        : { message: error.message, fix: error.fix };
  return {
    kind,
    reason,
    level,
    text: text || computed.join(' '),
    computed,
    ...(notice ? { notice } : {}),
    ...(error ? { errorKind: error.kind } : {}),
    modelCalls,
  };
}
