/**
 * Validation before anyone sees a generated exercise: run it in the sandbox and check the text.
 * The runner is injected (the Node sandbox in the app and CLI, a scripted fake in unit tests).
 * A report lists every problem found, in words a model can act on in the repair round.
 */
import { Exercise, type Language, type UiLocale } from '../../../shared/content/schema.ts';
import { DEFAULT_TIME_LIMIT_MS, type RunCode, type RunResult } from '../../../shared/runner/protocol.ts';
import { findNearDuplicate, isInLanguage } from './text-checks.ts';
import { leakedLine } from '../curriculum/verify.ts';
import {
  conceptChecks,
  mutationChecks,
  staticTestChecks,
  textChecks,
  type ModelCheck,
} from './model-checks.ts';
import type { MutationResult } from './mutation-run.ts';
import { HintGuard } from '../tutor/guard/index.ts';

export type CheckName =
  | 'schema'
  | 'solution'
  | 'deterministic'
  | 'starter'
  | 'time'
  | 'language'
  | 'duplicate'
  | 'hint-leak'
  | ModelCheck;

export interface ValidationProblem {
  check: CheckName;
  message: string;
}

export interface ValidationReport {
  ok: boolean;
  problems: ValidationProblem[];
  /** Slowest of the two solution runs, when they ran. */
  solutionMs?: number;
  /** How well the tests catch wrong solutions (model-written problems, once everything else passed). */
  mutation?: MutationResult;
}

export interface ValidationContext {
  run: RunCode;
  language: Language;
  locale: UiLocale;
  /** Concept ids the track knows; the exercise may name only these. */
  trackConcepts?: readonly string[];
  /** Exercises it must not nearly repeat: the track's and the stored generated ones. */
  existing?: Iterable<{ id: string; text: string }>;
  /**
   * A model wrote it: its tests must assert, be named for what they check and catch mutants of
   * the solution. Templates are authored and tested in the repository instead.
   */
  written?: 'model' | 'template';
  /** What was asked for (model problems): the concept and the difficulty, 1-10. */
  requested?: { concept: string; difficulty: number };
}

/** The text two exercises are compared by: what the learner reads and what the answer is. */
export function exerciseFingerprint(exercise: Exercise, locale: UiLocale): string {
  return `${exercise.title[locale]}\n${exercise.body[locale]}\n${exercise.solution ?? ''}`;
}

