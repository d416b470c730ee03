/**
 * The two steps that are not code to write: predict the output, and a multiple-choice quiz. The
 * page is not sent their answers: it submits the learner's, and shows the backend's verdict with
 * what comes with it (the real output beside the prediction, the chosen choice's explanation).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonExercise, RecordedVerdict } from '../../shared/api/calls/lessons.ts';
import type { LocalizedText } from '../../shared/content/schema.ts';
import { useApp } from '../app/context.ts';
import { Markdown } from '../components/Markdown.tsx';
import { CodeEditor } from '../editor/CodeEditor.tsx';
import { useLocale } from '../i18n/useLocale.ts';
import { failureText } from '../i18n/failure.ts';
import { OutputDiff } from './OutputDiff.tsx';

/** Sends the learner's answer; settles with the backend's verdict (null when it could not be had). */
export type SubmitAnswer = (answer: string) => Promise<RecordedVerdict | null>;

/** An answer being judged, then the verdict on it. */
export function useJudged() {
  const { t } = useTranslation();
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
      setFailed(failureText(t, e));
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
  // The prediction the verdict is about, even if the learner edits the box afterwards.
  const [submitted, setSubmitted] = useState('');
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
          setSubmitted(answer);
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
              <OutputDiff
                expected={judged.verdict.reveal.output}
                actual={submitted}
                labels={{ expected: t('lesson.predictReal'), actual: t('lesson.predictYours') }}
              />
              <p className="answer-shown">{t('lesson.answerShown')}</p>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** Why a choice is right or wrong, as its author explained it. */
function Explanation({ label, text }: { label: string; text: LocalizedText }) {
  const { text: localized } = useLocale();
  return (
    <div className="choice-explanation">
      <p className="explanation-label">{label}</p>
      <Markdown source={localized(text)} />
    </div>
  );
}

export type RightAnswers = { index: number; explanation: LocalizedText }[];

export function QuizStep({
  exercise,
  onAnswer,
  onReveal,
}: {
  exercise: LessonExercise;
  /** The answer sent is the chosen choice's index. */
  onAnswer: SubmitAnswer;
  /** Asks for the right choices and why (offered after a wrong pick; recorded as shown). */
  onReveal: () => Promise<RightAnswers>;
}) {
  const { t } = useTranslation();
  const { text } = useLocale();
  const name = useId();
  const [chosen, setChosen] = useState<number | null>(null);
  const judged = useJudged();
  const [right, setRight] = useState<RightAnswers | null>(null);
  const [revealFailed, setRevealFailed] = useState<string | null>(null);
  const verdict = judged.verdict ? judged.verdict.status === 'pass' : null;
  const explanation = judged.verdict?.explanation;
  const choices = exercise.choices ?? [];
  const rightIndexes = new Set(right?.map((r) => r.index));
  // The button that asked for the answer goes away as the answer appears: the focus moves to the
  // answer, so a keyboard user reads on from there instead of from the top of the page.
  const answerRef = useRef<HTMLDivElement>(null);
  const focusAnswer = useRef(false);
  useEffect(() => {
    if (!right || !focusAnswer.current) return;
    focusAnswer.current = false;
    answerRef.current?.focus();
  }, [right]);
  const reveal = async () => {
    setRevealFailed(null);
    try {
      const answers = await onReveal();
      focusAnswer.current = true;
      setRight(answers);
    } catch (e) {
      setRevealFailed(failureText(t, e));
    }
  };
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
          <label key={i} className="choice" data-right={rightIndexes.has(i) || undefined}>
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
            {rightIndexes.has(i) ? (
              <span className="badge right-choice">✓ {t('lesson.rightChoice')}</span>
            ) : null}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={chosen === null || judged.pending}>
        {t('lesson.checkAnswer')}
      </button>
      <NotJudged message={judged.failed} />
      {verdict !== null ? (
        <div className="quiz-feedback" data-testid="quiz-feedback">
          <p className={verdict ? 'verdict ok' : 'verdict bad'} role="status">
            {verdict ? t('lesson.quizRight') : t('lesson.quizWrong')}
          </p>
          {explanation ? (
            <Explanation label={t(verdict ? 'lesson.quizWhy' : 'lesson.quizWhyNot')} text={explanation} />
          ) : null}
          {!verdict && !right ? (
            <p className="quiz-next">
              {t('lesson.quizTryAgain')}{' '}
              <button type="button" onClick={() => void reveal()}>
                {t('lesson.showRightAnswer')}
              </button>
            </p>
          ) : null}
        </div>
      ) : null}
      {revealFailed ? (
        <p className="status error" role="alert">
          {revealFailed}
        </p>
      ) : null}
      {right && right.length > 0 && !verdict ? (
        <div className="quiz-answer" role="status" data-testid="quiz-answer" tabIndex={-1} ref={answerRef}>
          {right.map((r) => (
            <Explanation
              key={r.index}
              label={`${t('lesson.rightAnswer')} ${choices[r.index] ? text(choices[r.index]!.text) : ''}`}
              text={r.explanation}
            />
          ))}
          <p className="answer-shown">{t('lesson.answerShown')}</p>
        </div>
      ) : null}
    </form>
  );
}
