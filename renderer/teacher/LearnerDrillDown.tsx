/** One learner of the class: their figures, mastery per concept and every exercise. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/context.ts';
import { useData } from '../app/useData.ts';
import { dateTime, duration, minutes, titleOf, uiLocale } from '../i18n/format.ts';
import { MasteryTable } from '../components/learner/MasteryTable.tsx';
import { failureText } from '../i18n/failure.ts';

export function LearnerDrillDown({
  classId,
  learnerKey,
  onClose,
  onRemoved,
}: {
  classId: number;
  learnerKey: string;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const locale = uiLocale(i18n.language);
  const loaded = useData(`${classId}/${learnerKey}`, () => api.getClassLearner({ classId, learnerKey }));
  const detail = loaded.value ?? null;
  const [removeError, setError] = useState<string | null>(null);
  const error =
    removeError ??
    (loaded.error ? t('classroom.actionFailed', { message: failureText(t, loaded.error) }) : null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening a learner moves focus to their details, so a keyboard or screen reader user lands there.
  useEffect(() => heading.current?.focus(), [detail?.key]);

  async function remove() {
    try {
      await api.removeClassLearner({ classId, learnerKey });
      onRemoved();
    } catch (err) {
      setError(t('classroom.actionFailed', { message: failureText(t, err) }));
    }
  }

  if (error) return <p className="status error">{error}</p>;
  if (!detail || detail.key !== learnerKey) return null;
  const s = detail.summary;
  return (
    <section className="card drill-down" aria-labelledby="learner-title" data-testid="learner-detail">
      <div className="drill-head">
        <h2 id="learner-title" tabIndex={-1} ref={heading}>
          {detail.name}
        </h2>
        <div className="button-row">
          <button type="button" onClick={() => void remove()}>
            {t('classroom.remove')}
          </button>
          <button type="button" onClick={onClose}>
            {t('classroom.close')}
          </button>
        </div>
      </div>
      <p className="muted">
        {t('classroom.detailExported', {
          date: dateTime(detail.exportedAt, locale),
          verification: t(`classroom.verification.${detail.verification}`),
        })}
      </p>
      <dl className="stat-cards">
        {(
          [
            [t('dashboard.solved'), String(s.exercisesCompleted)],
            [t('dashboard.activeTime'), duration(s.activeMs, t)],
            [t('dashboard.streak'), String(s.streakDays)],
            [t('dashboard.hintsUsed'), String(s.hintsShown)],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className="stat-card">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {detail.tracks.map((track) => {
        const trackName = titleOf(track.title, track.id, locale);
        return (
          <div key={track.id}>
            <MasteryTable
              caption={t('dashboard.masteryTableCaption', { track: trackName })}
              testId={`learner-mastery-${track.id}`}
              rows={track.concepts.map((c) => ({
                id: c.id,
                label: titleOf(c.title, c.id, locale),
                mastery: c.mastery,
                evidence: c.evidence,
                lastSeen: c.lastSeen,
                confidence: c.confidence,
              }))}
            />
            <table className="data-table">
              <caption>{t('classroom.exercisesTitle', { track: trackName })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.exercise')}</th>
                  <th scope="col">{t('classroom.done')}</th>
                  <th scope="col">{t('classroom.checks')}</th>
                  <th scope="col">{t('classroom.hints')}</th>
                  <th scope="col">{t('classroom.solutionShown')}</th>
                  <th scope="col">{t('dashboard.minutes')}</th>
                </tr>
              </thead>
              <tbody>
                {track.exercises.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">{titleOf(e.title, e.id, locale)}</th>
                    <td>{e.completedAt ? t('classroom.yes') : t('classroom.no')}</td>
                    <td>{e.checks}</td>
                    <td>{e.hintsShown}</td>
                    <td>{e.solutionRevealed ? t('classroom.yes') : t('classroom.no')}</td>
                    <td>{minutes(e.activeMs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}
