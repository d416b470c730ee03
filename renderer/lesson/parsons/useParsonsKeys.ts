/**
 * The keyboard in a Parsons step's two lists. In the lines to use, arrows, Home and End move the
 * focus. In the program, Space or Enter picks a line up or drops it, arrows move the held line (or
 * the focus) and indent it, Escape puts a held line back where it was, Delete takes a line out.
 * Each move is announced.
 */
import { useTranslation } from 'react-i18next';
import { indent as indentLine, move, type Arrangement } from './arrangement.ts';
import type { Held } from './ParsonsLists.tsx';
import type { ParsonsList } from './useParsonsFocus.ts';

export function useParsonsKeys({
  arrangement,
  update,
  held,
  setHeld,
  announce,
  textOf,
  shift,
  remove,
  focusLater,
}: {
  arrangement: Arrangement;
  update: (next: Arrangement) => void;
  held: Held | null;
  setHeld: (held: Held | null) => void;
  announce: (text: string) => void;
  textOf: (id: number) => string;
  shift: (at: number, by: number) => void;
  remove: (id: number) => void;
  focusLater: (list: ParsonsList, index: number) => void;
}) {
  const { t } = useTranslation();
  const total = arrangement.program.length;

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
        announce(t('parsons.announce.dropped', { text: textOf(line.id), n: index + 1, total }));
      } else {
        setHeld({ id: line.id, from: index, indent: line.indent });
        announce(t('parsons.announce.picked', { text: textOf(line.id), n: index + 1, total }));
      }
    } else if (key === 'Escape' && held) {
      e.preventDefault();
      let next = move(arrangement, index, held.from);
      next = indentLine(next, held.from, held.indent - (next.program[held.from]?.indent ?? 0));
      update(next);
      setHeld(null);
      focusLater('program', held.from);
      announce(t('parsons.announce.cancelled', { text: textOf(line.id), n: held.from + 1, total }));
    } else if (key === 'ArrowUp' || key === 'ArrowDown') {
      e.preventDefault();
      const to = index + (key === 'ArrowDown' ? 1 : -1);
      if (to < 0 || to >= total) return;
      if (held) {
        update(move(arrangement, index, to));
        announce(t('parsons.announce.moved', { text: textOf(line.id), n: to + 1, total }));
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

  return { onPoolKey, onProgramKey };
}
