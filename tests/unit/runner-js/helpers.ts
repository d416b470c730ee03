/** Small wrappers so each test reads as "run this code, see this result". */
import type { RunRequest, RunResult } from '../../../shared/runner/protocol.ts';
import { runJavaScript, type RunnerIO, type RunOptions } from '../../../shared/runner/javascript/index.ts';

export interface Ran extends RunResult {
  /** Everything streamed to the console, in order, as `[stream] text` chunks joined. */
  streamed: string;
  prompts: string[];
}

export async function execute(
  req: RunRequest,
  answers: string[] = [],
  options: RunOptions = {},
): Promise<Ran> {
  let streamed = '';
  const prompts: string[] = [];
  const io: RunnerIO = {
    write: (_stream, text) => {
      streamed += text;
    },
    readLine: (prompt) => {
      prompts.push(prompt);
      return answers.shift() ?? null;
    },
  };
  const result = await runJavaScript(req, io, options);
  return { ...result, streamed, prompts };
}

export function run(code: string, extra: Partial<RunRequest> = {}, answers: string[] = []): Promise<Ran> {
  return execute(
    { mode: 'run', language: 'javascript', module: 'main', code, timeLimitMs: 2000, ...extra },
    answers,
  );
}

export function check(code: string, tests: string, extra: Partial<RunRequest> = {}): Promise<Ran> {
  return execute({
    mode: 'check',
    language: 'javascript',
    module: 'leap',
    code,
    tests,
    timeLimitMs: 2000,
    ...extra,
  });
}

export function statuses(result: RunResult): Record<string, string> {
  return Object.fromEntries(result.tests.map((test) => [test.name, test.status]));
}
