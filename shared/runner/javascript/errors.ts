/**
 * Errors for beginners: what QuickJS threw, with the stack trimmed to the learner's own files and
 * the first frame in the learner's file turned into a line/column for a Monaco marker.
 */
import type { LearnerError } from '../protocol.ts';
import { originalColumn, type SourceFile } from './compile.ts';
import type { ThrownValue } from './sandbox/host.ts';
import { TRACK_ASYNC_GLOBAL } from './sandbox/rejections.ts';

interface Frame {
  fn: string | null;
  file: string;
  line: number;
  column: number;
}

/** QuickJS frames: `    at fn (file.js:3:7)` or `    at file.js:3:7`. */
const FRAME = /^\s*at (?:(.*?) \()?([^()\s]+):(\d+):(\d+)\)?\s*$/;

function parseStack(stack: string): Frame[] {
  const frames: Frame[] = [];
  for (const line of stack.split('\n')) {
    const match = FRAME.exec(line);
    if (!match) continue;
    frames.push({
      fn: match[1] ?? null,
      file: match[2] ?? '',
      line: Number(match[3]),
      column: Number(match[4]),
    });
  }
  return frames;
}

/**
 * The learner-facing error for a thrown value. `files` are the learner's file first, then the
 * test file; frames in the harness or the assertion library are dropped.
 */
export function toLearnerError(thrown: ThrownValue, files: SourceFile[]): LearnerError {
  const frames = withoutAsyncWrappers(parseStack(thrown.stack)).filter((frame) =>
    files.some((file) => file.name === frame.file),
  );
  // An Error subclass's constructor is on the stack where the error was made; the learner wants
  // the line that threw it, as V8 shows.
  while (frames.length > 1 && frames[0]?.fn === thrown.name) frames.shift();
  const here = frames.find((frame) => frame.file === files[0]?.name);
  const error: LearnerError = { type: thrown.name, message: v8Wording(thrown.message) };
  if (thrown.code) error.code = thrown.code;
  const located = here ?? frames[0];
  const file = files.find((candidate) => candidate.name === located?.file);
  if (located && file) {
    error.file = file.name;
    error.line = located.line;
    const column = originalColumn(file, located.line, located.column);
    if (column !== undefined) error.column = column;
  }
  if (frames.length > 0) {
    error.traceback = collapseRepeats(
      frames.map(
        (frame) =>
          `    at ${frame.fn ? `${frame.fn} (${frame.file}:${frame.line})` : `${frame.file}:${frame.line}`}`,
      ),
    ).join('\n');
  }
  const overflow =
    (thrown.name === 'RangeError' && /call stack/i.test(thrown.message)) ||
    (thrown.name === 'InternalError' && /stack overflow/i.test(thrown.message));
  if (overflow) {
    // QuickJS says "InternalError: stack overflow"; learners look up V8's wording.
    error.type = 'RangeError';
    error.message =
      'Maximum call stack size exceeded: a function kept calling itself without stopping (is the base case missing?)';
    error.code = 'recursion';
  } else if (/out of memory/i.test(thrown.message)) {
    error.type = 'MemoryError';
    error.message = `Your program used more memory than it is allowed (${MEMORY_LIMIT_MB} MB) and was stopped.`;
    error.code = 'memory';
    error.params = { limitMb: String(MEMORY_LIMIT_MB) };
  }
  return error;
}

/**
 * A rewritten async function (async-tracking.ts) shows as its body, the tracker, then the
 * function itself on its first line: keep the body, which carries the function's name.
 */
function withoutAsyncWrappers(frames: Frame[]): Frame[] {
  return frames.filter((_, i) => frames[i - 1]?.fn !== TRACK_ASYNC_GLOBAL);
}

/** Runaway recursion leaves hundreds of identical frames: show three, then count the rest. */
function collapseRepeats(lines: string[]): string[] {
  const out: string[] = [];
  let repeats = 0;
  const flush = () => {
    if (repeats > 0) out.push(`    [previous line repeated ${repeats} more times]`);
    repeats = 0;
  };
  lines.forEach((line, i) => {
    const same = i >= 3 && line === lines[i - 1] && line === lines[i - 2] && line === lines[i - 3];
    if (same) repeats++;
    else {
      flush();
      out.push(line);
    }
  });
  flush();
  return out;
}

/** The QuickJS sandbox's memory limit, as the learner is told it. */
const MEMORY_LIMIT_MB = 256;

/** QuickJS words a few common messages differently from V8; learners look the V8 ones up. */
function v8Wording(message: string): string {
  return message
    .replace(/^'([^']+)' is not defined$/, '$1 is not defined')
    .replace(
      /^cannot read property '([^']+)' of (undefined|null)$/,
      "Cannot read properties of $2 (reading '$1')",
    );
}

/** One line for a test's message: the error, then where it happened in the learner's code. */
export function testMessage(thrown: ThrownValue, files: SourceFile[]): string {
  if (thrown.assertion) return thrown.message;
  const error = toLearnerError(thrown, files);
  const where = error.line !== undefined && error.file ? ` (${error.file}, line ${error.line})` : '';
  return `${error.type}: ${error.message}${where}`;
}

/**
 * The code and parameters of a failed check: the matcher's, as the harness described it
 * (sandbox/matcher-failures.ts), or, for an assertion it could not describe (`expect.unreachable`,
 * an AssertionError thrown by hand), the line of the test file it failed on, quoted.
 */
export function failedCheck(
  thrown: ThrownValue,
  files: SourceFile[],
): { code: string; params: Record<string, string> } {
  if (thrown.check) return { code: thrown.check.code, params: { ...thrown.check.params } };
  const tests = files[1];
  const frame = parseStack(thrown.stack).find((f) => f.file === tests?.name);
  const line = frame ? tests?.original.split('\n')[frame.line - 1]?.trim() : undefined;
  return { code: 'checkFailed', params: { check: line || thrown.name } };
}

export function timeoutError(limitMs: number): LearnerError {
  const seconds = limitMs % 1000 === 0 ? `${limitMs / 1000} s` : `${limitMs} ms`;
  return {
    type: 'Timeout',
    message: `Your code ran longer than ${seconds} and was stopped. Is there a loop that never ends?`,
    // The page words it from the code (runner.learnerError.timeout); the message is for the CLI.
    code: 'timeout',
    params: { seconds: String(Math.round(limitMs / 100) / 10) },
    // The code words the message; what a timeout usually means is still explained below it.
    explanation: 'common.Timeout',
  };
}

/**
 * Check found nothing left to run while `file` was still loading: its top level awaits a promise
 * that never settles. The tests never ran, so this is never a pass.
 */
export function neverFinishedError(file: string, learnerFile: boolean): LearnerError {
  return {
    type: 'ModuleNeverFinished',
    message: learnerFile
      ? 'Your code never finished loading: its top level waits (await) for a promise that never settles, so the tests could not run.'
      : 'The tests never finished: they wait for a promise that never settles, so not every test ran.',
    file,
    code: learnerFile ? 'neverLoaded' : 'testsNeverFinished',
  };
}

export function stoppedError(): LearnerError {
  return { type: 'Stopped', message: 'You stopped the program.', code: 'stopped' };
}
