/**
 * The leak guard: a hint must never hand over the answer.
 *
 * `HeldCodeStream` passes prose through to the UI as it streams, but holds every fenced code
 * block (and whatever follows it) until that block has been checked. A block is a leak when it
 * nearly equals the reference solution, or when it passes the exercise's tests in the sandbox.
 * After a leak nothing more is released, so a solving code block never reaches the screen.
 */
import type { Exercise } from '../../../shared/content/schema.ts';
import type { RunCode } from '../../../shared/runner/protocol.ts';

export interface CodeBlock {
  /** Fence info string, e.g. `python`, `js`, `text`. */
  info: string;
  code: string;
}

export type LeakVerdict =
  { leak: false } | { leak: true; why: 'near-solution' | 'passes-tests' | 'unverifiable' };

/** Similarity (0..1) at or above which a code block counts as the reference solution. */
export const NEAR_SOLUTION = 0.8;

const FENCE = /^\s{0,3}(```+|~~~+)\s*([\w+#.-]*)/;

export class HeldCodeStream {
  private readonly onText: (text: string) => void;
  private readonly check: (block: CodeBlock) => Promise<LeakVerdict>;
  private line = '';
  /** Characters of `line` already released (only when it could not be a fence). */
  private released = 0;
  private fence: { marker: string; info: string; lines: string[]; raw: string } | undefined;
  private chain: Promise<void> = Promise.resolve();
  private verdict: LeakVerdict = { leak: false };
  readonly blocks: CodeBlock[] = [];

  constructor(onText: (text: string) => void, check: (block: CodeBlock) => Promise<LeakVerdict>) {
    this.onText = onText;
    this.check = check;
  }

  push(delta: string): void {
    let rest = delta;
    while (rest.length > 0) {
      const nl = rest.indexOf('\n');
      if (nl === -1) {
        this.line += rest;
        this.releasePartial();
        return;
      }
      this.line += rest.slice(0, nl + 1);
      rest = rest.slice(nl + 1);
      this.completeLine();
    }
  }

  /** Flushes the last line and any unterminated block; resolves once everything is checked. */
  async end(): Promise<LeakVerdict> {
    if (this.line) this.completeLine();
    if (this.fence) this.closeFence('');
    await this.chain;
    return this.verdict;
  }

  private releasePartial(): void {
    if (this.fence) return;
    // A line that might still become a fence (``` at its start) waits for its newline.
    const start = this.line.trimStart();
    if (start.length < 3 && /^[`~]*$/.test(start)) return;
    if (FENCE.test(this.line)) return;
    this.emit(this.line.slice(this.released));
    this.released = this.line.length;
  }

  private completeLine(): void {
    const line = this.line;
    const unreleased = line.slice(this.released);
    this.line = '';
    this.released = 0;
    if (this.fence) {
      const close = FENCE.exec(line);
      if (
        close &&
        close[1] &&
        close[1][0] === this.fence.marker[0] &&
        close[1].length >= this.fence.marker.length &&
        !close[2]
      )
        this.closeFence(line);
      else {
        this.fence.lines.push(line);
        this.fence.raw += line;
      }
      return;
    }
    const open = FENCE.exec(line);
    if (open && open[1] && unreleased === line) {
      this.fence = { marker: open[1], info: (open[2] ?? '').toLowerCase(), lines: [], raw: line };
      return;
    }
    this.emit(unreleased);
  }

  private closeFence(closingLine: string): void {
    const f = this.fence;
    if (!f) return;
    this.fence = undefined;
    const block = { info: f.info, code: f.lines.join('') };
    this.blocks.push(block);
    const raw = f.raw + closingLine;
    const verdict = this.check(block).catch((): LeakVerdict => ({ leak: true, why: 'unverifiable' }));
    this.chain = this.chain.then(async () => {
      if (this.verdict.leak) return;
      const v = await verdict;
      if (v.leak) this.verdict = v;
      else this.onText(raw);
    });
  }

  private emit(text: string): void {
    if (!text) return;
    this.chain = this.chain.then(() => {
      if (!this.verdict.leak) this.onText(text);
    });
  }
}

const LANGUAGE_FENCES: Record<string, string[]> = {
  python: ['python', 'py', 'python3', ''],
  javascript: ['javascript', 'js', 'node', 'mjs', ''],
  typescript: ['typescript', 'ts', 'javascript', 'js', ''],
};

/**
 * Decides whether one code block gives the exercise away. Near-equality with the reference
 * solution is checked for every block; blocks in the exercise's language (or unlabelled) are also
 * run against its tests when a sandbox runner is available.
 */
export async function checkCodeBlock(
  block: CodeBlock,
  exercise: Exercise,
  runTests?: RunCode,
): Promise<LeakVerdict> {
  if (exercise.solution && similarity(block.code, exercise.solution) >= NEAR_SOLUTION)
    return { leak: true, why: 'near-solution' };
  const language = exercise.language ?? 'python';
  if (!runTests || !exercise.tests || !LANGUAGE_FENCES[language]?.includes(block.info))
    return { leak: false };
  if (block.code.trim().split('\n').length < 2 && !/\b(def|function|return|=>)\b/.test(block.code))
    return { leak: false };
  const result = await runTests({
    mode: 'check',
    language,
    module: exercise.module,
    code: block.code,
    tests: exercise.tests,
    timeLimitMs: exercise.timeLimitMs,
  });
  return result.status === 'pass' ? { leak: true, why: 'passes-tests' } : { leak: false };
}

/** Normalised edit-distance similarity of two programs, ignoring comments, blank lines and spacing. */
export function similarity(a: string, b: string): number {
  const x = normalise(a);
  const y = normalise(b);
  if (!x && !y) return 1;
  const longest = Math.max(x.length, y.length);
  if (Math.min(x.length, y.length) / longest < NEAR_SOLUTION) return 0; // too different in length to be near
  return 1 - levenshtein(x, y) / longest;
}

function normalise(code: string): string {
  return code
    .split('\n')
    .map((l) => l.replace(/(^|\s)(#|\/\/).*$/, '').trim())
    .filter(Boolean)
    .join('\n')
    .replace(/[ \t]+/g, ' ')
    .replace(/["'`]/g, '"');
}

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  // Quadratic: past a few thousand characters claim no similarity (the tests still run).
  if (a.length > 4000 || b.length > 4000) return Math.max(a.length, b.length);
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
