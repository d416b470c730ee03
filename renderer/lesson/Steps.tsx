/** The two steps that are not code to write: predict the output, and a multiple-choice quiz. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonExercise } from '../../shared/api/calls/lessons.ts';
import { useApp } from '../app/context.ts';
import { CodeEditor } from '../editor/CodeEditor.tsx';
import { useLocale } from '../i18n/useLocale.ts';
import { quizAnswerCorrect, sameOutput } from '../../shared/content/answers.ts';

export function PredictStep({
  exercise,
  onAnswer,
}: {
  exercise: LessonExercise;
  onAnswer: (correct: boolean, answer: string) => void;
}) {
  const { t } = useTranslation();
  const { settings } = useApp();
  const id = useId();
  const [answer, setAnswer] = useState('');
  const [verdict, setVerdict] = useState<boolean | null>(null);
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
          const ok = sameOutput(answer, exercise.expectedOutput ?? '');
          setVerdict(ok);
          onAnswer(ok, answer);
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
        <button type="submit" className="primary" disabled={answer.trim() === ''}>
          {t('lesson.checkPrediction')}
        </button>
      </form>
      {verdict !== null ? (
        <div className={verdict ? 'verdict ok' : 'verdict bad'} role="status">
          <p>{verdict ? t('lesson.predictRight') : t('lesson.predictWrong')}</p>
          {!verdict ? (
            <>
              <p>{t('lesson.actualOutput')}</p>
              <pre>{exercise.expectedOutput}</pre>
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
  /** `answer` is the chosen choice's index, as the backend re-checks it. */
  onAnswer: (correct: boolean, answer: string) => void;
}) {
  const { t } = useTranslation();
  const { text } = useLocale();
  const name = useId();
  const [chosen, setChosen] = useState<number | null>(null);
  const [verdict, setVerdict] = useState<boolean | null>(null);
  const choices = exercise.choices ?? [];
  return (
    <form
      className="quiz"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen === null) return;
        const ok = quizAnswerCorrect(choices, String(chosen));
        setVerdict(ok);
        onAnswer(ok, String(chosen));
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
                setVerdict(null);
              }}
            />
            <span>{text(choice.text)}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={chosen === null}>
        {t('lesson.checkAnswer')}
      </button>
      {verdict !== null ? (
        <p className={verdict ? 'verdict ok' : 'verdict bad'} role="status">
          {verdict ? t('lesson.quizRight') : t('lesson.quizWrong')}
        </p>
      ) : null}
    </form>
  );
}