export async function validateExercise(
  candidate: unknown,
  ctx: ValidationContext,
): Promise<ValidationReport> {
  const parsed = Exercise.safeParse(candidate);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({
      check: 'schema' as const,
      message: `${i.path.join('.') || '(root)'}: ${i.message}`,
    }));
    return { ok: false, problems };
  }
  const exercise = parsed.data;
  const problems: ValidationProblem[] = [];
  const add = (check: CheckName, message: string) => problems.push({ check, message });

  if (exercise.type !== 'exercise') add('schema', `type must be "exercise" (got "${exercise.type}")`);
  if (ctx.trackConcepts) {
    const unknown = exercise.concepts.filter((c) => !ctx.trackConcepts?.includes(c));
    if (unknown.length > 0) add('schema', `concepts not in the track: ${unknown.join(', ')}`);
  }
  if (exercise.hints.length !== 4)
    add('schema', `needs exactly 4 graded hints (has ${exercise.hints.length})`);

  const locale = ctx.locale;
  const language = locale === 'zh' ? 'Simplified Chinese' : 'English';
  if (!isInLanguage(`${exercise.title[locale]}\n${exercise.body[locale]}`, locale)) {
    add('language', `the title and statement must be in ${language}`);
  }
  if (!isInLanguage(exercise.hints.map((h) => h[locale]).join('\n'), locale)) {
    add('language', `the hints must be in ${language}`);
  }

  // The same rule as `lantern validate`: a hint never hands over a line of the solution.
  exercise.hints.forEach((hint, i) => {
    for (const lang of ['en', 'zh'] as const) {
      const line = leakedLine(hint[lang], exercise.solution ?? '', exercise.starter);
      if (line) add('hint-leak', `hint ${i + 1} (${lang}) gives away a line of the solution: ${line}`);
    }
  });

  textChecks(exercise, add);

  const dup = findNearDuplicate(exerciseFingerprint(exercise, locale), ctx.existing ?? []);
  if (dup) add('duplicate', `nearly the same as exercise "${dup.id}" (similarity ${dup.score.toFixed(2)})`);

  const limit = exercise.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const check = (code: string) =>
    ctx.run({
      mode: 'check',
      language: exercise.language ?? ctx.language,
      module: exercise.module,
      code,
      tests: exercise.tests ?? '',
      timeLimitMs: limit,
    });

  const first = await check(exercise.solution ?? '');
  const second = first.status === 'pass' ? await check(exercise.solution ?? '') : undefined;
  const solutionMs = Math.max(first.durationMs, second?.durationMs ?? 0);
  if (first.status === 'timeout' || second?.status === 'timeout' || solutionMs > limit) {
    add('time', `the reference solution must finish within ${limit} ms (took ${Math.round(solutionMs)} ms)`);
  } else if (first.status !== 'pass') {
    add('solution', `the reference solution must pass every test: ${describeFailure(first)}`);
  } else if (first.tests.length === 0) {
    add('solution', 'the tests file ran no test');
  } else if (second && !sameOutcome(first, second)) {
    add(
      'deterministic',
      `the tests gave different results on a second run (flaky): ${describeFailure(second)}`,
    );
  }

  const starter = await check(exercise.starter);
  if (starter.status === 'pass')
    add('starter', 'the starter code already passes every test; it must fail at least one');
  else if (starter.status === 'timeout')
    add('starter', 'the starter code runs forever; it must fail quickly');
  else if (starter.error?.type === 'SyntaxError') {
    add('starter', `the starter code must be valid code: ${starter.error.message}`);
  }

  // A model's hints pass the same guard as a model's tutoring (decision 0019), with this problem's
  // tests: a hint that is a working solution in another shape is refused here, not at hint time.
  if (ctx.written === 'model' && problems.length === 0) {
    const judged = { ...exercise, timeLimitMs: limit };
    for (const [i, hint] of exercise.hints.entries())
      for (const lang of ['en', 'zh'] as const) {
        const text = hint[lang];
        if (!text) continue;
        const guard = new HintGuard({
          exercise: judged,
          code: exercise.starter,
          level: Math.min(4, i + 1),
          runTests: ctx.run,
          maxRuns: 8,
        });
        const verdict = await guard.judge(text);
        if (verdict.leak)
          add(
            'hint-leak',
            `hint ${i + 1} (${lang}) gives the answer away (${verdict.why}: ${verdict.detail})`,
          );
      }
  }

  let mutation: MutationResult | undefined;
  if (ctx.written === 'model') {
    if (ctx.requested) conceptChecks(exercise, ctx.requested, add);
    staticTestChecks(exercise, first, locale, add);
    // Mutation testing runs dozens of variants: only for a problem that is otherwise sound.
    if (problems.length === 0) {
      const fastest = Math.min(first.durationMs, second?.durationMs ?? first.durationMs);
      try {
        mutation = await mutationChecks(
          exercise,
          { reference: first, starter, solutionMs: fastest },
          ctx.run,
          add,
        );
      } catch (error) {
        // Whatever the model wrote, validation answers: a problem that cannot be checked is refused.
        add(
          'mutation',
          `the tests could not be checked against wrong versions of the solution (${String(error)})`,
        );
      }
    }
  }
  return { ok: problems.length === 0, problems, solutionMs, ...(mutation ? { mutation } : {}) };
}

function sameOutcome(a: RunResult, b: RunResult): boolean {
  const key = (r: RunResult) => r.tests.map((t) => `${t.name}:${t.status}`).join('\n');
  return a.status === b.status && key(a) === key(b);
}

function describeFailure(result: RunResult): string {
  const failed = result.tests.filter((t) => t.status !== 'pass');
  if (failed.length > 0) {
    return failed
      .slice(0, 3)
      .map((t) => {
        const diff = t.expected !== undefined ? ` (expected ${t.expected}, got ${t.actual ?? '?'})` : '';
        return `test "${t.name}" ${t.status}: ${t.message ?? ''}${diff}`.trim();
      })
      .join('; ');
  }
  if (result.error) return `${result.error.type}: ${result.error.message}`;
  return result.message ?? result.status;
}

/** The report as the model reads it in the repair round. */
export function formatReport(report: ValidationReport): string {
  return report.problems.map((p) => `- [${p.check}] ${p.message}`).join('\n');
}
