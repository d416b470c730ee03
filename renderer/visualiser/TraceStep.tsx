/**
 * A lesson's "trace" step: the learner steps through a given program, can go no further than the
 * marked step until they have predicted a variable's value there, then checks and may step on.
 * The backend judges the prediction and says the value (the page is not sent it).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonExercise } from '../../shared/api/calls/lessons.ts';
import { markedStep } from '../../shared/runner/trace/format.ts';
import { useJudged, type SubmitAnswer } from '../lesson/Steps.tsx';
import { CodeText, StepView } from './StepView.tsx';
import { useRecordedTrace } from './useRecordedTrace.ts';
import { fileNameOf, traceOutput } from './Visualiser.tsx';
import './visualise.css';

export function TraceStep({ exercise, onAnswer }: { exercise: LessonExercise; onAnswer: SubmitAnswer }) {
  const { t } = useTranslation();
  const id = useId();
  const language = exercise.language ?? 'python';
  const question = exercise.trace;
  const { result, failed } = useRecordedTrace({
    language,
    module: exercise.module,
    code: exercise.starter,
    timeLimitMs: exercise.timeLimitMs,
  });
  const [answer, setAnswer] = useState('');
  const judged = useJudged();
  const verdict = judged.verdict
    ? { ok: judged.verdict.status === 'pass', value: judged.verdict.reveal?.value ?? '' }
    : null;
  const [seek, setSeek] = useState<{ step: number; seq: number } | undefined>(undefined);

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
      <TraceVerdict verdict={verdict} variable={question.variable} failed={judged.failed} />
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

/** The backend's verdict on the prediction, with the value it says, or why it could not judge. */
function TraceVerdict({
  verdict,
  variable,
  failed,
}: {
  verdict: { ok: boolean; value: string } | null;
  variable: string;
  failed: string | null;
}) {
  const { t } = useTranslation();
  return (
    <>
      {verdict ? (
        <p className={verdict.ok ? 'verdict ok' : 'verdict bad'} role="status">
          <CodeText
            text={
              verdict.ok
                ? t('visualise.trace.right', { variable, value: verdict.value })
                : t('visualise.trace.wrong', { variable, value: verdict.value })
            }
          />
        </p>
      ) : null}
      {verdict && !verdict.ok && verdict.value ? (
        <p className="answer-shown">{t('lesson.answerShown')}</p>
      ) : null}
      {failed ? (
        <p className="status error" role="alert">
          {t('lesson.answerNotJudged', { message: failed })}
        </p>
      ) : null}
    </>
  );
}
