/**
 * One lesson: the prose beside the step itself (an exercise in the editor, a predict-the-output
 * step, a quiz, or an explanation to read), previous / next, and a success state that invites
 * the next step. Drafts autosave to SQLite; every Run and Check is recorded as an attempt.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureText } from '../i18n/failure.ts';
import type { OpenedLesson } from '../../shared/api/calls/lessons.ts';
import type { RunResult } from '../../shared/runner/protocol.ts';
import { useApp } from '../app/context.ts';
import { href } from '../app/router.ts';
import { Markdown } from '../components/Markdown.tsx';
import { useLocale } from '../i18n/useLocale.ts';
import { withStarterIn } from '../../shared/content/starter-comments.ts';
import { LessonPanes, ProsePane, WorkPane } from './Panes.tsx';
import { HintPanel } from '../components/tutor/HintPanel.tsx';
import { QuizStep } from './Steps.tsx';
import { VerdictNotice } from './VerdictNotice.tsx';
import { useData } from '../app/useData.ts';
import './lesson.css';
import { useActiveTime } from './useActiveTime.ts';
import { LessonHeader, MoreLikeThis, StepNav, SuccessBox } from './LessonProse.tsx';
import { useDraft } from './useDraft.ts';
import { useLessonAttempts } from './useLessonAttempts.ts';
import { usePracticePrefetch } from './usePracticePrefetch.ts';
import { StepWork } from './StepWork.tsx';

export function LessonPage({ trackId, exerciseId }: { trackId: string; exerciseId: string }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const lesson = useData(`${trackId}/${exerciseId}`, () => api.openLesson({ trackId, exerciseId }));
  useActiveTime(trackId, exerciseId);
  // The starter's comments in the learner's language; the code is the same in both.
  const { locale } = useLocale();
  const opened = useMemo(
    () => lesson.value && { ...lesson.value, exercise: withStarterIn(lesson.value.exercise, locale) },
    [lesson.value, locale],
  );
  if (lesson.error) {
    return (
      <section className="page">
        <h1 id="page-title">{t('lesson.notFound')}</h1>
        <p role="alert">{failureText(t, lesson.error)}</p>
        <a href={href('learn', trackId)}>{t('tracks.back')}</a>
      </section>
    );
  }
  if (!opened) return <p className="page muted">{t('app.loading')}</p>;
  return <LoadedLesson opened={opened} />;
}

function LoadedLesson({ opened }: { opened: OpenedLesson }) {
  const { api } = useApp();
  const { text } = useLocale();
  const { exercise, trackId } = opened;
  const attempts = useLessonAttempts(opened);
  const { saveDraft, currentCode } = useDraft(trackId, exercise.id, opened.draft ?? exercise.starter);
  // What the hint panel sends the tutor with the code: the last run's result.
  const [lastResult, setLastResult] = useState<RunResult | null>(null);

  useEffect(() => {
    document.title = `${text(exercise.title)} · Lantern`;
  }, [exercise.title, text]);
  usePracticePrefetch(trackId, exercise.id, exercise.language ?? 'python', exercise.type === 'exercise');

  // The tutor's ladder, for an exercise and for a Parsons step alike: the same guard judges every
  // hint against the step's solution and tests (a Parsons hint may name a line, not the order).
  const hintPanel = (
    <HintPanel
      trackId={trackId}
      exerciseId={exercise.id}
      step={exercise.type === 'parsons' ? 'parsons' : 'exercise'}
      getCode={currentCode}
      lastResult={lastResult}
      onHint={() => void api.getLessonState({ trackId, exerciseId: exercise.id }).then(attempts.setState)}
    />
  );

  return (
    <LessonPanes className="lesson" aria-labelledby="page-title" data-type={exercise.type}>
      <ProsePane>
        <StepProse opened={opened} attempts={attempts} />
      </ProsePane>
      <WorkPane>
        <StepWork
          opened={opened}
          attempts={attempts}
          saveDraft={saveDraft}
          hintPanel={hintPanel}
          onResult={setLastResult}
        />
      </WorkPane>
    </LessonPanes>
  );
}

/**
 * The prose pane: the step's header and text, an explanation's "Mark as read", a quiz, the
 * verdict on the latest answer, the success box, More like this and previous / next.
 */
function StepProse({
  opened,
  attempts,
}: {
  opened: OpenedLesson;
  attempts: ReturnType<typeof useLessonAttempts>;
}) {
  const { t } = useTranslation();
  const { text } = useLocale();
  const { exercise, trackId } = opened;
  const { state, verdict, showSuccess, record, markRead, revealQuizAnswer } = attempts;
  const isExercise = exercise.type === 'exercise';
  return (
    <>
      <LessonHeader opened={opened} completed={state.completed} />
      <Markdown source={text(exercise.body)} className="lesson-body" />
      {exercise.type === 'explanation' ? (
        state.completed ? null : (
          <button type="button" className="primary" onClick={() => void markRead()}>
            {t('lesson.markRead')}
          </button>
        )
      ) : null}
      {exercise.type === 'quiz' ? (
        <QuizStep
          exercise={exercise}
          onAnswer={(answer) => record('quiz', answer)}
          onReveal={revealQuizAnswer}
        />
      ) : null}
      <VerdictNotice
        verdict={verdict}
        kind={isExercise || exercise.type === 'parsons' ? 'check' : 'answer'}
      />
      {showSuccess ? (
        <SuccessBox opened={opened} checked={isExercise || exercise.type === 'parsons'} />
      ) : null}
      {isExercise ? <MoreLikeThis trackId={trackId} exerciseId={exercise.id} /> : null}
      <StepNav opened={opened} />
    </>
  );
}
