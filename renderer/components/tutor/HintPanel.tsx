/**
 * The tutor's hint panel beside an exercise: one rung of the ladder per click, streamed in as it
 * is written, with Cancel, a short follow-up question box, and a line saying where the hint came
 * from (the tutor model, the exercise's own hints, or worked out from the learner's tests).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TutorHint } from '../../../shared/api/calls/tutor.ts';
import type { RunResult } from '../../../shared/runner/protocol.ts';
import { useApp } from '../../app/context.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import { Markdown } from '../Markdown.tsx';
import { noticeKey } from './notice.ts';
import './hint-panel.css';

export interface HintPanelProps {
  trackId: string;
  exerciseId: string;
  getCode: () => string;
  lastResult: RunResult | null;
  /** A hint was given (it is recorded): the lesson page refreshes what it offers next. */
  onHint?: () => void;
}

type Phase = { kind: 'idle' } | { kind: 'streaming'; requestId: string } | { kind: 'done' };

/** A different exercise gets a fresh panel (its own ladder position and text). */
export function HintPanel(props: HintPanelProps) {
  return <HintPanelBody key={`${props.trackId}/${props.exerciseId}`} {...props} />;
}

function HintPanelBody({ trackId, exerciseId, getCode, lastResult, onHint }: HintPanelProps) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { locale } = useLocale();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [streamed, setStreamed] = useState('');
  /** The last hint the learner got (a cancelled request leaves it as it was). */
  const [hint, setHint] = useState<TutorHint | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [question, setQuestion] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  /** The backend holds text it is still judging (nothing reaches the page before that). */
  const [checking, setChecking] = useState(false);
  const current = useRef<string | null>(null);
  const ids = { title: useId(), question: useId() };

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

  const ask = async (followUp?: string) => {
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
      if (current.current !== requestId) return;
      if (answer.reason === 'cancelled') {
        setCancelled(true);
      } else if (answer.status) {
        // Nothing new: the ladder and the position on it stay as they were.
        setHint((previous) => ({ ...(previous ?? answer), text: '', status: answer.status }));
      } else {
        setHint(answer);
        if (followUp) setQuestion('');
        onHint?.();
      }
    } catch (err) {
      if (current.current === requestId) setFailure((err as Error).message);
    } finally {
      if (current.current === requestId) {
        current.current = null;
        setPhase({ kind: 'done' });
      }
    }
  };

  const cancel = () => {
    if (phase.kind === 'streaming') void api.cancelHint({ requestId: phase.requestId });
  };

  const streaming = phase.kind === 'streaming';
  const showHint = !streaming && !cancelled && hint !== null;
  const shownText = streaming ? streamed : showHint ? hint.text : '';
  const level = hint?.level ?? 0;
  const steps = hint?.steps ?? 4;
  const notice = showHint && !hint.status ? noticeKey(hint) : undefined;

  return (
    <section className="hint-panel card" aria-labelledby={ids.title} data-testid="hint-panel">
      <header className="hint-panel-head">
        <h2 id={ids.title}>{t('tutor.title')}</h2>
        {level > 0 && (
          <span className="hint-level" data-testid="hint-level">
            {t('tutor.level', { level, steps, name: t(`tutor.levelName.${level}`) })}
          </span>
        )}
      </header>
      {level === 0 && !streaming && <p className="hint-intro">{t('tutor.intro')}</p>}

      <div className="hint-actions">
        <button
          type="button"
          className="primary"
          onClick={() => void ask()}
          disabled={streaming}
          data-testid="hint-request"
        >
          {level === 0 ? t('tutor.getHint') : t('tutor.nextHint')}
        </button>
        {streaming && (
          <button type="button" onClick={cancel} data-testid="hint-cancel">
            {t('tutor.cancel')}
          </button>
        )}
      </div>

      <div className="hint-body" aria-live="polite" aria-busy={streaming} data-testid="hint-text">
        {streaming && !streamed && !checking && <p className="hint-waiting">{t('tutor.thinking')}</p>}
        {shownText && <Markdown source={shownText} />}
        {streaming && checking && (
          <p className="hint-waiting hint-checking" data-testid="hint-checking">
            {t('tutor.checking')}
          </p>
        )}
        {showHint && hint.status === 'no-more-hints' && (
          <p className="hint-waiting" data-testid="hint-status">
            {t('tutor.noMoreHints', { steps })}
          </p>
        )}
        {showHint && hint.status === 'follow-up-limit' && (
          <p className="hint-waiting" data-testid="hint-status">
            {t('tutor.followUpLimit', { limit: hint.followUpLimit ?? 5 })}
          </p>
        )}
        {cancelled && !streaming && <p className="hint-waiting">{t('tutor.cancelled')}</p>}
      </div>

      {showHint && !hint.status && (
        <p className={`hint-kind hint-kind-${hint.kind}`} data-testid="hint-kind">
          {t(`tutor.kind.${hint.kind}`)}
        </p>
      )}
      {notice && (
        <p className="hint-notice" role="note" data-testid="hint-notice">
          {t(`tutor.notice.${notice}`)}
        </p>
      )}
      {failure && (
        <p className="status error" role="alert">
          {t('tutor.failed', { message: failure })}
        </p>
      )}

      <form
        className="hint-followup"
        onSubmit={(e) => {
          e.preventDefault();
          const q = question.trim();
          if (q && !streaming) void ask(q);
        }}
      >
        <label htmlFor={ids.question}>{t('tutor.followUpLabel')}</label>
        <div className="hint-followup-row">
          <input
            id={ids.question}
            type="text"
            maxLength={500}
            value={question}
            placeholder={t('tutor.followUpPlaceholder')}
            onChange={(e) => setQuestion(e.target.value)}
            data-testid="hint-question"
          />
          <button type="submit" disabled={streaming || !question.trim()} data-testid="hint-ask">
            {t('tutor.ask')}
          </button>
        </div>
      </form>
    </section>
  );
}
