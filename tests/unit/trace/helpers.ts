/** Visualise a program in either language, in-process, and read its trace as a learner would. */
import { loadPyodide } from 'pyodide';
import { bootPython } from '../../../shared/runner/python/boot.ts';
import { createPythonRunner, type PythonRunner } from '../../../shared/runner/python/index.ts';
import { runJavaScript } from '../../../shared/runner/javascript/index.ts';
import type { RunRequest, RunResult } from '../../../shared/runner/protocol.ts';
import { formatValue, type Trace, type TraceStep } from '../../../shared/runner/trace/format.ts';
import { Trace as TraceSchema } from '../../../shared/runner/trace/schema.ts';

let python: Promise<PythonRunner> | undefined;

/** Starts Pyodide once per file (seconds on a busy machine): call from a beforeAll. */
export async function warmPython(): Promise<void> {
  python ??= bootPython(loadPyodide, undefined as never).then(({ pyodide }) => createPythonRunner(pyodide));
  await python;
}

export async function visualise(
  language: RunRequest['language'],
  code: string,
  extra: Partial<RunRequest> = {},
): Promise<RunResult & { trace: Trace }> {
  const request: RunRequest = {
    mode: 'run',
    language,
    module: 'main',
    code,
    timeLimitMs: 5000,
    trace: {},
    ...extra,
  };
  const lines = [...(extra.stdin ?? [])];
  const io = { write: () => undefined, readLine: () => lines.shift() ?? null };
  let result: RunResult;
  if (language === 'python') {
    python ??= bootPython(loadPyodide, undefined as never).then(({ pyodide }) => createPythonRunner(pyodide));
    result = (await python).run(request, io);
  } else {
    result = await runJavaScript(request, io);
  }
  if (!result.trace) throw new Error(`no trace: ${JSON.stringify(result)}`);
  // The shape every consumer relies on (the Node host checks it the same way).
  TraceSchema.parse(result.trace);
  return result as RunResult & { trace: Trace };
}

/** `name=value` of every variable of every frame, innermost frame last. */
export function vars(step: TraceStep, language: Trace['language']): string[] {
  return step.frames.map(
    (f) => `${f.name}: ${f.vars.map(([n, v]) => `${n}=${formatValue(v, step.heap, language)}`).join(' ')}`,
  );
}

/** The value of `name` in the innermost frame that has it. */
export function value(step: TraceStep, name: string, language: Trace['language']): string | undefined {
  for (const frame of [...step.frames].reverse()) {
    const found = frame.vars.find(([n]) => n === name);
    if (found) return formatValue(found[1], step.heap, language);
  }
  return undefined;
}

export function ref(step: TraceStep, name: string): number | undefined {
  for (const frame of [...step.frames].reverse()) {
    const found = frame.vars.find(([n]) => n === name);
    if (found && 'ref' in found[1]) return found[1].ref;
  }
  return undefined;
}
