/**
 * Golden results, as Exercism tests its runners: each folder of tests/golden/<language>/ holds a
 * program (code.*), the exercise's tests when it is a Check (tests.*), the request (request.json)
 * and the result the learner must get (expected.json). Both runners run in the Node sandbox host,
 * the way the backend runs them. A change to what a learner sees shows as a diff of expected.json:
 * review it, then regenerate with `LANTERN_UPDATE_GOLDEN=1 npx vitest run tests/integration/runner-host/golden.test.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RunRequest, RunResult } from '../../../shared/runner/protocol.ts';
import { useSandbox } from './helpers.ts';

const sandbox = useSandbox();
const root = fileURLToPath(new URL('../../golden/', import.meta.url));
const update = process.env.LANTERN_UPDATE_GOLDEN === '1';
const EXTENSION = { python: 'py', javascript: 'js' } as const;

/** What a learner sees of a result: no timings, nothing that differs from run to run. */
function seen(result: RunResult & { streamed?: string }): unknown {
  return {
    status: result.status,
    ...(result.message !== undefined ? { message: result.message } : {}),
    stdout: result.stdout,
    ...(result.stderr ? { stderr: result.stderr } : {}),
    tests: result.tests.map((t) => ({
      name: t.name,
      status: t.status,
      ...(t.message !== undefined ? { message: t.message } : {}),
      // What the page words instead of the message (runner.testMessage.<code>).
      ...(t.code !== undefined ? { code: t.code } : {}),
      ...(t.params !== undefined ? { params: t.params } : {}),
      ...(t.expected !== undefined ? { expected: t.expected } : {}),
      ...(t.actual !== undefined ? { actual: t.actual } : {}),
      ...(t.output !== undefined ? { output: t.output } : {}),
      ...(t.error ? { error: { type: t.error.type, message: t.error.message, line: t.error.line } } : {}),
    })),
    ...(result.error
      ? {
          error: {
            type: result.error.type,
            message: result.error.message,
            ...(result.error.file !== undefined ? { file: result.error.file } : {}),
            ...(result.error.line !== undefined ? { line: result.error.line } : {}),
            ...(result.error.explanation !== undefined ? { explanation: result.error.explanation } : {}),
          },
        }
      : {}),
  };
}

for (const language of ['python', 'javascript'] as const) {
  const folder = path.join(root, language);
  const cases = fs.readdirSync(folder).filter((name) => fs.statSync(path.join(folder, name)).isDirectory());
  describe(`golden results, ${language}`, () => {
    it('has cases to check', () => {
      expect(cases.length).toBeGreaterThanOrEqual(6);
    });
    for (const name of cases) {
      it(name, async () => {
        const dir = path.join(folder, name);
        const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
        const request = JSON.parse(read('request.json')) as Pick<RunRequest, 'mode' | 'module' | 'stdin'>;
        const testsFile = `tests.${EXTENSION[language]}`;
        const result = await sandbox.run({
          ...request,
          language,
          code: read(`code.${EXTENSION[language]}`),
          ...(fs.existsSync(path.join(dir, testsFile)) ? { tests: read(testsFile) } : {}),
          timeLimitMs: 10_000,
        });
        const actual = seen(result);
        const expectedFile = path.join(dir, 'expected.json');
        if (update || !fs.existsSync(expectedFile))
          fs.writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n');
        expect(actual).toEqual(JSON.parse(fs.readFileSync(expectedFile, 'utf8')));
      });
    }
  });
}
