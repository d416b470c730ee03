/**
 * A Parsons problem: the given lines, shuffled, and the learner's program built from them, by
 * mouse (drag and drop, or click to add) or by keyboard alone (Enter adds a line; in the program
 * Space picks one up, arrows move and indent it, Space drops it, Escape puts it back). Every move
 * is announced in a live region. Check assembles the program and runs the exercise's tests as an
 * exercise's Check does; the backend re-checks it (decision 0023). The page never had the order.
 * Below the results, the tutor's hints (`aside`), as beside an exercise.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonExercise } from '../../../shared/api/calls/lessons.ts';
import type { Language } from '../../../shared/content/schema.ts';
import { braceIndents } from '../../../shared/content/parsons.ts';
import type { RunResult } from '../../../shared/runner/protocol.ts';
import { checkRequest } from '../../../shared/runner/check-request.ts';
import { ResultsPanel } from '../ResultsPanel.tsx';
import { useRunner } from '../useRunner.ts';
import { markersOf } from '../markers.ts';
import { warmTypeChecker } from '../../editor/type-check.ts';
import {
  arrangementFrom,
  indent as indentLine,
  move,
  place,
  programOf,
  startArrangement,
  unplace,
  type Arrangement,
} from './arrangement.ts';
import { DRAG_TYPE, INDENT_PX, type Held } from './ParsonsLists.tsx';
import { ParsonsToolbar, PoolList, ProgramList } from './ParsonsLists.tsx';
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
  const [arrangement, setArrangement] = useState<Arrangement>(() =>
    draft ? arrangementFrom(draft, lines) : startArrangement(lines.length),
  );
  const [held, setHeld] = useState<Held | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [poolFocus, setPoolFocus] = useState(0);
  const [programFocus, setProgramFocus] = useState(0);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const poolRef = useRef<HTMLOListElement>(null);
  const programRef = useRef<HTMLOListElement>(null);
  const pendingFocus = useRef<{ list: 'pool' | 'program'; index: number } | null>(null);
  const keysId = useId();

  const update = useCallback(
    (next: Arrangement) => {
      setArrangement(next);
      onChange?.(programOf(next, lines, language));
    },
    [onChange, lines, language],
  );

  // Focus follows the line a key moved (after React has rendered it in its new place).
  useEffect(() => {
    const want = pendingFocus.current;
    if (!want) return;
    pendingFocus.current = null;
    const list = want.list === 'pool' ? poolRef.current : programRef.current;
    list?.querySelectorAll<HTMLButtonElement>('button.parsons-line')[want.index]?.focus();
  });
  const focusLater = (list: 'pool' | 'program', index: number) => {
    pendingFocus.current = { list, index };
    if (list === 'pool') setPoolFocus(index);
    else setProgramFocus(index);
  };

  const textOf = (id: number) => lines[id] ?? '';
  const total = arrangement.program.length;
  const shownIndents = indented
    ? arrangement.program.map((line) => line.indent)
    : braceIndents(arrangement.program.map((line) => textOf(line.id)));

  const add = (id: number, at = arrangement.program.length, level = 0) => {
    const next = place(arrangement, id, at, indented ? level : 0);
    update(next);
    const position = next.program.findIndex((line) => line.id === id);
    setAnnouncement(
      t('parsons.announce.added', { text: textOf(id), n: position + 1, total: next.program.length }),
    );
    return next;
  };
  const remove = (id: number) => {
    update(unplace(arrangement, id));
    setHeld(null);
    setAnnouncement(t('parsons.announce.removed', { text: textOf(id) }));
  };
  const shift = (at: number, by: number) => {
    if (!indented) return;
    const before = arrangement.program[at];
    const next = indentLine(arrangement, at, by);
    const line = next.program[at];
    if (!before || !line) return;
    // At a limit the line does not move: say so, or a screen reader (which does not repeat a
    // polite region whose text is unchanged) would say nothing at all.
    if (line.indent === before.indent) {
      const key = by > 0 ? 'parsons.announce.indentDeepest' : 'parsons.announce.indentNone';
      setAnnouncement(t(key, { text: textOf(line.id), level: line.indent }));
      return;
    }
    update(next);
    setAnnouncement(t('parsons.announce.indent', { text: textOf(line.id), level: line.indent }));
  };

  const onPoolKey = (e: React.KeyboardEvent, index: number) => {
    const { pool } = arrangement;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      focusLater('pool', Math.max(0, Math.min(pool.length - 1, index + (e.key === 'ArrowDown' ? 1 : -1))));
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      focusLater('pool', e.key === 'Home' ? 0 : pool.length - 1);
    }
  };

  const onProgramKey = (e: React.KeyboardEvent, index: number) => {
    const line = arrangement.program[index];
    if (!line) return;
    const key = e.key;
    if (key === ' ' || key === 'Enter') {
      e.preventDefault();
      if (held) {
        setHeld(null);
        setAnnouncement(t('parsons.announce.dropped', { text: textOf(line.id), n: index + 1, total }));
      } else {
        setHeld({ id: line.id, from: index, indent: line.indent });
        setAnnouncement(t('parsons.announce.picked', { text: textOf(line.id), n: index + 1, total }));
      }
    } else if (key === 'Escape' && held) {
      e.preventDefault();
      let next = move(arrangement, index, held.from);
      next = indentLine(next, held.from, held.indent - (next.program[held.from]?.indent ?? 0));
      update(next);
      setHeld(null);
      focusLater('program', held.from);
      setAnnouncement(t('parsons.announce.cancelled', { text: textOf(line.id), n: held.from + 1, total }));
    } else if (key === 'ArrowUp' || key === 'ArrowDown') {
      e.preventDefault();
      const to = index + (key === 'ArrowDown' ? 1 : -1);
      if (to < 0 || to >= total) return;
      if (held) {
        update(move(arrangement, index, to));
        setAnnouncement(t('parsons.announce.moved', { text: textOf(line.id), n: to + 1, total }));
      }
      focusLater('program', to);
    } else if (key === 'ArrowRight' || key === 'ArrowLeft') {
      e.preventDefault();
      shift(index, key === 'ArrowRight' ? 1 : -1);
    } else if (key === 'Delete' || key === 'Backspace') {
      e.preventDefault();
      remove(line.id);
      if (total > 1) focusLater('program', Math.min(index, total - 2));
      else focusLater('pool', 0);
    }
  };

  // Drag and drop (mouse): into the program at the pointer's row and indentation, or back out.
  const dropIndex = (e: React.DragEvent<HTMLOListElement>) => {
    const rows = [...e.currentTarget.querySelectorAll<HTMLElement>('li.parsons-row')];
    const at = rows.findIndex((row) => {
      const box = row.getBoundingClientRect();
      return e.clientY < box.top + box.height / 2;
    });
    return at < 0 ? rows.length : at;
  };
  const dropIndent = (e: React.DragEvent<HTMLOListElement>) =>
    indented
      ? Math.max(0, Math.floor((e.clientX - e.currentTarget.getBoundingClientRect().left - 8) / INDENT_PX))
      : 0;
  const onProgramDrop = (e: React.DragEvent<HTMLOListElement>) => {
    e.preventDefault();
    setDropAt(null);
    const id = Number(e.dataTransfer.getData(DRAG_TYPE));
    if (!Number.isInteger(id) || !lines[id]) return;
    const at = dropIndex(e);
    const from = arrangement.program.findIndex((line) => line.id === id);
    // Taking a line out of the list first moves the rows below it up by one.
    add(id, from >= 0 && from < at ? at - 1 : at, dropIndent(e));
  };

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
      ? markersOf(runner.result, exercise.module).map((m) => [m.line, m.message] as const)
      : [],
  );

  const poolIndex = Math.min(poolFocus, arrangement.pool.length - 1);
  const programIndex = Math.min(programFocus, total - 1);

  return (
    <div className="parsons" data-testid="parsons">
      <p id={keysId} className="parsons-keys muted">
        {t(indented ? 'parsons.keys' : 'parsons.keysNoIndent')}
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
          onAdd={(id, i) => {
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
          update(startArrangement(lines.length));
          setHeld(null);
          setAnnouncement(t('parsons.announce.reset'));
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
