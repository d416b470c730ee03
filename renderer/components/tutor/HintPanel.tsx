/**
 * The tutor's hint panel beside an exercise: one rung of the ladder per click, streamed in as it
 * is written, with Cancel, a short follow-up question box, and a line saying where the hint came
 * from (the tutor model, the exercise's own hints, or worked out from the learner's tests).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Markdown } from '../Markdown.tsx';
import { noticeKey } from './notice.ts';
import { useHintLadder, type HintRequest } from './useHintLadder.ts';
import './hint-panel.css';

/**
 * `onHint`: a hint was given (it is recorded), so the lesson page refreshes what it offers next.
 * `step`: what the learner is doing there. On a Parsons step they arrange given lines and press
 * Check (there is no code to write or Run), so the panel's advice says that, not "run your code".
 */
export type HintPanelProps = HintRequest & { step?: 'exercise' | 'parsons' };

/** The key for a text the panel words differently on a Parsons step (`tutor.parsons.*`). */
type StepWord = 'noMoreHints' | 'followUpLimit' | 'followUpLabel' | 'followUpPlaceholder' | 'computed';
const wordKey = (step: HintPanelProps['step'], word: StepWord): string =>
  step === 'parsons'
    ? `tutor.parsons.${word}`
    : word === 'computed'
      ? 'tutor.kind.computed'
      : `tutor.${word}`;

/** A different exercise gets a fresh panel (its own ladder position and text). */
export function HintPanel(props: HintPanelProps) {
  return <HintPanelBody key={`${props.trackId}/${props.exerciseId}`} {...props} />;
}

function HintPanelBody(props: HintPanelProps) {
  const { t } = useTranslation();
  const ladder = useHintLadder(props);
  const { streaming, hint, cancelled, failure } = ladder;
  const titleId = useId();
  const showHint = !streaming && !cancelled && hint !== null;
  const level = hint?.level ?? 0;
  const steps = hint?.steps ?? 4;
  const notice = showHint && !hint.status ? noticeKey(hint) : undefined;

  return (
    <section className="hint-panel card" aria-labelledby={titleId} data-testid="hint-panel">
      <header className="hint-panel-head">
        <h2 id={titleId}>{t('tutor.title')}</h2>
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
          onClick={() => void ladder.ask()}
          disabled={streaming}
          data-testid="hint-request"
        >
          {level === 0 ? t('tutor.getHint') : t('tutor.nextHint')}
        </button>
        {streaming && (
          <button type="button" onClick={ladder.cancel} data-testid="hint-cancel">
            {t('tutor.cancel')}
          </button>
        )}
      </div>

      <HintText ladder={ladder} showHint={showHint} steps={steps} step={props.step} />

      {showHint && !hint.status && (
        <p className={`hint-kind hint-kind-${hint.kind}`} data-testid="hint-kind">
          {t(hint.kind === 'computed' ? wordKey(props.step, 'computed') : `tutor.kind.${hint.kind}`)}
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

      <FollowUp streaming={streaming} ask={ladder.ask} step={props.step} />
    </section>
  );
}

/** The hint as it streams in, or the last one given, or why there is none. */
function HintText({
  ladder: { streaming, streamed, checking, hint, cancelled },
  showHint,
  steps,
  step,
}: {
  ladder: ReturnType<typeof useHintLadder>;
  showHint: boolean;
  steps: number;
  step: HintPanelProps['step'];
}) {
  const { t } = useTranslation();
  const shownText = streaming ? streamed : showHint && hint ? hint.text : '';
  const status = showHint ? hint?.status : undefined;
  return (
    <div className="hint-body" aria-live="polite" aria-busy={streaming} data-testid="hint-text">
      {streaming && !streamed && !checking && <p className="hint-waiting">{t('tutor.thinking')}</p>}
      {shownText && <Markdown source={shownText} />}
      {streaming && checking && (
        <p className="hint-waiting hint-checking" data-testid="hint-checking">
          {t('tutor.checking')}
        </p>
      )}
      {status === 'no-more-hints' && (
        <p className="hint-waiting" data-testid="hint-status">
          {t(wordKey(step, 'noMoreHints'), { steps })}
        </p>
      )}
      {status === 'follow-up-limit' && (
        <p className="hint-waiting" data-testid="hint-status">
          {t(wordKey(step, 'followUpLimit'), { limit: hint?.followUpLimit ?? 5 })}
        </p>
      )}
      {cancelled && !streaming && <p className="hint-waiting">{t('tutor.cancelled')}</p>}
    </div>
  );
}

/** A short question about the hint; cleared once the tutor has answered it. */
function FollowUp({
  streaming,
  ask,
  step,
}: {
  streaming: boolean;
  ask: (followUp: string) => Promise<boolean>;
  step: HintPanelProps['step'];
}) {
  const { t } = useTranslation();
  const [question, setQuestion] = useState('');
  const inputId = useId();
  return (
    <form
      className="hint-followup"
      onSubmit={(e) => {
        e.preventDefault();
        const q = question.trim();
        if (q && !streaming) void ask(q).then((answered) => answered && setQuestion(''));
      }}
    >
      <label htmlFor={inputId}>{t(wordKey(step, 'followUpLabel'))}</label>
      <div className="hint-followup-row">
        <input
          id={inputId}
          type="text"
          maxLength={500}
          value={question}
          placeholder={t(wordKey(step, 'followUpPlaceholder'))}
          onChange={(e) => setQuestion(e.target.value)}
          data-testid="hint-question"
        />
        <button type="submit" disabled={streaming || !question.trim()} data-testid="hint-ask">
          {t('tutor.ask')}
        </button>
      </div>
    </form>
  );
}
