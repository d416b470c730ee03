/**
 * One guard in front of every word the tutor shows (decision 0019). `HintGuard.judge` decides
 * whether a text gives the exercise away:
 *  1. code in another programming language than the exercise's is refused outright;
 *  2. every piece of code is run alone, joined, and applied to the learner's code as the edit it
 *     describes: a program that fixes a failing test is a leak;
 *  3. the rest is compared with the minimal fix and the solution's missing lines;
 *  4. where the rules are unsure, a second opinion (a cheap model call) decides; without one the
 *     unsure text is refused.
 */
import type { Exercise } from '../../../../shared/content/schema.ts';
import type { RunCode, RunResult } from '../../../../shared/runner/protocol.ts';
import { candidates, functionSpans } from './apply.ts';
import { compare, minimalFix, type MinimalFix } from './compare.ts';
import { extract, normalise, type Extraction } from './extract.ts';
import type { SecondOpinion } from './second-opinion.ts';
import { detectLanguage, family, proseTokens, tokenize, vocabularyOf } from './tokens.ts';

export { fitWords, GuardedStream, type StreamOutcome } from './stream.ts';
export { modelSecondOpinion, type SecondOpinion } from './second-opinion.ts';

export type LeakWhy =
  'other-language' | 'passes-tests' | 'unverifiable' | 'states-fix' | 'near-solution' | 'second-opinion';

export type Verdict = { leak: false; unsure?: string } | { leak: true; why: LeakWhy; detail: string };

export interface GuardContext {
  exercise: Exercise;
  /** The learner's current code. */
  code: string;
  /** Ladder rung the text is for (a follow-up: the rung reached). */
  level: number;
  runTests?: RunCode;
  secondOpinion?: SecondOpinion;
  signal?: AbortSignal;
  /** Upper bound on sandbox runs for one text. */
  maxRuns?: number;
  /** 'every': ask the second opinion on every text the rules pass (stricter; and to measure it). */
  secondOpinionFor?: 'unsure' | 'every';
}

/** Share of the solution's missing lines a hint may write out before it is a leak / unsure. */
export const COVERAGE = { leak: 0.6, unsure: 0.3 };
const RUN_LIMIT_MS = 3000;
const UNVERIFIABLE: Verdict = {
  leak: true,
  why: 'unverifiable',
  detail: "a version of the exercise's function that could not be run",
};

export class HintGuard {
  private readonly ctx: GuardContext;
  private readonly fix: MinimalFix;
  private readonly vocabulary: Set<string>;
  private readonly language: 'python' | 'javascript';
  private readonly runs = new Map<string, Promise<RunResult | undefined>>();
  private baseline: Promise<RunResult | undefined> | undefined;
  /** Runs made, for the bench and the log. */
  runCount = 0;
  secondOpinions = 0;

  constructor(ctx: GuardContext) {
    this.ctx = ctx;
    const ex = ctx.exercise;
    this.fix = minimalFix(ctx.code, ex.solution ?? '');
    this.vocabulary = vocabularyOf(ex.solution, ex.starter, ctx.code);
    this.language = family(ex.language);
  }

  /** The rules alone (with the sandbox); `unsure` says why a second opinion is wanted. */
  async judge(text: string): Promise<Verdict> {
    const found = extract(text, this.vocabulary);
    const blocks = found.pieces.filter((p) => p.dress !== 'inline' || tokenize(p.code).length >= 6);
    for (const p of blocks) {
      const lang = detectLanguage(p.code, p.info);
      if (lang && lang !== this.language)
        return { leak: true, why: 'other-language', detail: `${lang} (${p.dress})` };
    }
    const codeTokens = found.pieces.flatMap((p) => [
      ...tokenize(p.code).map((t) => t.toLowerCase()),
      '\u0000',
    ]);
    // Prose is read as the learner reads it too: entities decoded, hidden characters out.
    const cmp = compare(proseTokens(normalise(text)), codeTokens, this.fix);
    if (cmp.coverage >= COVERAGE.leak)
      return {
        leak: true,
        why: 'near-solution',
        detail: `${Math.round(cmp.coverage * 100)} % of the missing lines`,
      };
    // At the pseudo-code rung the fix may be named in words, never written as code.
    const inCode =
      cmp.statesFix !== undefined && compare(codeTokens, codeTokens, this.fix).statesFix !== undefined;
    if (cmp.statesFix && (this.ctx.level < 4 || inCode))
      return { leak: true, why: 'states-fix', detail: cmp.statesFix };

    const ran = await this.runCandidates(found);
    if (ran.leak) return ran;

    // At the pseudo-code rung a step told in words ("add one to count") is what the rung is for;
    // the exact change inside a line the learner has (`<=`, `return 1`) is still for a second look.
    if (cmp.statesFix && cmp.fixKind === 'replacement')
      return { leak: false, unsure: `states the fix at level 4: ${cmp.statesFix}` };
    if (cmp.coverage >= COVERAGE.unsure)
      return { leak: false, unsure: `writes ${Math.round(cmp.coverage * 100)} % of the missing lines` };
    if (cmp.renamedCoverage >= 0.5)
      return {
        leak: false,
        unsure: `renamed copy of ${Math.round(cmp.renamedCoverage * 100)} % of the missing lines`,
      };
    if (ran.unsure) return { leak: false, unsure: ran.unsure };
    if (this.ctx.secondOpinionFor === 'every' && this.ctx.secondOpinion)
      return { leak: false, unsure: 'a second opinion on every hint' };
    return { leak: false };
  }

  /** The rules, then the second opinion where they are unsure (refused when none can be had). */
  async judgeFully(text: string): Promise<Verdict> {
    const verdict = await this.judge(text);
    if (verdict.leak || !verdict.unsure) return verdict;
    return this.confirm(text, verdict.unsure);
  }

