/**
 * The two steps that are not code to write: predict the output, and a multiple-choice quiz. The
 * page is not sent their answers: it submits the learner's, and shows the backend's verdict.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonExercise, RecordedVerdict } from '../../shared/api/calls/lessons.ts';
import { useApp } from '../app/context.ts';
import { CodeEditor } from '../editor/CodeEditor.tsx';
import { useLocale } from '../i18n/useLocale.ts';

/** Sends the learner's answer; settles with the backend's verdict (null when it could not be had). */
export type SubmitAnswer = (answer: string) => Promise<RecordedVerdict | null>;

/** An answer being judged, then the verdict on it. */
export function useJudged() {
  const [pending, setPending] = useState(false);
  const [verdict, setVerdict] = useState<RecordedVerdict | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const judge = async (submit: SubmitAnswer, answer: string) => {
    setPending(true);
    setFailed(null);
    try {
      setVerdict(await submit(answer));
    } catch (e) {
      setVerdict(null);
      setFailed(e instanceof Error ? e.message : String(e));
    } finally {
      setPending(false);
    }
  };
  return { pending, verdict, failed, judge, clear: () => setVerdict(null) };
}

/** Why an answer got no verdict (the backend could not be reached). */
function NotJudged({ message }: { message: string | null }) {
  const { t } = useTranslation();
  return message ? (
    <p className="status error" role="alert">
      {t('lesson.answerNotJudged', { message })}
    </p>
  ) : null;
}

export function PredictStep({ exercise, onAnswer }: { exercise: LessonExercise; onAnswer: SubmitAnswer }) {
  const { t } = useTranslation();
  const { settings } = useApp();
  const id = useId();
  const [answer, setAnswer] = useState('');
  const judged = useJudged();
  const verdict = judged.verdict ? judged.verdict.status === 'pass' : null;
  const language = exercise.language ?? 'python';
  return (
    <div className="predict">
      <CodeEditor
        value={exercise.starter}
        language={language}
        path={`${exercise.id}/predict`}
        fontSize={settings.editorFontSize}
        readOnly
        label={t('lesson.predictCode')}
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void judged.judge(onAnswer, answer);
        }}
      >
        <label htmlFor={id}>{t('lesson.predictPrompt')}</label>
        <textarea
          id={id}
          className="mono"
          rows={4}
          value={answer}
          onChange={(e) => setAnswer(e.target.value)}
        />
        <button type="submit" className="primary" disabled={answer.trim() === '' || judged.pending}>
          {t('lesson.checkPrediction')}
        </button>
      </form>
      <NotJudged message={judged.failed} />
      {verdict !== null ? (
        <div className={verdict ? 'verdict ok' : 'verdict bad'} role="status">
          <p>{verdict ? t('lesson.predictRight') : t('lesson.predictWrong')}</p>
          {!verdict && judged.verdict?.reveal?.output !== undefined ? (
            <>
              <p>{t('lesson.actualOutput')}</p>
              <pre>{judged.verdict.reveal.output}</pre>
              <p className="answer-shown">{t('lesson.answerShown')}</p>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

export function QuizStep({
  exercise,
  onAnswer,
}: {
  exercise: LessonExercise;
  /** The answer sent is the chosen choice's index. */
  onAnswer: SubmitAnswer;
}) {
  const { t } = useTranslation();
  const { text } = useLocale();
  const name = useId();
  const [chosen, setChosen] = useState<number | null>(null);
  const judged = useJudged();
  const verdict = judged.verdict ? judged.verdict.status === 'pass' : null;
  const choices = exercise.choices ?? [];
  return (
    <form
      className="quiz"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen === null) return;
        void judged.judge(onAnswer, String(chosen));
      }}
    >
      <fieldset>
        <legend>{t('lesson.quizPrompt')}</legend>
        {choices.map((choice, i) => (
          <label key={i} className="choice">
            <input
              type="radio"
              name={name}
              checked={chosen === i}
              onChange={() => {
                setChosen(i);
                judged.clear();
              }}
            />
            <span>{text(choice.text)}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={chosen === null || judged.pending}>
        {t('lesson.checkAnswer')}
      </button>
      <NotJudged message={judged.failed} />
      {verdict !== null ? (
        <p className={verdict ? 'verdict ok' : 'verdict bad'} role="status">
          {verdict ? t('lesson.quizRight') : t('lesson.quizWrong')}
        </p>
      ) : null}
    </form>
  );
}
