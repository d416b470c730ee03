/**
 * One lesson: the prose beside the step itself (an exercise in the editor, a predict-the-output
 * step, a quiz, or an explanation to read), previous / next, and a success state that invites
 * the next step. Drafts autosave to SQLite; every Run and Check is recorded as an attempt.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureText } from '../i18n/failure.ts';
import type { LessonState, OpenedLesson, RecordedVerdict } from '../../shared/api/calls/lessons.ts';
import type { RunResult } from '../../shared/runner/protocol.ts';
import type { LanternApi } from '../../shared/api/contract.ts';
import { useApp } from '../app/context.ts';
import { href } from '../app/router.ts';
import { Markdown } from '../components/Markdown.tsx';
import { useLocale } from '../i18n/useLocale.ts';
import { ExerciseWorkspace } from './ExerciseWorkspace.tsx';
import { LessonPanes, ProsePane, WorkPane } from './Panes.tsx';
import { HintPanel } from '../components/tutor/HintPanel.tsx';
import { PredictStep, QuizStep } from './Steps.tsx';
import { SolutionReveal } from './SolutionReveal.tsx';
import { VerdictNotice } from './VerdictNotice.tsx';
import { useData } from '../app/useData.ts';
import { testCounts } from './attempt.ts';
import './lesson.css';
import { TraceStep } from '../visualiser/TraceStep.tsx';
import { ParsonsStep } from './parsons/ParsonsStep.tsx';
import { useActiveTime } from './useActiveTime.ts';
import { runnerHost, runtimeOf } from '../runner/host.ts';
import { LessonHeader, MoreLikeThis, StepNav, SuccessBox } from './LessonProse.tsx';

const DRAFT_DELAY_MS = 600;
/**
 * Tracks whose weak spots were prefetched for the current learner in this session (the Practice
 * page refreshes them). Weak spots are a learner's own: another learner starts with none done.
 */
const weakSpotsPrefetched = new Set<string>();
let forgetsOnLearnerChange = false;

/** Empties the set whenever the learner changes, for the rest of the session. */
function forgetOnLearnerChange(api: LanternApi): void {
  if (forgetsOnLearnerChange) return;
  forgetsOnLearnerChange = true;
  api.on('profileChanged', () => weakSpotsPrefetched.clear());
}

export function LessonPage({ trackId, exerciseId }: { trackId: string; exerciseId: string }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const lesson = useData(`${trackId}/${exerciseId}`, () => api.openLesson({ trackId, exerciseId }));
  useActiveTime(trackId, exerciseId);
  if (lesson.error) {
    return (
      <section className="page">
        <h1 id="page-title">{t('lesson.notFound')}</h1>
        <p role="alert">{failureText(t, lesson.error)}</p>
        <a href={href('learn', trackId)}>{t('tracks.back')}</a>
      </section>
    );
  }
  if (!lesson.value) return <p className="page muted">{t('app.loading')}</p>;
  return <LoadedLesson opened={lesson.value} />;
}