  async confirm(text: string, unsure: string): Promise<Verdict> {
    const opinion = await this.ctx.secondOpinion?.(
      { exercise: this.ctx.exercise, code: this.ctx.code, text, level: this.ctx.level },
      this.ctx.signal,
    );
    if (opinion) this.secondOpinions++;
    if (!opinion) return { leak: true, why: 'second-opinion', detail: `no second opinion; ${unsure}` };
    return opinion.givesAway
      ? { leak: true, why: 'second-opinion', detail: opinion.reason || unsure }
      : { leak: false };
  }

  private async runCandidates(found: Extraction): Promise<Verdict> {
    const { exercise, runTests } = this.ctx;
    const list = candidates(this.ctx.code, found, this.language, this.ctx.maxRuns ?? 24);
    if (list.length === 0) return { leak: false };
    const editsToldInWords = found.lineEdits.length + found.tokenEdits.length + found.diffs.length > 0;
    if (!runTests || (!exercise.tests && !exercise.cases)) {
      if (this.rewritesFunction(found)) return UNVERIFIABLE;
      return editsToldInWords || found.pieces.some((p) => p.dress !== 'inline')
        ? { leak: false, unsure: 'code that could not be run' }
        : { leak: false };
    }
    const before = await (this.baseline ??= this.runBaseline());
    if (before?.status === 'pass') return { leak: false };
    // A baseline is trustworthy when it ran and said which tests fail. Without one (the learner's
    // code timed out, or could not run at all) a candidate that passes every test is still a
    // leak, but one that passes only some may pass just what the learner's code already passes:
    // that is unsure, never safe and never proof.
    const trusted = before !== undefined && before.status !== 'timeout' && before.tests.length > 0;
    const failing = new Set(before?.tests.filter((t) => t.status !== 'pass').map((t) => t.name) ?? []);
    // A candidate the sandbox could not run proves nothing: that is unsure, never safe. One that
    // ran and passes no test fixes nothing, baseline or not.
    let unproven = false;
    let partly: string | undefined;
    for (const c of list) {
      if (this.ctx.signal?.aborted) break;
      let result = await this.run(c.code);
      if (result?.status === 'timeout' && !this.ctx.signal?.aborted) {
        // Once more: on a busy machine a run can time out that would not on the next try.
        this.runs.delete(c.code.trim());
        result = await this.run(c.code);
      }
      if (!result || result.status === 'timeout') {
        unproven = true;
        continue;
      }
      if (result.status === 'pass' && result.tests.length > 0)
        return { leak: true, why: 'passes-tests', detail: c.how };
      const passes = result.tests.filter((t) => t.status === 'pass');
      if (trusted && passes.some((t) => failing.has(t.name)))
        return { leak: true, why: 'passes-tests', detail: c.how };
      if (!trusted && passes.length > 0) partly ??= c.how;
    }
    if (unproven && this.rewritesFunction(found)) return UNVERIFIABLE;
    if (partly) return { leak: false, unsure: `passes some tests with no baseline to compare (${partly})` };
    return unproven ? { leak: false, unsure: 'code the sandbox could not run' } : { leak: false };
  }

  /** A piece defines one of the solution's functions, other than as the learner wrote it. */
  private rewritesFunction(found: Extraction): boolean {
    const lang = this.language;
    const names = new Set(functionSpans(this.ctx.exercise.solution ?? '', lang).map((s) => s.name));
    const mine = tokenize(this.ctx.code).join(' ');
    return found.pieces.some(
      (p) =>
        functionSpans(p.code, lang).some((s) => names.has(s.name)) &&
        !mine.includes(tokenize(p.code).join(' ')),
    );
  }

  /**
   * The learner's own run, with the exercise's whole time limit as a Check has it; once more if it
   * timed out, since a sandbox starting cold on a busy machine can eat the first run's time.
   */
  private async runBaseline(): Promise<RunResult | undefined> {
    const first = await this.run(this.ctx.code, this.ctx.exercise.timeLimitMs);
    if (first?.status !== 'timeout') return first;
    this.runs.delete(this.ctx.code.trim());
    return this.run(this.ctx.code, this.ctx.exercise.timeLimitMs);
  }

  private run(code: string, limitMs = RUN_LIMIT_MS): Promise<RunResult | undefined> {
    const { exercise, runTests } = this.ctx;
    const key = code.trim();
    let pending = this.runs.get(key);
    if (!pending && runTests) {
      this.runCount++;
      pending = runTests({
        mode: 'check',
        language: exercise.language ?? 'python',
        module: exercise.module,
        code,
        // A program-output exercise is checked by its cases, as a Check does.
        ...(exercise.cases ? { cases: exercise.cases } : { tests: exercise.tests }),
        timeLimitMs: Math.min(exercise.timeLimitMs, limitMs),
      }).catch(() => undefined);
      this.runs.set(key, pending);
    }
    return pending ?? Promise.resolve(undefined);
  }
}

/** Why the last answer was refused, in words for the regeneration prompt. */
export function reasonForModel(v: Verdict): string {
  if (!v.leak) return '';
  switch (v.why) {
    case 'other-language':
      return 'it contained code in another programming language than the exercise’s';
    case 'passes-tests':
      return 'it contained code that, put into the learner’s program, makes a failing test pass';
    case 'unverifiable':
      return 'it contained its own version of the exercise’s function';
    case 'states-fix':
      return `it stated the exact change to make (${v.detail})`;
    case 'near-solution':
      return 'it wrote out lines of the solution';
    case 'second-opinion':
      return 'a reviewer judged that the learner could finish without thinking after reading it';
  }
}
