/**
 * Touch for a Parsons step (decision 0049): HTML drag events do not fire on a touchscreen, so a
 * finger (or a pen) taps instead. Tap a line to pick it up; tap a line in "Your program" and the
 * held line takes that line's place, or tap "Put it at the end"; tap a line in "Lines to use" (or
 * "Put it back in the lines to use") to take a program line out; tap the held line again to put
 * it down where it is. While a program line is held, ← and → beside it change its indentation
 * (Python). Nothing moves until the drop, and every tap is said in the live region.
 *
 * A tap is told from a mouse click by the pointer that pressed (Pointer Events' `pointerType`);
 * a click from the keyboard (Enter, `detail` 0) is never a tap. The mouse and keyboard moves stay
 * as they were.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { move, place, type Arrangement } from './arrangement.ts';

interface Moves {
  arrangement: Arrangement;
  update: (next: Arrangement) => void;
  announce: (text: string) => void;
  textOf: (id: number) => string;
  remove: (id: number) => void;
  focusLater: (list: 'pool' | 'program', index: number) => void;
}

/**
 * Where a Python line `text` dropped at `at` is most likely indented: one deeper under a line
 * ending in `:`, one less for an `else`/`elif`/`except`/`finally`, else as the line above. A guess
 * only: the learner sets it with ← and →.
 */
function guessIndent(a: Arrangement, at: number, text: string, textOf: (id: number) => string): number {
  const above = a.program[at - 1];
  if (!above) return 0;
  if (textOf(above.id).trimEnd().endsWith(':')) return above.indent + 1;
  return /^(else|elif|except|finally)\b/.test(text) ? Math.max(0, above.indent - 1) : above.indent;
}

export function useParsonsTouch({ indented, moves }: { indented: boolean; moves: Moves }) {
  const { t } = useTranslation();
  const { arrangement, update, announce, textOf, remove, focusLater } = moves;
  /** The line a tap picked up, by id; it stays in its list until it is dropped. */
  const [lifted, setLifted] = useState<number | null>(null);
  /** A touch or pen has been seen: the lines get finger-sized targets. */
  const [touched, setTouched] = useState(false);
  const pointer = useRef('');

  const onPointerDown = (e: React.PointerEvent) => {
    pointer.current = e.pointerType;
    if ((e.pointerType === 'touch' || e.pointerType === 'pen') && !touched) setTouched(true);
  };
  /** This click is a finger's or a pen's tap (not the mouse's, not the keyboard's). */
  const isTap = (e: React.MouseEvent) => {
    if (e.detail === 0) return false;
    const type = (e.nativeEvent as Partial<PointerEvent>).pointerType || pointer.current;
    return type === 'touch' || type === 'pen';
  };

  const programIndex = (id: number) => arrangement.program.findIndex((line) => line.id === id);
  const total = arrangement.program.length;

  const pickUp = (id: number) => {
    setLifted(id);
    const at = programIndex(id);
    if (at < 0) announce(t('parsons.touch.picked', { text: textOf(id) }));
    else
      announce(
        t(indented ? 'parsons.touch.pickedProgram' : 'parsons.touch.pickedProgramNoIndent', {
          text: textOf(id),
          n: at + 1,
          total,
        }),
      );
  };

  /** The held line becomes line `at + 1` of the program (`at` = the length: the end). */
  const dropAt = (at: number) => {
    if (lifted === null) return;
    const id = lifted;
    const from = programIndex(id);
    let next: Arrangement;
    if (from >= 0) {
      next = move(arrangement, from, Math.min(at, total - 1));
    } else {
      next = place(arrangement, id, at, indented ? guessIndent(arrangement, at, textOf(id), textOf) : 0);
    }
    update(next);
    setLifted(null);
    const n = next.program.findIndex((line) => line.id === id) + 1;
    const key = from >= 0 ? 'parsons.announce.dropped' : 'parsons.announce.added';
    announce(t(key, { text: textOf(id), n, total: next.program.length }));
    focusLater('program', n - 1);
  };

  /** Back to the lines to use: a held program line leaves the program; a pool line just stays. */
  const putBack = () => {
    if (lifted === null) return;
    const id = lifted;
    setLifted(null);
    if (programIndex(id) >= 0) remove(id);
    else announce(t('parsons.touch.putBack', { text: textOf(id) }));
  };

  const tapLine = (id: number) => {
    if (lifted === null) return pickUp(id);
    if (lifted === id) {
      const at = programIndex(id);
      setLifted(null);
      if (at < 0) announce(t('parsons.touch.putBack', { text: textOf(id) }));
      else announce(t('parsons.announce.dropped', { text: textOf(id), n: at + 1, total }));
      return;
    }
    const at = programIndex(id);
    if (at >= 0) return dropAt(at);
    // A line in the lines to use: a held program line goes back there; a held pool line is
    // swapped for the one tapped.
    if (programIndex(lifted) >= 0) putBack();
    else pickUp(id);
  };

  return {
    lifted,
    liftedInProgram: lifted !== null && programIndex(lifted) >= 0,
    touched,
    onPointerDown,
    isTap,
    tapLine,
    tapEnd: () => dropAt(total),
    putBack,
    clearLifted: () => setLifted(null),
  };
}
