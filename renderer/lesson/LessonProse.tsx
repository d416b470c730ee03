/**
 * What the lesson page shows around a step's prose: where the learner is and what kind of step
 * this is, the success box that invites the next step, "More like this", and previous / next.
 */
import { useTranslation } from 'react-i18next';
import type { OpenedLesson } from '../../shared/api/calls/lessons.ts';
import { href } from '../app/router.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { useMoreLikeThis } from './useMoreLikeThis.ts';

/** The breadcrumb, the title with its done badge, the kind of step and its difficulty. */
export function LessonHeader({ opened, completed }: { opened: OpenedLesson; completed: boolean }) {
  const { t } = useTranslation();
  const { text, locale } = useLocale();
  const { exercise, trackId } = opened;
  return (
    <>
      <nav className="breadcrumb" aria-label={t('lesson.breadcrumb')}>
        <a href={href('learn')}>{t('learn.title')}</a> ›{' '}
        <a href={href('learn', trackId)}>{text(opened.trackTitle)}</a> › <span>{text(opened.unitTitle)}</span>
      </nav>
      <h1 id="page-title">
        {text(exercise.title)}
        {completed ? (
          <span className="badge done" data-testid="done-badge">
            {t('lesson.done')}
          </span>
        ) : null}
      </h1>
      <p className="muted">
        {t(`lesson.type.${exercise.type}`)} · {t('lesson.difficulty', { n: exercise.difficulty })}
      </p>
      {opened.untranslated?.includes(locale) ? (
        <p className="one-language-notice" role="note" data-testid="one-language-notice">
          {t(locale === 'zh' ? 'lesson.onlyInEnglish' : 'lesson.onlyInChinese')}
        </p>
      ) : null}
    </>
  );
}

/** "Solved" (or "Done") and the way on: the next step, or back to the track after the last. */
export function SuccessBox({ opened, checked }: { opened: OpenedLesson; checked: boolean }) {
  const { t } = useTranslation();
  const { trackId } = opened;
  const nextHref = opened.next ? href('learn', trackId, opened.next) : href('learn', trackId);
  return (
    <div className="success-box" role="status" data-testid="success">
      <p>{checked ? t('lesson.solved') : t('lesson.stepDone')}</p>
      <a className="button primary" href={nextHref}>
        {opened.next ? t('lesson.nextStep') : t('lesson.backToTrack')}
      </a>
    </div>
  );
}

/** A practice problem on this exercise's concepts, usually prepared while the learner read. */
export function MoreLikeThis({ trackId, exerciseId }: { trackId: string; exerciseId: string }) {
  const { t } = useTranslation();
  const more = useMoreLikeThis(trackId, exerciseId);
  return (
    <div className="more-like-this">
      <button type="button" onClick={() => void more.go()} disabled={more.busy} data-testid="lesson-more">
        {more.busy ? t('practicePage.preparing') : t('practicePage.moreLikeThis')}
      </button>
      {more.error ? (
        <p className="status error" role="alert">
          {t('practicePage.failed', { message: more.error })}
        </p>
      ) : null}
    </div>
  );
}

/** Previous and next step of the track. */
export function StepNav({ opened }: { opened: OpenedLesson }) {
  const { t } = useTranslation();
  const { trackId } = opened;
  return (
    <nav className="lesson-nav" aria-label={t('lesson.stepNav')}>
      {opened.previous ? (
        <a href={href('learn', trackId, opened.previous)}>← {t('lesson.previous')}</a>
      ) : (
        <span />
      )}
      {opened.next ? <a href={href('learn', trackId, opened.next)}>{t('lesson.next')} →</a> : null}
    </nav>
  );
}
