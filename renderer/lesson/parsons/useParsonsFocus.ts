/**
 * Focus in a Parsons step's two lists: the line each list's roving focus rests on, and focus that
 * follows a line a key moved, once React has rendered it in its new place.
 */
import { useEffect, useRef, useState } from 'react';

export type ParsonsList = 'pool' | 'program';

export function useParsonsFocus() {
  const [poolFocus, setPoolFocus] = useState(0);
  const [programFocus, setProgramFocus] = useState(0);
  const poolRef = useRef<HTMLOListElement>(null);
  const programRef = useRef<HTMLOListElement>(null);
  const pendingFocus = useRef<{ list: ParsonsList; index: number } | null>(null);

  // Focus follows the line a key moved (after React has rendered it in its new place).
  useEffect(() => {
    const want = pendingFocus.current;
    if (!want) return;
    pendingFocus.current = null;
    const list = want.list === 'pool' ? poolRef.current : programRef.current;
    list?.querySelectorAll<HTMLButtonElement>('button.parsons-line')[want.index]?.focus();
  });
  const focusLater = (list: ParsonsList, index: number) => {
    pendingFocus.current = { list, index };
    if (list === 'pool') setPoolFocus(index);
    else setProgramFocus(index);
  };

  return { poolFocus, programFocus, setPoolFocus, setProgramFocus, poolRef, programRef, focusLater };
}
