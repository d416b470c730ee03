import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonState } from '../../shared/api/calls/lessons.ts';
import { useApp } from '../app/context.ts';
import { failureText } from '../i18n/failure.ts';

/**
 * Show solution: offered after three failed checks or every hint, asks to confirm (it is
 * recorded and lowers the mastery this exercise counts for), then shows the reference solution.
 */
export function SolutionReveal({
  lessonRef,
  state,
  onState,
  onUse,
}: {
  lessonRef: { trackId: string; exerciseId: string };
  state: LessonState;
  onState: (state: LessonState) => void;
  onUse: (code: string) => void;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [confirming, setConfirming] = useState(false);
  const [solution, setSolution] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!state.solutionAvailable && !state.solutionRevealed) {
    return (
      <p className="muted solution-later">
        {t('lesson.solutionLater', { left: Math.max(0, 3 - state.failedChecks) })}
      </p>
    );
  }
  const reveal = async () => {
    try {
      const answer = await api.revealSolution(lessonRef);
      setSolution(answer.solution);
      onState(answer.state);
      setConfirming(false);
    } catch (err) {
      setError(failureText(t, err));
    }
  };
  return (
    <section className="solution" aria-labelledby="solution-title">
      <h2 id="solution-title">{t('lesson.solution')}</h2>
      {solution !== null ? (
        <>
          <pre className="solution-code" data-testid="solution">
            {solution}
          </pre>
          <button type="button" onClick={() => onUse(solution)}>
            {t('lesson.useSolution')}
          </button>
        </>
      ) : confirming ? (
        <div className="confirm" role="alertdialog" aria-labelledby="solution-confirm">
          <p id="solution-confirm">{t('lesson.solutionConfirm')}</p>
          <button type="button" className="danger" onClick={() => void reveal()}>
            {t('lesson.solutionYes')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('lesson.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {state.solutionRevealed ? t('lesson.showSolutionAgain') : t('lesson.showSolution')}
        </button>
      )}
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}
