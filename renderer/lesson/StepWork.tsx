/**
 * The lesson page's work pane: what the learner does with the step. An exercise in the editor
 * (with Reset, the hint panel and the solution), a Parsons step, a trace, a predict step, or an
 * explanation's sample code.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedLesson } from '../../shared/api/calls/lessons.ts';
import type { RunResult } from '../../shared/runner/protocol.ts';
import { ExerciseWorkspace } from './ExerciseWorkspace.tsx';
import { SolutionReveal } from './SolutionReveal.tsx';
import { PredictStep } from './Steps.tsx';
import { ParsonsStep } from './parsons/ParsonsStep.tsx';
import { TraceStep } from '../visualiser/TraceStep.tsx';
import type { useLessonAttempts } from './useLessonAttempts.ts';

type Attempts = ReturnType<typeof useLessonAttempts>;

export interface StepWorkProps {
  opened: OpenedLesson;
  attempts: Attempts;
  saveDraft: (code: string) => void;
  /** The tutor's hint panel, shown beside an exercise's results and a Parsons step alike. */
  hintPanel: React.ReactNode;
  /** A Run or Check has a result (for the hint panel to send). */
  onResult: (result: RunResult) => void;
}

export function StepWork({ opened, attempts, saveDraft, hintPanel, onResult }: StepWorkProps) {
  const { exercise } = opened;
  const { record } = attempts;
  if (exercise.type === 'exercise') {
    return (
      <ExerciseStep
        opened={opened}
        attempts={attempts}
        saveDraft={saveDraft}
        hintPanel={hintPanel}
        onResult={onResult}
      />
    );
  }
  if (exercise.type === 'parsons') {
    return (
      <ParsonsStep
        exercise={exercise}
        {...(opened.draft !== undefined ? { draft: opened.draft } : {})}
        onChange={saveDraft}
        onCheck={(code, result) => {
          onResult(result);
          void record('check', code, result);
        }}
        aside={<div className="lesson-help">{hintPanel}</div>}
      />
    );
  }
  if (exercise.type === 'trace') {
    return <TraceStep exercise={exercise} onAnswer={(answer) => record('predict', answer)} />;
  }
  if (exercise.type === 'predict') {
    return <PredictStep exercise={exercise} onAnswer={(answer) => record('predict', answer)} />;
  }
  return exercise.starter.trim() ? (
    <ExerciseWorkspace
      exercise={exercise}
      initialCode={opened.draft ?? exercise.starter}
      onCodeChange={saveDraft}
    />
  ) : null;
}

/** An exercise in the editor, with Reset, the hint panel and the solution beside its results. */
function ExerciseStep({ opened, attempts, saveDraft, hintPanel, onResult }: StepWorkProps) {
  const { t } = useTranslation();
  const { exercise, trackId } = opened;
  const [replace, setReplace] = useState<{ code: string; seq: number } | undefined>();
  const { state, setState, record, checking } = attempts;
  return (
    <ExerciseWorkspace
      exercise={exercise}
      initialCode={opened.draft ?? exercise.starter}
      replaceCode={replace}
      onCodeChange={saveDraft}
      onStart={(mode) => {
        if (mode === 'check') checking();
      }}
      onAttempt={(kind, code, result) => {
        onResult(result);
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
            lessonRef={{ trackId, exerciseId: exercise.id }}
            state={state}
            onState={setState}
            onUse={(code) => setReplace((r) => ({ code, seq: (r?.seq ?? 0) + 1 }))}
          />
        </div>
      }
    />
  );
}