function LoadedLesson({ opened }: { opened: OpenedLesson }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { text, locale } = useLocale();
  const { exercise, trackId } = opened;
  const ref = { trackId, exerciseId: exercise.id };
  const [state, setState] = useState<LessonState>(opened.state);
  const [replace, setReplace] = useState<{ code: string; seq: number } | undefined>();
  // The latest graded attempt of this visit (a Check, an answer), so the success box speaks of
  // it alone: 'pending' while it is being judged, null before the first.
  const [latest, setLatest] = useState<'pending' | 'pass' | 'fail' | null>(null);
  // The backend's verdict on the last graded attempt: what is recorded, whatever the page showed.
  const [verdict, setVerdict] = useState<RecordedVerdict | null>(null);
  const draftTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // What the hint panel sends the tutor: the code as it is now and the last run's result.
  const codeNow = useRef(opened.draft ?? exercise.starter);
  const [lastResult, setLastResult] = useState<RunResult | null>(null);
  const started = useRef(0);
  useEffect(() => {
    started.current = performance.now();
  }, []);

  useEffect(() => {
    document.title = `${text(exercise.title)} · Lantern`;
  }, [exercise.title, text]);

  // Have a practice problem like this exercise ready for "More like this" (and, once a session per
  // track, one per weak spot for the Practice page); after the lesson's runner is up, so the
  // work does not slow its load.
  const isExercise = exercise.type === 'exercise';
  const runtime = runtimeOf(exercise.language ?? 'python');
  useEffect(() => {
    forgetOnLearnerChange(api);
    if (!isExercise) return;
    let live = true;
    void runnerHost()
      .whenReady(runtime)
      .then(() => {
        if (!live) return;
        const weakSpots = !weakSpotsPrefetched.has(trackId);
        weakSpotsPrefetched.add(trackId);
        return api.prefetchPractice({ trackId, locale, exerciseId: exercise.id, weakSpots });
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [api, trackId, locale, exercise.id, runtime, isExercise]);

  // The draft is saved a moment after the last change; leaving the lesson or the page (a reload,
  // the window closing) saves a change still waiting, so the last move is never lost.
  const pendingDraft = useRef<string | null>(null);
  const flushDraft = useCallback(
    () => {
      if (draftTimer.current) clearTimeout(draftTimer.current);
      draftTimer.current = null;
      const code = pendingDraft.current;
      pendingDraft.current = null;
      if (code !== null) void api.saveDraft({ ...ref, code }).catch(() => undefined);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, trackId, exercise.id],
  );
  const saveDraft = useCallback(
    (code: string) => {
      codeNow.current = code;
      pendingDraft.current = code;
      if (draftTimer.current) clearTimeout(draftTimer.current);
      draftTimer.current = setTimeout(flushDraft, DRAFT_DELAY_MS);
    },
    [flushDraft],
  );
  useEffect(() => {
    window.addEventListener('pagehide', flushDraft);
    // Another learner now: the page is about to remount for them, and a draft saved from here
    // would be saved as theirs. This learner's last moment of work is dropped instead.
    const offLearner = api.on('profileChanged', () => {
      if (draftTimer.current) clearTimeout(draftTimer.current);
      draftTimer.current = null;
      pendingDraft.current = null;
    });
    return () => {
      offLearner();
      window.removeEventListener('pagehide', flushDraft);
      flushDraft();
    };
  }, [api, flushDraft]);

  /** Records an attempt; `result` is the page's own, absent for an answer the page cannot judge. */
  const record = useCallback(
    async (
      kind: 'run' | 'check' | 'predict' | 'quiz',
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
    [api, trackId, exercise.id],
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

  // A step done before shows its success box until this visit's first attempt; after that, the
  // box shows only while the latest attempt is a pass.
  const showSuccess = latest === 'pass' || (latest === null && state.completed);

  // The tutor's ladder, for an exercise and for a Parsons step alike: the same guard judges every
  // hint against the step's solution and tests (a Parsons hint may name a line, not the order).
  const hintPanel = (
    <HintPanel
      trackId={trackId}
      exerciseId={exercise.id}
      step={exercise.type === 'parsons' ? 'parsons' : 'exercise'}
      getCode={() => codeNow.current}
      lastResult={lastResult}
      onHint={() => void api.getLessonState(ref).then(setState)}
    />
  );

  return (
    <LessonPanes className="lesson" aria-labelledby="page-title" data-type={exercise.type}>
      <ProsePane>
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
      </ProsePane>
      <WorkPane>
        {exercise.type === 'exercise' ? (
          <ExerciseWorkspace
            exercise={exercise}
            initialCode={opened.draft ?? exercise.starter}
            replaceCode={replace}
            onCodeChange={saveDraft}
            onStart={(mode) => {
              if (mode === 'check') setLatest('pending');
            }}
            onAttempt={(kind, code, result) => {
              setLastResult(result);
              void record(kind, code, result);
            }}
            actions={
              <>
                <button
                  type="button"
                  onClick={() => {
                    setReplace((r) => ({ code: exercise.starter, seq: (r?.seq ?? 0) + 1 }));
                    saveDraft(exercise.starter);
                  }}
                >
                  {t('lesson.reset')}
                </button>
              </>
            }
            aside={
              <div className="lesson-help">
                {hintPanel}
                <SolutionReveal
                  lessonRef={ref}
                  state={state}
                  onState={setState}
                  onUse={(code) => setReplace((r) => ({ code, seq: (r?.seq ?? 0) + 1 }))}
                />
              </div>
            }
          />
        ) : exercise.type === 'parsons' ? (
          <ParsonsStep
            exercise={exercise}
            {...(opened.draft !== undefined ? { draft: opened.draft } : {})}
            onChange={saveDraft}
            onCheck={(code, result) => {
              setLastResult(result);
              void record('check', code, result);
            }}
            aside={<div className="lesson-help">{hintPanel}</div>}
          />
        ) : exercise.type === 'trace' ? (
          <TraceStep exercise={exercise} onAnswer={(answer) => record('predict', answer)} />
        ) : exercise.type === 'predict' ? (
          <PredictStep exercise={exercise} onAnswer={(answer) => record('predict', answer)} />
        ) : exercise.starter.trim() ? (
          <ExerciseWorkspace
            exercise={exercise}
            initialCode={opened.draft ?? exercise.starter}
            onCodeChange={saveDraft}
          />
        ) : null}
      </WorkPane>
    </LessonPanes>
  );
}
