/**
 * A Parsons problem: the given lines, shuffled, and the learner's program built from them, by
 * mouse (drag and drop, or click to add) or by keyboard alone (Enter adds a line; in the program
 * Space picks one up, arrows move and indent it, Space drops it, Escape puts it back). Every move
 * is announced in a live region. Check assembles the program and runs the exercise's tests as an
 * exercise's Check does; the backend re-checks it (decision 0023). The page never had the order.
 * Below the results, the tutor's hints (`aside`), as beside an exercise.
 */
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonExercise } from '../../../shared/api/calls/lessons.ts';
import type { Language } from '../../../shared/content/schema.ts';
import { ResultsPanel } from '../ResultsPanel.tsx';
import { ParsonsToolbar, PoolList, ProgramList } from './ParsonsLists.tsx';
import { useParsonsMoves } from './useParsonsMoves.ts';
import { useParsonsTouch } from './useParsonsTouch.ts';
import { useParsonsCheck } from './useParsonsCheck.ts';
import type { RunResult } from '../../../shared/runner/protocol.ts';
import './parsons.css';

export interface ParsonsStepProps {
  exercise: LessonExercise;
  /** The learner's saved program, when they were here before. */
  draft?: string;
  onChange?: (code: string) => void;
  onCheck: (code: string, result: RunResult) => void;
  /** Help shown below the results: the lesson page's hint panel. */
  aside?: React.ReactNode;
}

export function ParsonsStep({ exercise, draft, onChange, onCheck, aside }: ParsonsStepProps) {
  const { t } = useTranslation();
  const language: Language = exercise.language ?? 'python';
  const lines = useMemo(() => exercise.parsons?.lines ?? [], [exercise.parsons]);
  const indented = exercise.parsons?.indented ?? false;
  const keysId = useId();
  const moves = useParsonsMoves({ lines, indented, language, draft, onChange });
  const { arrangement, textOf } = moves;
  const touch = useParsonsTouch({ indented, moves });
  const { runner, check, errorAt } = useParsonsCheck({ exercise, language, arrangement, lines, onCheck });

  return (
    <div className="parsons" data-testid="parsons" data-touch={touch.touched || undefined}>
      <p id={keysId} className="parsons-keys muted">
        {t(indented ? 'parsons.keys' : 'parsons.keysNoIndent')} {t('parsons.touch.keys')}
      </p>
      <div className="parsons-lists">
        <PoolList
          pool={arrangement.pool}
          focusIndex={moves.poolIndex}
          textOf={textOf}
          keysId={keysId}
          listRef={moves.poolRef}
          onFocusLine={moves.setPoolFocus}
          onKey={moves.onPoolKey}
          touch={touch}
          onPutBack={touch.putBack}
          onActivate={(e, id, i) => {
            if (touch.isTap(e)) return touch.tapLine(id);
            moves.add(id);
            if (arrangement.pool.length > 1)
              moves.focusLater('pool', Math.min(i, arrangement.pool.length - 2));
            else moves.focusLater('program', arrangement.program.length);
          }}
          onDropBack={(id) => {
            if (arrangement.program.some((line) => line.id === id)) moves.remove(id);
          }}
        />
        <ProgramList
          program={arrangement.program}
          indented={indented}
          shownIndents={moves.shownIndents}
          focusIndex={moves.programIndex}
          held={moves.held}
          dropAt={moves.dropAt}
          errorAt={errorAt}
          textOf={textOf}
          keysId={keysId}
          listRef={moves.programRef}
          onFocusLine={moves.setProgramFocus}
          onBlurLine={(id) => moves.setHeld((h) => (h?.id === id ? null : h))}
          onKey={moves.onProgramKey}
          onDragOverAt={moves.setDropAt}
          onDrop={moves.onProgramDrop}
          dropIndex={moves.dropIndex}
          touch={touch}
          onActivate={(e, id) => {
            if (touch.isTap(e)) touch.tapLine(id);
          }}
          onEnd={touch.tapEnd}
          onIndent={moves.shift}
        />
      </div>
      <p className="parsons-announce" role="status" aria-live="polite" data-testid="parsons-announce">
        {moves.announcement}
      </p>
      <ParsonsToolbar
        runner={runner}
        empty={moves.total === 0}
        onCheck={() => void check()}
        onReset={() => {
          touch.clearLifted();
          moves.reset();
        }}
      />
      {runner.result ? (
        <div className="parsons-results" data-testid="parsons-results">
          <ResultsPanel
            result={runner.result}
            starter=""
            {...(exercise.cases ? { cases: exercise.cases } : {})}
          />
        </div>
      ) : null}
      {aside ? <div className="parsons-help">{aside}</div> : null}
    </div>
  );
}
