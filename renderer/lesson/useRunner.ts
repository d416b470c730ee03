/**
 * One exercise's runs as the UI sees them: the console (output as it streams in, the input
 * prompt), whether something is running, the last result, and the runtime's loading state.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Language } from '../../shared/content/schema.ts';
import type { RunRequest, RunResult } from '../../shared/runner/protocol.ts';
import { runnerHost, runtimeOf, type RuntimeState } from '../runner/host.ts';
import {
  suppressionComments,
  TYPE_CHECK_TIME_LIMIT_MS,
  typeErrorResult,
} from '../../shared/runner/javascript/type-check.ts';
import { typeDiagnostics } from '../editor/type-check.ts';

export interface ConsoleChunk {
  stream: 'stdout' | 'stderr' | 'stdin';
  text: string;
}

/** Output is batched per animation frame: a print loop must not re-render the page per line. */
function useBatchedConsole() {
  const [chunks, setChunks] = useState<ConsoleChunk[]>([]);
  const pending = useRef<ConsoleChunk[]>([]);
  const frame = useRef<number | null>(null);
  const flush = useCallback(() => {
    frame.current = null;
    const next = pending.current;
    pending.current = [];
    if (next.length > 0) setChunks((c) => [...c, ...next]);
  }, []);
  const push = useCallback(
    (chunk: ConsoleChunk) => {
      pending.current.push(chunk);
      frame.current ??= requestAnimationFrame(flush);
    },
    [flush],
  );
  const clear = useCallback(() => {
    pending.current = [];
    setChunks([]);
  }, []);
  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );
  return { chunks, push, clear, flush };
}

export function useRuntimeState(language: Language): RuntimeState {
  const host = runnerHost();
  const runtime = runtimeOf(language);
  return useSyncExternalStore(
    (listener) => host.subscribe(listener),
    () => host.state(runtime),
  );
}

/**
 * A TypeScript Check whose code has a type error runs no test: its result is the error, as the
 * backend's verdict will be (decision 0048). Null when there is none, or for anything else.
 */
async function typeErrorsOf(request: RunRequest): Promise<RunResult | null> {
  if (request.mode !== 'check' || request.language !== 'typescript' || request.trace) return null;
  const started = performance.now();
  const file = `${request.module}.ts`;
  // Should the editor's checker fail, or still be at it past the backend's limit (Monaco's has
  // none: a slow type kept the Check spinning for as long as it took), the tests run; the backend
  // still checks the types, in a worker it stops at its limit. The limit is the check's alone: a
  // worker still starting is waited for (typeDiagnostics), or a cold first Check ran unchecked.
  const found = [
    ...suppressionComments(request.code),
    ...(await typeDiagnostics(file, request.code, TYPE_CHECK_TIME_LIMIT_MS).catch(() => [])),
  ];
  return found.length ? typeErrorResult(file, found, performance.now() - started) : null;
}

export function useRunner(language: Language) {
  const host = runnerHost();
  const { chunks, push, clear, flush } = useBatchedConsole();
  const [running, setRunning] = useState<RunRequest['mode'] | null>(null);
  const [prompt, setPrompt] = useState<string | null>(null);
  const [result, setResult] = useState<RunResult | null>(null);
  const runtime = useRuntimeState(language);

  useEffect(() => host.warm(runtimeOf(language)), [host, language]);

  const run = useCallback(
    async (request: RunRequest): Promise<RunResult> => {
      clear();
      setResult(null);
      setRunning(request.mode);
      try {
        const typeErrors = await typeErrorsOf(request);
        if (typeErrors) {
          setResult(typeErrors);
          return typeErrors;
        }
        const outcome = await host.run(request, {
          onOutput: (stream, text) => push({ stream, text }),
          onInput: (p) => {
            flush();
            setPrompt(p);
          },
        });
        flush();
        setResult(outcome);
        return outcome;
      } finally {
        setPrompt(null);
        setRunning(null);
      }
    },
    [host, clear, push, flush],
  );

  const answer = useCallback(
    (line: string) => {
      push({ stream: 'stdin', text: `${line}\n` });
      setPrompt(null);
      host.answer(language, line);
    },
    [host, language, push],
  );

  const stop = useCallback(() => host.stop(language), [host, language]);

  return { run, stop, answer, running, prompt, result, runtime, console: chunks };
}
