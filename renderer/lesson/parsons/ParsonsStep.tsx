/**
 * A Parsons problem: the given lines, shuffled, and the learner's program built from them, by
 * mouse (drag and drop, or click to add) or by keyboard alone (Enter adds a line; in the program
 * Space picks one up, arrows move and indent it, Space drops it, Escape puts it back). Every move
 * is announced in a live region. Check assembles the program and runs the exercise's tests as an
 * exercise's Check does; the backend re-checks it (decision 0023). The page never had the order.
 * Below the results, the tutor's hints (`aside`), as beside an exercise.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonExercise } from '../../../shared/api/calls/lessons.ts';
import type { Language } from '../../../shared/content/schema.ts';
import type { RunResult } from '../../../shared/runner/protocol.ts';
import { checkRequest } from '../../../shared/runner/check-request.ts';
import { ResultsPanel } from '../ResultsPanel.tsx';
import { useRunner } from '../useRunner.ts';
import { markersOf } from '../markers.ts';
import { learnerErrorText } from '../../i18n/runner-text.ts';
import { warmTypeChecker } from '../../editor/type-check.ts';
import { programOf } from './arrangement.ts';
import { ParsonsToolbar, PoolList, ProgramList } from './ParsonsLists.tsx';
import { useParsonsMoves } from './useParsonsMoves.ts';
import { useParsonsTouch } from './useParsonsTouch.ts';
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
  const runner = useRunner(language);
  // A TypeScript Check reads the types first, in Monaco's worker: start it now, not at the Check.
  useEffect(() => {
    if (language === 'typescript') void warmTypeChecker().catch(() => undefined);
  }, [language]);
  const keysId = useId();
  const moves = useParsonsMoves({ lines, indented, language, draft, onChange });
  const {
    arrangement,
    shift,
    held,
    setHeld,
    announcement,
    dropAt,
    setDropAt,
    poolRef,
    programRef,
    poolIndex,
    programIndex,
    setPoolFocus,
    setProgramFocus,
    focusLater,
    textOf,
    total,
    shownIndents,
    add,
    remove,
    reset,
    onPoolKey,
    onProgramKey,
    dropIndex,
    onProgramDrop,
  } = moves;
  const touch = useParsonsTouch({ indented, moves });

  const [checked, setChecked] = useState<string | null>(null);
  const check = async () => {
    if (runner.running) return;
    const code = programOf(arrangement, lines, language);
    setChecked(code);
    const result = await runner.run(checkRequest(exercise, code, language));
    onCheck(code, result);
  };
  // The lines the last Check's errors point at, as the editor marks them on an exercise; only
  // while the program is still the one checked (a moved line would be marked in the wrong place).
  const errorAt = new Map(
    checked === programOf(arrangement, lines, language)
      ? markersOf(runner.result, exercise.module, (e) => learnerErrorText(t, e)).map(
          (m) => [m.line, m.message] as const,
        )
      : [],
  );

  return (
    <div className="parsons" data-testid="parsons" data-touch={touch.touched || undefined}>
      <p id={keysId} className="parsons-keys muted">
        {t(indented ? 'parsons.keys' : 'parsons.keysNoIndent')} {t('parsons.touch.keys')}
      </p>
      <div className="parsons-lists">
        <PoolList
          pool={arrangement.pool}
          focusIndex={poolIndex}
          textOf={textOf}
          keysId={keysId}
          listRef={poolRef}
          onFocusLine={setPoolFocus}
          onKey={onPoolKey}
          touch={touch}
          onPutBack={touch.putBack}
          onActivate={(e, id, i) => {
            if (touch.isTap(e)) return touch.tapLine(id);
            add(id);
            if (arrangement.pool.length > 1) focusLater('pool', Math.min(i, arrangement.pool.length - 2));
            else focusLater('program', arrangement.program.length);
          }}
          onDropBack={(id) => {
            if (arrangement.program.some((line) => line.id === id)) remove(id);
          }}
        />
        <ProgramList
          program={arrangement.program}
          indented={indented}
          shownIndents={shownIndents}
          focusIndex={programIndex}
          held={held}
          dropAt={dropAt}
          errorAt={errorAt}
          textOf={textOf}
          keysId={keysId}
          listRef={programRef}
          onFocusLine={setProgramFocus}
          onBlurLine={(id) => setHeld((h) => (h?.id === id ? null : h))}
          onKey={onProgramKey}
          onDragOverAt={setDropAt}
          onDrop={onProgramDrop}
          dropIndex={dropIndex}
          touch={touch}
          onActivate={(e, id) => {
            if (touch.isTap(e)) touch.tapLine(id);
          }}
          onEnd={touch.tapEnd}
          onIndent={shift}
        />
      </div>
      <p className="parsons-announce" role="status" aria-live="polite" data-testid="parsons-announce">
        {announcement}
      </p>
      <ParsonsToolbar
        runner={runner}
        empty={total === 0}
        onCheck={() => void check()}
        onReset={() => {
          touch.clearLifted();
          reset();
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
