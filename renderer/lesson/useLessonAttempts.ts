/**
 * A lesson's attempts as the page sees them: the step's recorded state, the latest graded attempt
 * of this visit and the backend's verdict on it. Every Run, Check and answer is recorded.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LessonState, OpenedLesson, RecordedVerdict } from '../../shared/api/calls/lessons.ts';
import type { RunResult } from '../../shared/runner/protocol.ts';
import { useApp } from '../app/context.ts';
import { testCounts } from './attempt.ts';

export type AttemptKind = 'run' | 'check' | 'predict' | 'quiz';

export function useLessonAttempts(opened: OpenedLesson) {
  const { api } = useApp();
  const ref = { trackId: opened.trackId, exerciseId: opened.exercise.id };
  const [state, setState] = useState<LessonState>(opened.state);
  // The latest graded attempt of this visit (a Check, an answer), so the success box speaks of
  // it alone: 'pending' while it is being judged, null before the first.
  const [latest, setLatest] = useState<'pending' | 'pass' | 'fail' | null>(null);
  // The backend's verdict on the last graded attempt: what is recorded, whatever the page showed.
  const [verdict, setVerdict] = useState<RecordedVerdict | null>(null);
  const started = useRef(0);
  useEffect(() => {
    started.current = performance.now();
  }, []);

  /** Records an attempt; `result` is the page's own, absent for an answer the page cannot judge. */
  const record = useCallback(
    async (
      kind: AttemptKind,
      code: string,
      result?: Pick<RunResult, 'status' | 'tests'>,
    ): Promise<RecordedVerdict | null> => {
      if (kind !== 'run') {
        setVerdict(null);
        setLatest('pending');
      }
      const { verdict: recorded, ...next } = await api.recordAttempt({
        ...ref,
        kind,
        code,
        ...(result ? { status: result.status, ...testCounts(result) } : {}),
        timeTakenMs: Math.round(performance.now() - started.current),
      });
      setState(next);
      if (kind === 'run') return null;
      setVerdict(recorded);
      // Passed when the backend found the pass itself, not when the page says so.
      setLatest(recorded.status === 'pass' ? 'pass' : 'fail');
      return recorded;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, ref.trackId, ref.exerciseId],
  );

  const markRead = async () => {
    setState(await api.markRead(ref));
    setLatest('pass');
  };

  const revealQuizAnswer = async () => {
    const { right, state: next } = await api.revealQuizAnswer(ref);
    setState(next);
    return right;
  };

  /** A Check has started: the success box waits for its verdict. */
  const checking = () => setLatest('pending');

  // A step done before shows its success box until this visit's first attempt; after that, the
  // box shows only while the latest attempt is a pass.
  const showSuccess = latest === 'pass' || (latest === null && state.completed);

  return { state, setState, verdict, showSuccess, record, markRead, revealQuizAnswer, checking };
}
