/**
 * The optional placement check of a track: a handful of diagnostic exercises, easy to hard.
 * Solving one tells the learner model its concepts are known; skipping one says they are not
 * yet. At the end the learner model is seeded and the track overview shows where to start.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/context.ts';
import { href } from '../app/router.ts';
import { Markdown } from '../components/Markdown.tsx';
import { useLocale } from '../i18n/useLocale.ts';
import { withStarterIn } from '../../shared/content/starter-comments.ts';
import { ExerciseWorkspace } from './ExerciseWorkspace.tsx';
import { LessonPanes, ProsePane, WorkPane } from './Panes.tsx';
import { useData } from '../app/useData.ts';
import { testCounts } from './attempt.ts';
import { VerdictNotice } from './VerdictNotice.tsx';
import type { RecordedVerdict } from '../../shared/api/calls/lessons.ts';
import './lesson.css';
import { failureText } from '../i18n/failure.ts';

export const PLACEMENT_SEGMENT = '~placement';

export function PlacementPage({ trackId }: { trackId: string }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { text, locale } = useLocale();
  const check = useData(trackId, () => api.getPlacement({ trackId }));
  const [results, setResults] = useState<{ exerciseId: string; passed: boolean }[]>([]);
  const [solved, setSolved] = useState(false);
  const [verdict, setVerdict] = useState<RecordedVerdict | null>(null);
  const [placed, setPlaced] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (check.error)
    return (
      <p className="page" role="alert">
        {failureText(t, check.error)}
      </p>
    );
  const value = check.value;
  if (!value) return <p className="page muted">{t('app.loading')}</p>;
  const exercises = value.exercises;
  const index = results.length;
  const listed = exercises[index];
  // The starter's comments in the learner's language; the code is the same in both.
  const exercise = listed && withStarterIn(listed, locale);

  const next = async (passed: boolean) => {
    if (!exercise) return;
    const all = [...results, { exerciseId: exercise.id, passed }];
    setResults(all);
    setSolved(false);
    setVerdict(null);
    if (all.length === exercises.length) {
      try {
        const answer = await api.applyPlacement({ trackId, results: all });
        setPlaced(answer.concepts.length);
      } catch (err) {
        setError(failureText(t, err));
      }
    }
  };

  return (
    <LessonPanes className="lesson placement" aria-labelledby="page-title">
      <ProsePane>
        <nav className="breadcrumb" aria-label={t('lesson.breadcrumb')}>
          <a href={href('learn')}>{t('learn.title')}</a> ›{' '}
          <a href={href('learn', trackId)}>{t('placement.track')}</a>
        </nav>
        <h1 id="page-title">{t('placement.title')}</h1>
        {exercise ? (
          <>
            <p className="muted" data-testid="placement-step">
              {t('placement.step', { n: index + 1, total: exercises.length })}
            </p>
            <h2 data-exercise={exercise.id}>{text(exercise.title)}</h2>
            <Markdown source={text(exercise.body)} className="lesson-body" />
            <VerdictNotice verdict={verdict} />
            <div className="placement-actions">
              {solved ? (
                <button type="button" className="primary" onClick={() => void next(true)}>
                  {t('placement.solvedNext')}
                </button>
              ) : (
                <button type="button" onClick={() => void next(false)}>
                  {t('placement.skip')}
                </button>
              )}
            </div>
          </>
        ) : (
          <div className="success-box" role="status" data-testid="placement-done">
            <p>
              {placed === null
                ? t('placement.saving')
                : t('placement.done', {
                    count: placed,
                    solved: results.filter((r) => r.passed).length,
                    total: results.length,
                  })}
            </p>
            <a className="button primary" href={href('learn', trackId)}>
              {t('placement.toTrack')}
            </a>
          </div>
        )}
        {error ? <p role="alert">{error}</p> : null}
      </ProsePane>
      <WorkPane>
        {exercise ? (
          <ExerciseWorkspace
            key={exercise.id}
            exercise={exercise}
            initialCode={exercise.starter}
            onAttempt={(kind, code, result) => {
              if (kind !== 'check') return;
              // Diagnostics count as ordinary checks too (they mark the exercise done); solved
              // is what the backend found when it ran the code again.
              setVerdict(null);
              void api
                .recordAttempt({
                  trackId,
                  exerciseId: exercise.id,
                  kind,
                  code,
                  status: result.status,
                  ...testCounts(result),
                })
                .then(
                  (recorded) => {
                    setVerdict(recorded.verdict);
                    setSolved(recorded.verdict.status === 'pass');
                  },
                  (err: unknown) => setError(failureText(t, err)),
                );
            }}
          />
        ) : null}
      </WorkPane>
    </LessonPanes>
  );
}
