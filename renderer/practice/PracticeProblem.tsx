/**
 * One practice problem: its statement, the workspace to solve it in, the tutor's hint panel, and
 * "More like this". Attempts are recorded like a lesson's, so mastery counts them.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureText } from '../i18n/failure.ts';
import type { PracticeProblemView } from '../../shared/api/calls/practice.ts';
import type { RunResult } from '../../shared/runner/protocol.ts';
import type { RecordedVerdict } from '../../shared/api/calls/lessons.ts';
import { VerdictNotice } from '../lesson/VerdictNotice.tsx';
import { useApp } from '../app/context.ts';
import { useData } from '../app/useData.ts';
import { href } from '../app/router.ts';
import { Markdown } from '../components/Markdown.tsx';
import { HintPanel } from '../components/tutor/HintPanel.tsx';
import { ExerciseWorkspace } from '../lesson/ExerciseWorkspace.tsx';
import { LessonPanes, ProsePane, WorkPane } from '../lesson/Panes.tsx';
import { useLocale } from '../i18n/useLocale.ts';
import { withStarterIn } from '../../shared/content/starter-comments.ts';
import { useReasonText } from '../components/learner/reason.ts';
// The lesson layout (statement beside the workspace), whichever page loaded first.
import '../lesson/lesson.css';
import './practice.css';
import { useMoreLikeThis } from '../lesson/useMoreLikeThis.ts';

export function PracticeProblem({ id }: { id: string }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const problem = useData(id, () => api.getPracticeProblem({ id }));
  if (!problem.value) {
    return (
      <section className="page" aria-labelledby="page-title">
        <h1 id="page-title">{t('practice.title')}</h1>
        {problem.error ? (
          <p className="status error" role="alert">
            {t('practicePage.failed', { message: failureText(t, problem.error) })}
          </p>
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
        <a href={href('practice')}>← {t('practicePage.back')}</a>
      </section>
    );
  }
  return <LoadedProblem id={id} problem={problem.value} />;
}

function LoadedProblem({ id, problem: given }: { id: string; problem: PracticeProblemView }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { text, locale } = useLocale();
  // The starter's comments in the learner's language; the code is the same in both.
  const problem = useMemo(
    () => ({ ...given, exercise: withStarterIn(given.exercise, locale) }),
    [given, locale],
  );
  const reasonText = useReasonText();
  const [error, setError] = useState<string | null>(null);
  const [lastResult, setLastResult] = useState<RunResult | null>(null);
  const [solved, setSolved] = useState(problem.solved);
  const [verdict, setVerdict] = useState<RecordedVerdict | null>(null);
  const code = useRef(problem.exercise.starter);
  const more = useMoreLikeThis(problem.trackId, id);

  const attempt = useCallback(
    async (kind: 'run' | 'check', attemptCode: string, result: RunResult) => {
      setLastResult(result);
      if (kind === 'check') setVerdict(null);
      const passed = result.tests.filter((x) => x.status === 'pass').length;
      const recorded = await api.recordPracticeAttempt({
        id,
        kind,
        code: attemptCode,
        status: result.status,
        testsPassed: passed,
        testsTotal: result.tests.length,
        timeTakenMs: Math.round(result.durationMs),
      });
      if (kind === 'check') setVerdict(recorded.verdict);
      if (recorded.solved) setSolved(true);
    },
    [api, id],
  );

  const { exercise } = problem;

  return (
    <LessonPanes
      className="lesson practice-problem"
      aria-labelledby="page-title"
      data-testid="practice-problem"
    >
      <ProsePane>
        <nav className="breadcrumb" aria-label={t('practicePage.breadcrumb')}>
          <a href={href('practice')}>{t('practice.title')}</a> ›{' '}
          <span>{problem.conceptTitle ? text(problem.conceptTitle) : problem.concept}</span>
        </nav>
        <h1 id="page-title">
          {text(exercise.title)}
          {solved && (
            <span className="badge done" data-testid="practice-solved">
              {t('practicePage.solved')}
            </span>
          )}
        </h1>
        <p className="muted" data-testid="practice-source">
          {t(`practicePage.source.${problem.source}`)} ·{' '}
          {t('practicePage.difficulty', { n: exercise.difficulty })}
        </p>
        {problem.reason && (
          <p className="muted" data-testid="practice-why">
            {reasonText(problem.reason)}
          </p>
        )}
        {problem.source === 'template' && problem.templateReason && (
          <p className="status practice-reason" role="note" data-testid="practice-template-reason">
            {t(`practicePage.templateReason.${problem.templateReason}`)}
          </p>
        )}
        <Markdown source={text(exercise.body)} className="lesson-body" />
        <VerdictNotice verdict={verdict} />
        <div className="practice-go">
          <button
            type="button"
            onClick={() => void more.go()}
            disabled={more.busy}
            data-testid="practice-more"
          >
            {more.busy ? t('practicePage.preparing') : t('practicePage.moreLikeThis')}
          </button>
          <a href={href('practice')}>← {t('practicePage.back')}</a>
        </div>
        {(error ?? more.error) && (
          <p className="status error" role="alert">
            {t('practicePage.failed', { message: error ?? more.error })}
          </p>
        )}
        <HintPanel
          trackId={problem.trackId}
          exerciseId={problem.id}
          getCode={() => code.current}
          lastResult={lastResult}
        />
      </ProsePane>
      <WorkPane>
        <ExerciseWorkspace
          exercise={exercise}
          initialCode={exercise.starter}
          onCodeChange={(c) => (code.current = c)}
          onAttempt={(kind, c, result) =>
            void attempt(kind, c, result).catch((err: unknown) => setError(failureText(t, err)))
          }
        />
      </WorkPane>
    </LessonPanes>
  );
}
