/**
 * The host's check of what a sandbox child answered: the child runs untrusted code, so its result
 * is parsed like any input crossing a process boundary. Anything malformed is rejected whole.
 */
import { z } from 'zod';
import type { RunResult } from '../../../shared/runner/protocol.ts';
import { Trace } from '../../../shared/runner/trace/schema.ts';

const text = (max: number) => z.string().max(max);
/**
 * A code's parameter: the harnesses cut a value they quote at 2,000 characters (Python's
 * MAX_REPR) or 4,000 (the JavaScript harness's TEXT_LIMIT), each plus its "…".
 */
const param = text(4_001);

const LearnerErrorSchema = z.object({
  type: text(200),
  message: text(100_000),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  file: text(300).optional(),
  traceback: text(200_000).optional(),
  explanation: text(100).optional(),
  code: text(100).optional(),
  params: z.record(text(100), param).optional(),
});

const RunResultSchema = z.object({
  status: z.enum(['pass', 'fail', 'error', 'timeout']),
  message: text(100_000).optional(),
  stdout: text(2_100_000),
  stderr: text(2_100_000),
  truncated: z.boolean(),
  tests: z
    .array(
      z.object({
        name: text(1000),
        status: z.enum(['pass', 'fail', 'error']),
        message: text(100_000).optional(),
        output: text(200_000).optional(),
        expected: text(10_000).optional(),
        actual: text(10_000).optional(),
        error: LearnerErrorSchema.optional(),
        code: text(100).optional(),
        params: z.record(text(100), param).optional(),
      }),
    )
    .max(10_000),
  error: LearnerErrorSchema.optional(),
  durationMs: z.number(),
  restarted: z.boolean().optional(),
  trace: Trace.optional(),
});

export function checkRunResult(value: unknown): RunResult | undefined {
  const parsed = RunResultSchema.safeParse(value);
  return parsed.success ? (parsed.data as RunResult) : undefined;
}
