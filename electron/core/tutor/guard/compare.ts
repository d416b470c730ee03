/**
 * What cannot be run is compared: against the minimal fix (the token-level difference between the
 * learner's code and the reference solution) and against the solution's lines the learner lacks.
 * Prose is read as tokens too, so "change < to <=", "return 1 instead of 0" and "返回 1 而不是 0"
 * state the same fix as `<=` and `return 1`.
 */
import { diffArrays } from 'diff';
import { canonical, containsRun, KEYWORDS, tokenize } from './tokens.ts';

export interface MinimalFix {
  /** Token runs the solution puts into lines the learner already has (e.g. `<=`, `return 1`). */
  replacements: string[][];
  /** The solution's lines the learner's code lacks, as lower-case tokens. */
  missingLines: string[][];
  learnerTokens: string[];
}

/** Single tokens that are a fix by themselves when they replace another. */
const DISTINCTIVE = new Set([
  '<=',
  '>=',
  '==',
  '!=',
  '===',
  '!==',
  '+=',
  '-=',
  '*=',
  '//',
  '**',
  '%',
  '&&',
  '||',
]);
const ACTION = /^(return|yield|raise|throw|print|console|break|continue)$/;

const lineTokens = (line: string) => canonical(tokenize(line).map((t) => t.toLowerCase()));

export function minimalFix(learner: string, reference: string): MinimalFix {
  const norm = (code: string) =>
    code
      .split('\n')
      .map(lineTokens)
      .filter((t) => t.length > 0);
  const mine = norm(learner);
  const ref = norm(reference);
  const key = (t: string[]) => t.join(' ');
  const learnerTokens = mine.flat();
  const fix: MinimalFix = { replacements: [], missingLines: [], learnerTokens };
  const changes = diffArrays(mine.map(key), ref.map(key));
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i];
    if (!c?.added) continue;
    const prev = changes[i - 1];
    const removed = prev?.removed ? prev.value : [];
    const added = c.value;
    added.forEach((line, k) => {
      const tokens = line.split(' ');
      fix.missingLines.push(tokens);
      const old = removed[k];
      if (old !== undefined) fix.replacements.push(...tokenReplacements(old.split(' '), tokens));
    });
  }
  return fix;
}

/** The runs a changed line gains, each with one token of context on either side. */
function tokenReplacements(before: string[], after: string[]): string[][] {
  const out: string[][] = [];
  let pos = 0;
  for (const part of diffArrays(before, after)) {
    if (part.added) {
      const run = part.value;
      out.push(run, ...methodCalls(run));
      const left = after[pos - 1];
      const right = after[pos + run.length];
      if (left && left !== ':' && left !== '(') out.push([left, ...run]);
      if (right && right !== ':' && right !== ')') out.push([...run, right]);
    }
    if (!part.removed) pos += part.count ?? part.value.length;
  }
  return out;
}

export interface Comparison {
  /** The fix the hint states outright (below the pseudo-code level this is a leak). */
  statesFix?: string;
  /** Whether that fix is a change inside a line the learner has, or a whole line they lack. */
  fixKind?: 'replacement' | 'line';
  /** Share of the missing lines' tokens the hint writes out, line for line. */
  coverage: number;
  /** The same with every name replaced by a placeholder (renamed copies of the solution). */
  renamedCoverage: number;
}

export function compare(hintWords: string[], codeWords: string[], fix: MinimalFix): Comparison {
  const hintTokens = canonical(hintWords);
  const codeTokens = canonical(codeWords);
  const inLearner = (run: string[]) => containsRun(fix.learnerTokens, run);
  // A method call is said with its dot or with its brackets: `.trim()`, `trim()`, `.trim`.
  const says = (run: string[]) =>
    containsRun(hintTokens, run) ||
    (run[0] === '.' &&
      (containsRun(hintTokens, run.slice(1)) ||
        (run.length <= 4 && run[2] === '(' && containsRun(hintTokens, run.slice(0, 2)))));
  let statesFix: string | undefined;
  let fixKind: Comparison['fixKind'];
  for (const run of fix.replacements) {
    const strong = (run.length >= 2 && run.some((t) => /^[\w"]/.test(t))) || DISTINCTIVE.has(run[0] ?? '');
    if (strong && !inLearner(run) && says(run)) {
      statesFix = run.join(' ');
      fixKind = 'replacement';
      break;
    }
  }
  if (!statesFix) {
    for (const line of fix.missingLines) {
      const core = trimLine(line);
      if (core.length < 2 || inLearner(core)) continue;
      const action =
        ACTION.test(core[0] ?? '') || core.some((t) => /^[+\-*/]?=$/.test(t)) || hasMethodCall(core);
      const condition = /^(if|elif|while|for|else)$/.test(core[0] ?? '') && core.length >= 4;
      if ((action || condition) && says(condition ? line.filter((t) => t !== '{') : core)) {
        statesFix = core.join(' ');
        fixKind = 'line';
        break;
      }
    }
  }
  return {
    statesFix,
    ...(fixKind ? { fixKind } : {}),
    coverage: covered(fix.missingLines, codeTokens.concat(['\u0000'], hintTokens)),
    renamedCoverage: covered(
      fix.missingLines.filter((l) => l.length >= 5).map(abstract),
      abstract(codeTokens),
    ),
  };
}

function trimLine(line: string[]): string[] {
  let l = line;
  while (l.length > 0 && [':', ';', '{', '}'].includes(l.at(-1) ?? '')) l = l.slice(0, -1);
  return l;
}

/** `.trim()`, `.toUpperCase()`, `.includes(letter)`: each call in a run, a fix by itself. */
function methodCalls(run: string[]): string[][] {
  const out: string[][] = [];
  run.forEach((t, i) => {
    if (t !== '.' || !/^\w+$/.test(run[i + 1] ?? '') || run[i + 2] !== '(') return;
    const close = run.indexOf(')', i + 3);
    if (close !== -1 && close - i + 1 < run.length) out.push(run.slice(i, close + 1));
  });
  return out;
}

function hasMethodCall(tokens: string[]): boolean {
  return tokens.some((t, i) => t === '.' && /^\w+$/.test(tokens[i + 1] ?? '') && tokens[i + 2] === '(');
}

function covered(lines: string[][], hay: string[]): number {
  let total = 0;
  let hit = 0;
  for (const line of lines) {
    const core = trimLine(line);
    if (core.length === 0) continue;
    total += core.length;
    if (containsRun(hay, core)) hit += core.length;
  }
  return total === 0 ? 0 : hit / total;
}

function abstract(tokens: string[]): string[] {
  return tokens.map((t) => (/^[a-z_$][\w$]*$/i.test(t) && !KEYWORDS.has(t) ? 'ID' : t));
}
