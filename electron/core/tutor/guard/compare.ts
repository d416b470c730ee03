/**
 * What cannot be run is compared: against the minimal fix (the token-level difference between the
 * learner's code and the reference solution) and against the solution's lines the learner lacks.
 * Prose is read as tokens too, so "change < to <=", "return 1 instead of 0" and "返回 1 而不是 0"
 * state the same fix as `<=` and `return 1`.
 */
import { diffArrays } from 'diff';
import { canonical, containsRun, expandFormatted, KEYWORDS, tokenize } from './tokens.ts';

export interface MinimalFix {
  /** Token runs the solution puts into lines the learner already has (e.g. `<=`, `return 1`). */
  replacements: string[][];
  /** The solution's lines the learner's code lacks, as lower-case tokens. */
  missingLines: string[][];
  learnerTokens: string[];
  /** Every token the fix adds (a changed line's new tokens, a missing line's tokens), with repeats. */
  added: string[];
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

const lineTokens = (line: string) =>
  commuted(canonical(expandFormatted(tokenize(line)).map((t) => t.toLowerCase())));

export function minimalFix(learner: string, reference: string): MinimalFix {
  const norm = (code: string) =>
    code
      .split('\n')
      .map(lineTokens)
      .filter((t) => t.length > 0);
  const mine = norm(learner);
  const ref = norm(reference);
  const learnerTokens = mine.flat();
  const fix: MinimalFix = { replacements: [], missingLines: [], learnerTokens, added: [] };
  // Lines compared by their token lists (a string literal holding a space is still one token).
  const changes = diffArrays(mine, ref, { comparator: (a, b) => a.join('\u0000') === b.join('\u0000') });
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i];
    if (!c?.added) continue;
    const prev = changes[i - 1];
    const removed = prev?.removed ? prev.value : [];
    c.value.forEach((tokens, k) => {
      fix.missingLines.push(tokens);
      const old = removed[k];
      if (old !== undefined) {
        fix.replacements.push(...tokenReplacements(old, tokens));
        for (const part of diffArrays(old, tokens)) if (part.added) fix.added.push(...part.value);
      } else fix.added.push(...trimLine(tokens));
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

/**
 * `known`: token runs of what the learner was already told (the statement, the authored hints up
 * to this rung); a fix run found there is not the hint's news.
 */
export function compare(
  saidTokens: string[],
  codeTokensIn: string[],
  fix: MinimalFix,
  known: readonly string[][] = [],
): Comparison {
  const hintTokens = commuted(canonical(saidTokens));
  const codeTokens = commuted(canonical(codeTokensIn));
  const inLearner = (run: string[]) =>
    containsRun(fix.learnerTokens, run) || known.some((k) => containsRun(k, run));
  // A method call is said with its dot or with its brackets: `.trim()`, `trim()`, `.trim`.
  const says = (run: string[]) =>
    containsRun(hintTokens, run) ||
    (run[0] === '.' &&
      (containsRun(hintTokens, run.slice(1)) ||
        (run.length <= 4 && run[2] === '(' && containsRun(hintTokens, run.slice(0, 2)))));
  let statesFix: string | undefined;
  let fixKind: Comparison['fixKind'];
  for (const run of fix.replacements) {
    // A number beside punctuation (`1 ,`) is any example's; with a name, a string or an operator it is the fix.
    const strong =
      (run.length >= 2 &&
        (run.some((t) => /^[A-Za-z_$"]/.test(t)) ||
          (run.some((t) => /^\d/.test(t)) && run.some((t) => /^[-+*/%<>=!]+$/.test(t))))) ||
      DISTINCTIVE.has(run[0] ?? '');
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
      // A condition said without its brackets or colon is still the condition.
      const bare = core.filter((t) => t !== '(' && t !== ')');
      if ((action || condition) && (says(core) || (condition && bare.length >= 4 && says(bare)))) {
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

const OPERAND_START = /^([a-z_$][\w$]*|\d+(\.\d+)?|".*")$/i;
const COMMUTATIVE = new Set(['+', '*', '==', '!=', '===', '!==', 'and', 'or', '&&', '||']);
const FLIPPED: Record<string, string> = { '>': '<', '>=': '<=' };
/** Tokens that bind tighter than any of the operators above on either side. */
const TIGHTER = new Set(['*', '/', '%', '//', '**', '.', '-', '+', 'not', '!', '~']);

/** A simple operand from `i`: a name or literal with its calls, indexing and attributes. */
function operandEnd(t: readonly string[], i: number): number {
  let k = i;
  if (t[k] === '-' && /^\d/.test(t[k + 1] ?? '')) k++;
  if (!OPERAND_START.test(t[k] ?? '')) return -1;
  k++;
  for (;;) {
    if (t[k] === '.' && /^[a-z_$]/i.test(t[k + 1] ?? '')) k += 2;
    else if (t[k] === '(' || t[k] === '[') {
      let depth = 0;
      let j = k;
      for (; j < t.length; j++) {
        if (t[j] === '(' || t[j] === '[') depth++;
        else if (t[j] === ')' || t[j] === ']') depth--;
        if (depth === 0) break;
      }
      if (j >= t.length) return -1;
      k = j + 1;
    } else return k;
  }
}

/**
 * `1 + middle` and `middle + 1`, `target > items[middle]` and `items[middle] < target` are the
 * same fix: simple operands of a commutative operator are put in one order, `>` turned into `<`,
 * and `-1 + x` read as `x - 1`.
 */
export function commuted(tokens: readonly string[]): string[] {
  const t = [...tokens];
  for (let i = 0; i < t.length; i++) {
    const before = t[i - 1];
    if (before !== undefined && (TIGHTER.has(before) || /^[)\]]$/.test(before))) continue;
    const aEnd = operandEnd(t, i);
    if (aEnd === -1) continue;
    let op = t[aEnd] ?? '';
    const bEnd = operandEnd(t, aEnd + 1);
    if (bEnd === -1 || (t[bEnd] !== '.' && TIGHTER.has(t[bEnd] ?? '')) || t[bEnd] === '(' || t[bEnd] === '[')
      continue;
    const a = t.slice(i, aEnd);
    let b = t.slice(aEnd + 1, bEnd);
    // "." + name is not name + ".": strings do not commute.
    if (op === '+' && [...a, ...b].some((x) => x.startsWith('"'))) continue;
    if (op === '+' && a[0] === '-' && a.length === 2) {
      // -1 + x → x - 1
      t.splice(i, bEnd - i, ...b, '-', a[1] ?? '');
      continue;
    }
    if (!COMMUTATIVE.has(op) && !FLIPPED[op] && op !== '<' && op !== '<=') continue;
    let first = a;
    if (FLIPPED[op]) {
      op = FLIPPED[op] ?? op;
      first = b;
      b = a;
    } else if (COMMUTATIVE.has(op) && b.join(' ') < a.join(' ')) {
      first = b;
      b = a;
    }
    t.splice(i, bEnd - i, ...first, op, ...b);
    i = i + first.length + b.length;
  }
  return t;
}

/** Names, numbers, arithmetic and brackets only: no property access, no calls, no strings. */
const ARITH = /^(?:[\w\s+\-*/()%]|\.(?=\d))+$/;
const CALL = /[A-Za-z_$][\w$]*\s*\(/;

/** The arithmetic expressions in a line of code: right sides of `=`, `return …`, a whole line. */
function expressionsIn(code: string): string[] {
  const out: string[] = [];
  for (const raw of code.split(/\n|;|:(?=\s*return)/)) {
    const line = raw.trim().replace(/^(?:return|print\s*\(|>>>)\s*/, '');
    const rhs = /^[A-Za-z_$][\w$]*\s*=(?!=)\s*(.+)$/.exec(line)?.[1] ?? line;
    const expr = rhs.replace(/\)\s*$/, (m) =>
      (rhs.match(/\(/g)?.length ?? 0) < (rhs.match(/\)/g)?.length ?? 0) ? '' : m,
    );
    if (ARITH.test(expr) && !CALL.test(expr) && /[+\-*/%]/.test(expr)) out.push(expr.trim());
  }
  return out;
}

function evaluate(expr: string, names: readonly string[], values: readonly number[]): number | undefined {
  try {
    // Only names, numbers and arithmetic reach here (ARITH); `//` is not JavaScript and is skipped.
    if (expr.includes('//')) return undefined;
    const f = new Function(...names, `return (${expr.replace(/\*\*/g, '**')});`) as (
      ...a: number[]
    ) => unknown;
    const v = f(...values);
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A formula the fix writes, given in another form that computes the same (`celsius * 1.8 + 32`
 * for `celsius * 9 / 5 + 32`): both evaluated on a few values of their names.
 */
export function sameFormula(solutionLines: readonly string[], hintCode: string): string | undefined {
  const theirs = expressionsIn(hintCode);
  if (theirs.length === 0) return undefined;
  for (const line of solutionLines) {
    for (const mine of expressionsIn(line)) {
      const names = [...new Set(mine.match(/[A-Za-z_$][\w$]*/g) ?? [])];
      if (names.length === 0 || mine.replace(/\s/g, '').length < 5) continue;
      const samples = [
        [3.5, 7, -2],
        [10, -4, 0.25],
        [-1.5, 2, 9],
      ].map((s) => names.map((_, i) => s[i % s.length] ?? 1));
      for (const expr of theirs) {
        const used = expr.match(/[A-Za-z_$][\w$]*/g) ?? [];
        if (!used.every((n) => names.includes(n)) || expr.replace(/\s/g, '') === mine.replace(/\s/g, ''))
          continue;
        const same = samples.every((vals) => {
          const a = evaluate(mine, names, vals);
          const b = evaluate(expr, names, vals);
          return a !== undefined && b !== undefined && Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(a));
        });
        if (same) return expr;
      }
    }
  }
  return undefined;
}
