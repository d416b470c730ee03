/**
 * A given program's trace, recorded once its language's runtime is ready: a run loaded as
 * useData loads from the backend, so no step writes its own load effect.
 */
import { useState } from 'react';
import type { RunResult } from '../../shared/runner/protocol.ts';
import { useData } from '../app/useData.ts';
import { useRuntimeState } from '../lesson/useRunner.ts';
import { recordTrace, type VisualiseTarget } from './recording.ts';

export function useRecordedTrace(target: VisualiseTarget): {
  result: RunResult | null;
  /** Why the recording failed. */
  failed: string | null;
} {
  const runtime = useRuntimeState(target.language);
  // Recorded once the runtime is first ready; kept if it restarts later.
  const [started, setStarted] = useState(false);
  if (runtime.phase === 'ready' && !started) setStarted(true);
  const { language, module, code, tests, timeLimitMs } = target;
  const key = started ? JSON.stringify([language, module, code, tests ?? null, timeLimitMs ?? null]) : null;
  const recording = useData(key, () => recordTrace(target, []));
  return { result: recording.value ?? null, failed: recording.error ? recording.error.message : null };
}
