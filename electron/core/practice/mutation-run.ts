/**
 * Mutation testing of a generated problem: its tests are run against mutants of the reference
 * solution in the sandbox, in batches (mutation-batch.ts), and the share of mutants they catch is
 * the problem's mutation score. The reference itself rides along in the batch and must still
 * pass (a second determinism check, in another order and process state); "returning nothing"
 * rides along too, so each test can be asked whether it fails for an empty function.
 */
import type { Language } from '../../../shared/content/schema.ts';
import type { RunCode, RunResult } from '../../../shared/runner/protocol.ts';
import { guardLoops } from './loop-guard.ts';
import { mutants as makeMutants, returningNothing, type Mutant } from './mutate.ts';
import {
  javascriptBatch,
  javascriptVariantOf,
  parsesAsJavaScript,
  pythonBatch,
  pythonOutcome,
  pythonVariantIndex,
  type VariantOutcome,
} from './mutation-batch.ts';

export interface MutationSubject {
  language: Language;
  module: string;
  solution: string;
  tests: string;
}

export interface MutationResult {
  /** Killed mutants / mutants that compiled (0 when there were none). */
  score: number;
  killed: number;
  total: number;
  /** Mutants that did not compile (not counted). */
  invalid: number;
  survivors: Pick<Mutant, 'operator' | 'line' | 'description'>[];
  /** Per test of the reference run: how many mutants it caught. */
  kills: Record<string, number>;
  /** Tests that fail when every function returns nothing. */
  failsWhenEmpty: string[];
  /** The reference solution failed a test inside the batch: the tests are not deterministic. */
  referenceFailed: boolean;
  runs: number;
  ms: number;
}

/** Variants per sandbox run: a hanging one costs at most one run's time limit. */
const CHUNK = 16;

export async function mutationTest(
  subject: MutationSubject,
  run: RunCode,
  options: { referenceTests: string[]; solutionMs: number },
): Promise<MutationResult> {
  const started = performance.now();
  const language = subject.language;
  const all = makeMutants(subject.solution, language);
  const guard = (code: string) => guardLoops(code, language);
  const variants = [
    subject.solution,
    guard(returningNothing(subject.solution, language)),
    ...all.map((m) => guard(m.code)),
  ];
  const outcomes: (VariantOutcome | undefined)[] = variants.map(() => undefined);
  // Compiled, never run, in this process: a JavaScript batch cannot hold one that does not parse.
  if (language !== 'python')
    variants.forEach((code, i) => {
      if (!parsesAsJavaScript(code, language)) outcomes[i] = { invalid: true };
    });

  const perVariant = Math.min(200, Math.max(40, 3 * options.solutionMs));
  // A fresh JavaScript engine takes about a second to load inside the limit.
  const floor = language === 'python' ? 1000 : 3000;
  let runs = 0;
  const check = (code: string, tests: string, timeLimitMs: number) => {
    runs += 1;
    return run({ mode: 'check', language, module: subject.module, code, tests, timeLimitMs });
  };

  // Slips in loops (a counter that no longer moves) may never end: they go last, in their own
  // batches, so a cut run loses none of the others.
  const risky = (i: number) => i >= 2 && isRisky(all[i - 2] as Mutant, subject.solution);
  const order = variants.map((_, i) => i).filter((i) => !outcomes[i]);
  let pending = [...order.filter((i) => !risky(i)), ...order.filter(risky)];
  while (pending.length > 0) {
    const first = pending[0] as number;
    const chunk = pending.slice(0, CHUNK).filter((i) => risky(i) === risky(first));
    const limit = Math.max(floor, 800 + chunk.length * perVariant);
    const sources = chunk.map((i) => variants[i] as string);
    const batch =
      language === 'python'
        ? pythonBatch(subject.module, subject.tests, sources)
        : javascriptBatch(subject.module, subject.tests, sources, language);
    const result = batch === undefined ? undefined : await check(subject.solution, batch, limit);
    const read = result ? readBatch(result, chunk.length, language === 'python') : undefined;
    if (!read) {
      // The batch could not run as one: each variant on its own, as a learner's code would.
      for (const i of chunk)
        outcomes[i] = await single(variants[i] as string, Math.max(floor, perVariant + 800));
      pending = pending.slice(chunk.length);
      continue;
    }
    read.outcomes.forEach((o, k) => {
      if (o) outcomes[chunk[k] as number] = o;
    });
    const done = read.hung === undefined ? chunk.length : read.hung + 1;
    if (read.hung !== undefined) outcomes[chunk[read.hung] as number] = { invalid: false, failed: 'all' };
    // Ones a hang left unrun go round again.
    pending = [...chunk.slice(done).filter((i) => !outcomes[i]), ...pending.slice(chunk.length)];
  }

  async function single(code: string, limit: number): Promise<VariantOutcome> {
    const r = await check(code, subject.tests, limit);
    if (r.status === 'pass') return { invalid: false, failed: [] };
    if (r.status === 'error' && r.error?.type === 'SyntaxError' && r.tests.length === 0)
      return { invalid: true };
    const failed = r.tests.filter((t) => t.status !== 'pass').map((t) => t.name);
    return { invalid: false, failed: failed.length ? failed : 'all' };
  }

  const kills = Object.fromEntries(options.referenceTests.map((n) => [n, 0]));
  const survivors: MutationResult['survivors'] = [];
  let killed = 0;
  let total = 0;
  let invalid = 0;
  all.forEach((m, k) => {
    const o = outcomes[k + 2];
    if (!o || o.invalid) {
      invalid += 1;
      return;
    }
    total += 1;
    if (o.failed === 'all' || o.failed.length > 0) killed += 1;
    else survivors.push({ operator: m.operator, line: m.line, description: m.description });
    for (const name of options.referenceTests)
      if (o.failed === 'all' || o.failed.includes(name)) kills[name] = (kills[name] ?? 0) + 1;
  });
  const reference = outcomes[0];
  const empty = outcomes[1];
  return {
    score: total === 0 ? 0 : killed / total,
    killed,
    total,
    invalid,
    survivors,
    kills,
    failsWhenEmpty:
      empty && !empty.invalid
        ? options.referenceTests.filter((n) => empty.failed === 'all' || empty.failed.includes(n))
        : [],
    referenceFailed:
      !reference || reference.invalid || reference.failed === 'all' || reference.failed.length > 0,
    runs,
    ms: performance.now() - started,
  };
}

