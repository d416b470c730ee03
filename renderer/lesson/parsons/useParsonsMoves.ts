/**
 * The moves of a Parsons step (ParsonsStep.tsx shows them): the arrangement, the line held by the
 * keyboard, and what each move announces. The keys are useParsonsKeys.ts; focus that follows a
 * moved line is useParsonsFocus.ts; drag and drop is useParsonsDrag.ts.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/content/schema.ts';
import { braceIndents } from '../../../shared/content/parsons.ts';
import {
  arrangementFrom,
  indent as indentLine,
  place,
  programOf,
  startArrangement,
  unplace,
  type Arrangement,
} from './arrangement.ts';
import type { Held } from './ParsonsLists.tsx';
import { useParsonsDrag } from './useParsonsDrag.ts';
import { useParsonsFocus } from './useParsonsFocus.ts';
import { useParsonsKeys } from './useParsonsKeys.ts';

export function useParsonsMoves({
  lines,
  indented,
  language,
  draft,
  onChange,
}: {
  lines: readonly string[];
  indented: boolean;
  language: Language;
  draft: string | undefined;
  onChange: ((code: string) => void) | undefined;
}) {
  const { t } = useTranslation();
  const [arrangement, setArrangement] = useState<Arrangement>(() =>
    draft ? arrangementFrom(draft, lines) : startArrangement(lines.length),
  );
  const [held, setHeld] = useState<Held | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const { poolFocus, programFocus, setPoolFocus, setProgramFocus, poolRef, programRef, focusLater } =
    useParsonsFocus();

  const update = useCallback(
    (next: Arrangement) => {
      setArrangement(next);
      onChange?.(programOf(next, lines, language));
    },
    [onChange, lines, language],
  );

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

  const { onPoolKey, onProgramKey } = useParsonsKeys({
    arrangement,
    update,
    held,
    setHeld,
    announce: setAnnouncement,
    textOf,
    shift,
    remove,
    focusLater,
  });
  const { dropAt, setDropAt, dropIndex, onProgramDrop } = useParsonsDrag({
    lines,
    indented,
    arrangement,
    add,
  });

  const poolIndex = Math.min(poolFocus, arrangement.pool.length - 1);
  const programIndex = Math.min(programFocus, total - 1);
  const reset = () => {
    update(startArrangement(lines.length));
    setHeld(null);
    setAnnouncement(t('parsons.announce.reset'));
  };
  return {
    arrangement,
    update,
    announce: setAnnouncement,
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
  };
}
