/**
 * A lesson's "trace" step: the learner steps through a given program, can go no further than the
 * marked step until they have predicted a variable's value there, then checks and may step on.
 * The backend judges the prediction and says the value (the page is not sent it).
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonExercise } from '../../shared/api/calls/lessons.ts';
import type { RunResult } from '../../shared/runner/protocol.ts';
import { markedStep } from '../../shared/runner/trace/format.ts';
import { useRuntimeState } from '../lesson/useRunner.ts';
import { useJudged, type SubmitAnswer } from '../lesson/Steps.tsx';
import { CodeText, StepView } from './StepView.tsx';
import { recordTrace } from './recording.ts';
import { fileNameOf, traceOutput } from './Visualiser.tsx';
import './visualise.css';

export function TraceStep({ exercise, onAnswer }: { exercise: LessonExercise; onAnswer: SubmitAnswer }) {
  const { t } = useTranslation();
  const id = useId();
  const language = exercise.language ?? 'python';
  const runtime = useRuntimeState(language);
  const question = exercise.trace;
  const [result, setResult] = useState<RunResult | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [answer, setAnswer] = useState('');
  const judged = useJudged();
  const verdict = judged.verdict
    ? { ok: judged.verdict.status === 'pass', value: judged.verdict.reveal?.value ?? '' }
    : null;
  const [seek, setSeek] = useState<{ step: number; seq: number } | undefined>(undefined);

  const ready = runtime.phase === 'ready';
  useEffect(() => {
    if (!ready) return;
    let live = true;
    recordTrace(
      { language, module: exercise.module, code: exercise.starter, timeLimitMs: exercise.timeLimitMs },
      [],
    )
      .then((r) => live && setResult(r))
      .catch((e: unknown) => live && setFailed(String((e as Error).message ?? e)));
    return () => {
      live = false;
    };
  }, [ready, language, exercise.module, exercise.starter, exercise.timeLimitMs]);

  if (!question) return null;
  const trace = result?.trace;
  const marked = trace ? markedStep(trace, question.line, question.hit) : -1;
  const questionText =
    question.hit > 1
      ? t('visualise.trace.question', { line: question.line, hit: question.hit, variable: question.variable })
      : t('visualise.trace.questionFirst', { line: question.line, variable: question.variable });

  return (
    <div className="trace-step" data-testid="trace-step">
      <p>
        <CodeText text={t('visualise.trace.intro', { variable: question.variable })} />
      </p>
      <p className="trace-question-text">
        <strong>
          <CodeText text={questionText} />
        </strong>
      </p>
      <form
        className="trace-question"
        onSubmit={(e) => {
          e.preventDefault();
          if (!trace || marked < 0) return;
          void judged.judge(onAnswer, answer);
        }}
      >
        <label htmlFor={id}>
          <CodeText text={t('visualise.trace.answerLabel', { variable: question.variable })} />
        </label>
        <input
          id={id}
          className="mono"
          value={answer}
          onChange={(e) => setAnswer(e.target.value)}
          data-testid="trace-answer"
        />
        <button
          type="submit"
          className="primary"
          disabled={answer.trim() === '' || marked < 0 || judged.pending}
        >
          {t('visualise.trace.check')}
        </button>
        {marked >= 0 ? (
          <button type="button" onClick={() => setSeek((s) => ({ step: marked, seq: (s?.seq ?? 0) + 1 }))}>
            {t('visualise.trace.goToMarked')}
          </button>
        ) : null}
      </form>
      {verdict ? (
        <p className={verdict.ok ? 'verdict ok' : 'verdict bad'} role="status">
          <CodeText
            text={
              verdict.ok
                ? t('visualise.trace.right', { variable: question.variable, value: verdict.value })
                : t('visualise.trace.wrong', { variable: question.variable, value: verdict.value })
            }
          />
        </p>
      ) : null}
      {verdict && !verdict.ok && verdict.value ? (
        <p className="answer-shown">{t('lesson.answerShown')}</p>
      ) : null}
      {judged.failed ? (
        <p className="status error" role="alert">
          {t('lesson.answerNotJudged', { message: judged.failed })}
        </p>
      ) : null}
      {failed ? (
        <p className="status error" role="alert">
          {t('visualise.failed', { message: failed })}
        </p>
      ) : !trace ? (
        <p className="muted" role="status">
          {t('visualise.running')}
        </p>
      ) : (
        <StepView
          trace={trace}
          code={exercise.starter}
          output={result ? traceOutput(result) : ''}
          fileName={fileNameOf(exercise.module, language)}
          {...(verdict ? {} : { maxStep: marked })}
          {...(marked >= 0
            ? { marked: { step: marked, variable: question.variable, hidden: !verdict } }
            : {})}
          {...(seek ? { seek } : {})}
        />
      )}
    </div>
  );
}
