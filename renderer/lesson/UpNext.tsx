/**
 * "Up next" on a track: the learner model's next best step (a due review, a new concept's
 * explanation, an exercise at the learner's level, or a problem made at that level) and why.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Recommendation } from '../../shared/api/contract.ts';
import { useApp } from '../app/context.ts';
import { href } from '../app/router.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { useReasonText } from '../components/learner/reason.ts';
import { failureText } from '../i18n/failure.ts';

export function UpNext({
  trackId,
  step,
  started,
}: {
  trackId: string;
  step: Recommendation;
  /** The learner has done something in the track: "Continue" rather than "Start with". */
  started: boolean;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { locale, text } = useLocale();
  const reasonText = useReasonText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const practise = async () => {
    setBusy(true);
    setError(null);
    try {
      const problem = await api.nextPractice({ trackId, locale });
      location.hash = href('practice', problem.id);
    } catch (err) {
      setError(failureText(t, err));
      setBusy(false);
    }
  };

  const meta = [
    step.kind === 'practice' ? t('learner.upNext.generated') : step.type ? t(`lesson.type.${step.type}`) : '',
    step.difficulty ? t('learner.upNext.difficulty', { n: step.difficulty }) : '',
  ].filter(Boolean);

  return (
    <section
      className="card up-next"
      aria-labelledby="up-next-title"
      data-testid="up-next"
      data-kind={step.kind}
      data-difficulty={step.difficulty ?? ''}
    >
      <h2 id="up-next-title">{t('learner.upNext.title')}</h2>
      {step.kind === 'done' ? (
        <p className="success">{reasonText(step.reason)}</p>
      ) : (
        <>
          <div className="up-next-action">
            {step.kind === 'practice' ? (
              <button
                type="button"
                className="primary"
                onClick={() => void practise()}
                disabled={busy}
                data-testid="up-next-practise"
              >
                {busy
                  ? t('learner.upNext.preparing')
                  : t('learner.upNext.practise', {
                      concept: step.conceptTitle ? text(step.conceptTitle) : (step.concept ?? ''),
                    })}
              </button>
            ) : step.exercise && step.title ? (
              <a
                className="button primary"
                href={href('learn', trackId, step.exercise)}
                data-testid="continue"
              >
                {step.kind === 'review'
                  ? t('learner.upNext.open', { title: text(step.title) })
                  : started
                    ? t('tracks.continue', { title: text(step.title) })
                    : t('tracks.start', { title: text(step.title) })}
              </a>
            ) : null}
            {meta.length ? <span className="muted">{meta.join(' · ')}</span> : null}
          </div>
          <p className="up-next-reason" data-testid="up-next-reason">
            <span className="visually-hidden">{t('learner.upNext.why')}: </span>
            {reasonText(step.reason)}
          </p>
          {step.kind === 'practice' && step.exercise && step.title ? (
            <p className="muted">
              <a href={href('learn', trackId, step.exercise)}>
                {t('learner.upNext.orLesson', { title: text(step.title) })}
              </a>
            </p>
          ) : null}
          {error ? (
            <p className="status error" role="alert">
              {t('learner.upNext.failed', { message: error })}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