const LOOP = /^\s*(while|for|do)\b/;

function isRisky(m: Mutant, solution: string): boolean {
  if (m.operator === 'assignment' || m.operator === 'statement') return true;
  const line = solution.split('\n')[m.line - 1] ?? '';
  return LOOP.test(line) || /\+=|-=|\+\+|--/.test(line);
}

interface BatchRead {
  outcomes: (VariantOutcome | undefined)[];
  /** Position in the chunk of the variant that was running when the time ran out. */
  hung?: number;
}

/** Per-variant outcomes of one batch run, or undefined when the batch did not run its tests. */
function readBatch(result: RunResult, count: number, python: boolean): BatchRead | undefined {
  const outcomes: (VariantOutcome | undefined)[] = Array.from({ length: count }, () => undefined);
  if (python) {
    for (const t of result.tests) {
      const i = pythonVariantIndex(t.name);
      if (i !== undefined && i < count) outcomes[i] = pythonOutcome(t.status, t.message);
    }
    if (result.status === 'timeout') {
      const hung = outcomes.findIndex((o) => !o);
      return { outcomes, ...(hung >= 0 ? { hung } : {}) };
    }
  } else {
    const failed = new Map<number, string[] | 'all'>();
    let last: number | undefined;
    for (const t of result.tests) {
      const at = javascriptVariantOf(t.name);
      if (!at) continue;
      const [i, name] = at;
      last = i;
      const list = failed.get(i) ?? [];
      if (list === 'all') continue;
      if (name === 'loads') failed.set(i, 'all');
      else failed.set(i, t.status === 'pass' ? list : [...list, name]);
    }
    for (const [i, f] of failed) if (i < count) outcomes[i] = { invalid: false, failed: f };
    if (result.status === 'timeout') return last === undefined ? undefined : { outcomes, hung: last };
  }
  return outcomes.every((o) => o) ? { outcomes } : undefined;
}
