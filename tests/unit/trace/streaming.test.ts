/**
 * A JavaScript trace is handed out while it is recorded (RunnerIO.traceSteps), so the step view
 * can open at the first step: the first step at once, the rest in order, the same steps the
 * result then carries.
 */
import { describe, expect, it } from 'vitest';
import { runJavaScript } from '../../../shared/runner/javascript/index.ts';
import type { RunRequest } from '../../../shared/runner/protocol.ts';
import type { TraceStep } from '../../../shared/runner/trace/format.ts';

async function record(code: string) {
  const handedOut: TraceStep[][] = [];
  const request: RunRequest = { mode: 'run', language: 'javascript', module: 'main', code, trace: {} };
  const result = await runJavaScript(request, {
    write: () => undefined,
    readLine: () => null,
    traceSteps: (steps) => handedOut.push(structuredClone(steps)),
  });
  return { result, handedOut };
}

describe('JavaScript trace while it records', () => {
  it('hands out the first step on its own, then the rest in order, as the result has them', async () => {
    const { result, handedOut } = await record(
      'let total = 0;\nfor (let i = 0; i < 498; i++) {\n  total = total + i;\n}\nconsole.log(total);\n',
    );
    expect(handedOut[0]).toHaveLength(1);
    expect(handedOut[0]![0]!.line).toBe(1);
    const streamed = handedOut.flat();
    expect(result.trace!.steps).toHaveLength(1000);
    expect(result.trace!.steps.slice(0, streamed.length)).toEqual(streamed);
  });

  it('hands out no more than the step cap for a loop that never ends', async () => {
    const { result, handedOut } = await record('let n = 0;\nwhile (true) {\n  n++;\n}\n');
    expect(result.trace!.stopped).toBe('steps');
    expect(handedOut.flat().length).toBeLessThanOrEqual(1000);
    expect(result.trace!.steps).toHaveLength(1000);
  });
});
