/**
 * The hint ladder's conversation with the backend: ask for the next rung or a follow-up, follow
 * its text as it streams in (hintDelta, hintRestart, hintChecking), cancel it, and stop it when
 * the learner leaves the exercise.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TutorHint } from '../../../shared/api/calls/tutor.ts';
import type { RunResult } from '../../../shared/runner/protocol.ts';
import { useApp } from '../../app/context.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import { failureText } from '../../i18n/failure.ts';

type Phase = { kind: 'idle' } | { kind: 'streaming'; requestId: string } | { kind: 'done' };

export interface HintRequest {
  trackId: string;
  exerciseId: string;
  getCode: () => string;
  lastResult: RunResult | null;
  /** A hint was given (it is recorded). */
  onHint?: () => void;
}

export function useHintLadder({ trackId, exerciseId, getCode, lastResult, onHint }: HintRequest) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { locale } = useLocale();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [streamed, setStreamed] = useState('');
  /** The last hint the learner got (a cancelled request leaves it as it was). */
  const [hint, setHint] = useState<TutorHint | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  /** The backend holds text it is still judging (nothing reaches the page before that). */
  const [checking, setChecking] = useState(false);
  const current = useRef<string | null>(null);

  useEffect(() => {
    const offDelta = api.on('hintDelta', ({ requestId, text }) => {
      if (requestId !== current.current) return;
      setStreamed((s) => s + text);
      setChecking(false);
    });
    const offRestart = api.on('hintRestart', ({ requestId }) => {
      if (requestId !== current.current) return;
      setStreamed('');
      setChecking(false);
    });
    const offChecking = api.on('hintChecking', ({ requestId }) => {
      if (requestId === current.current) setChecking(true);
    });
    return () => {
      offDelta();
      offRestart();
      offChecking();
    };
  }, [api]);

  // Leaving the exercise stops a hint still streaming for it.
  useEffect(
    () => () => {
      const running = current.current;
      current.current = null;
      if (running) void api.cancelHint({ requestId: running }).catch(() => {});
    },
    [api],
  );

  /** Asks for the next rung, or answers a follow-up; says whether a new hint came. */
  const ask = async (followUp?: string): Promise<boolean> => {
    const requestId = crypto.randomUUID();
    current.current = requestId;
    setPhase({ kind: 'streaming', requestId });
    setStreamed('');
    setChecking(false);
    setFailure(null);
    setCancelled(false);
    try {
      const answer = await api.requestHint({
        requestId,
        trackId,
        exerciseId,
        code: getCode(),
        lastResult,
        locale,
        ...(followUp ? { followUp } : {}),
      });
      if (current.current !== requestId) return false;
      if (answer.reason === 'cancelled') {
        setCancelled(true);
      } else if (answer.status) {
        // Nothing new: the ladder and the position on it stay as they were.
        setHint((previous) => ({ ...(previous ?? answer), text: '', status: answer.status }));
      } else {
        setHint(answer);
        onHint?.();
        return true;
      }
    } catch (err) {
      if (current.current === requestId) setFailure(failureText(t, err));
    } finally {
      if (current.current === requestId) {
        current.current = null;
        setPhase({ kind: 'done' });
      }
    }
    return false;
  };

  const cancel = () => {
    if (phase.kind === 'streaming') void api.cancelHint({ requestId: phase.requestId });
  };

  return { streaming: phase.kind === 'streaming', streamed, hint, cancelled, failure, checking, ask, cancel };
}
