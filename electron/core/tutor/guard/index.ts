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
import { candidates } from './apply.ts';
import { functionSpans } from './functions.ts';
import { commuted, compare, minimalFix, sameFormula, type MinimalFix } from './compare.ts';
import { extract, normalise, type Extraction } from './extract.ts';
import { bagCoverage, bagOf, plainNamesOf, spokenTokens, withoutLearnerQuotes, type Bag } from './prose.ts';
import type { SecondOpinion } from './second-opinion.ts';
import { detectLanguage, family } from './language.ts';
import { containsRun, KEYWORDS, proseTokens, tokenize, vocabularyOf } from './tokens.ts';

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
/** Share of the minimal fix's tokens a hint may name, in words or code, in any order. */
export const SPOKEN = { leak: 0.6, unsure: 0.5 };
/** Share of the missing lines a hint's code may copy with the names changed. */
export const RENAMED = { leak: 0.6, unsure: 0.4 };
const RUN_LIMIT_MS = 3000;
/** A second chance for a run a loaded machine cut short. */
const PATIENT_LIMIT_MS = 10_000;
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

  /** What the learner was told before this hint: the statement and the authored hints so far. */
  private readonly known: string[][];
  private readonly statementWords: Set<string>;
  private readonly fixBag: Bag;
  /** The solution's lines the learner's code lacks, as written. */
  private readonly changedLines: string[];
  private readonly plainNames: Set<string>;
  private readonly self: string[];

  constructor(ctx: GuardContext) {
    this.ctx = ctx;
    const ex = ctx.exercise;
    this.fix = minimalFix(ctx.code, ex.solution ?? '');
    this.vocabulary = vocabularyOf(ex.solution, ex.starter, ctx.code);
    this.language = family(ex.language);
    this.self = functionSpans(ex.solution ?? '', this.language).map((s) => s.name.toLowerCase());
    const statement = [ex.body?.en ?? '', ex.body?.zh ?? ''];
    const authored = (ex.hints ?? []).slice(0, Math.max(0, ctx.level)).flatMap((h) => [h.en, h.zh ?? '']);
    this.known = [...statement, ...authored].map((t) => commuted(proseTokens(normalise(t))));
    this.statementWords = new Set(statement.flatMap((t) => spokenTokens(normalise(t), this.self)));
    this.fixBag = bagOf(this.fix.added);
    const mine = new Set(ctx.code.split('\n').map((l) => l.trim()));
    this.changedLines = (ex.solution ?? '').split('\n').filter((l) => l.trim() && !mine.has(l.trim()));
    this.plainNames = plainNamesOf(this.fix.learnerTokens, this.fix.missingLines.flat());
  }

  /**
   * The fix dictated in words: the share of its tokens the prose names in any order, and whether
   * a changed line's tokens come in order among the code words of the text.
   */
  private spoken(text: string): { cover: number; dictated?: string } {
    const said = commuted(spokenTokens(withoutLearnerQuotes(text, this.fix.learnerTokens), this.self));
    const cover = bagCoverage(this.fixBag, bagOf(said), this.statementWords, this.plainNames);
    const codeWords = said.filter(
      (t) => !/^[a-z]/.test(t) || KEYWORDS.has(t) || this.vocabulary.has(t) || this.vocabularyLower.has(t),
    );
    for (const line of this.fix.missingLines) {
      const core = line.filter((t) => !['{', '}', ';', ':'].includes(t));
      if (core.length >= 5 && !containsRun(this.fix.learnerTokens, core) && inOrder(codeWords, core))
        return { cover, dictated: core.join(' ') };
    }
    return { cover };
  }

  private get vocabularyLower(): Set<string> {
    return new Set([...this.vocabulary].map((w) => w.toLowerCase()));
  }

  /** A sentence naming anything of the fix (see GuardedStream's `hold`). */
  holds(sentence: string): boolean {
    const said = spokenTokens(normalise(sentence), this.self);
    return said.some((t) => this.fixBag.has(t) && !['(', ')', ',', '.', ':', ';', '[', ']'].includes(t));
  }

  /** The rules alone (with the sandbox); `unsure` says why a second opinion is wanted. */
  async judge(raw: string): Promise<Verdict> {
    // Judged as the learner will read it: every entity decoded, zero-width characters gone.
    const text = normalise(raw);
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
    const cmp = compare(proseTokens(text), codeTokens, this.fix, this.known);
    const formula = sameFormula(this.changedLines, [...found.pieces.map((p) => p.code), text].join('\n'));
    if (formula && this.ctx.level < 4)
      return { leak: true, why: 'states-fix', detail: `the fix's formula as ${formula}` };
    const spoken = this.spoken(text);
    if (spoken.dictated) return { leak: true, why: 'states-fix', detail: `dictates ${spoken.dictated}` };
    if (spoken.cover >= SPOKEN.leak && this.ctx.level < 4)
      return {
        leak: true,
        why: 'states-fix',
        detail: `names ${Math.round(spoken.cover * 100)} % of the fix's tokens`,
      };
    if (cmp.renamedCoverage >= RENAMED.leak)
      return {
        leak: true,
        why: 'near-solution',
        detail: `renamed copy of ${Math.round(cmp.renamedCoverage * 100)} % of the missing lines`,
      };
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
    if (spoken.cover >= SPOKEN.unsure)
      return { leak: false, unsure: `names ${Math.round(spoken.cover * 100)} % of the fix's tokens` };
    if (cmp.renamedCoverage >= RENAMED.unsure)
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

  private async runCandidates(all: Extraction): Promise<Verdict> {
    const { exercise, runTests } = this.ctx;
    // Code the statement or an authored hint so far already shows is not the hint's to give away.
    const found = {
      ...all,
      pieces: all.pieces.filter((p) => {
        const t = commuted(tokenize(p.code).map((x) => x.toLowerCase()));
        return !(t.length > 0 && t.length <= 6 && this.known.some((k) => containsRun(k, t)));
      }),
    };
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
    const fixes = (result: RunResult) =>
      (result.status === 'pass' && result.tests.length > 0) ||
      (trusted && result.tests.some((t) => t.status === 'pass' && failing.has(t.name)));
    for (const c of list) {
      if (this.ctx.signal?.aborted) break;
      let result = await this.run(c.code);
      // Judged by the tests that finished. A run cut short is tried once more: with more time where
      // the learner's own code ran in time (a loaded machine, not the candidate, was slow).
      if (result && fixes(result)) return { leak: true, why: 'passes-tests', detail: c.how };
      if ((!result || result.status === 'timeout') && !this.ctx.signal?.aborted) {
        if (trusted) result = await this.run(c.code, PATIENT_LIMIT_MS);
        else {
          this.runs.delete(`${RUN_LIMIT_MS}\u0000${c.code.trim()}`);
          result = await this.run(c.code);
        }
      }
      if (!result || result.status === 'timeout') {
        if (result && fixes(result)) return { leak: true, why: 'passes-tests', detail: c.how };
        unproven = true;
        continue;
      }
      if (fixes(result)) return { leak: true, why: 'passes-tests', detail: c.how };
      if (!trusted && result.tests.some((t) => t.status === 'pass')) partly ??= c.how;
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
    this.runs.delete(`${this.ctx.exercise.timeLimitMs}\u0000${this.ctx.code.trim()}`);
    return this.run(this.ctx.code, this.ctx.exercise.timeLimitMs);
  }

  private run(code: string, limitMs = RUN_LIMIT_MS): Promise<RunResult | undefined> {
    const { exercise, runTests } = this.ctx;
    const key = `${limitMs}\u0000${code.trim()}`;
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
        timeLimitMs: limitMs === RUN_LIMIT_MS ? Math.min(exercise.timeLimitMs, RUN_LIMIT_MS) : limitMs,
      }).catch(() => undefined);
      this.runs.set(key, pending);
    }
    return pending ?? Promise.resolve(undefined);
  }
}

/** `needle` in order in `hay`, each next token within a few of the last (filler words dropped before). */
function inOrder(hay: readonly string[], needle: readonly string[]): boolean {
  for (let start = 0; start < hay.length; start++) {
    if (hay[start] !== needle[0]) continue;
    let at = start;
    let k = 1;
    for (let i = start + 1; i < hay.length && k < needle.length && i - at <= 3; i++)
      if (hay[i] === needle[k]) {
        k++;
        at = i;
      }
    if (k === needle.length) return true;
  }
  return false;
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
