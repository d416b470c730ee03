/**
 * Drag and drop (mouse) in a Parsons step: a line dropped on the program goes in at the pointer's
 * row and indentation; the row the pointer is over is marked while it is dragged.
 */
import { useState } from 'react';
import type { Arrangement } from './arrangement.ts';
import { DRAG_TYPE, INDENT_PX } from './ParsonsLists.tsx';

/** The row a drop at the pointer lands on: before the first row whose middle is below it. */
function dropIndex(e: React.DragEvent<HTMLOListElement>) {
  const rows = [...e.currentTarget.querySelectorAll<HTMLElement>('li.parsons-row')];
  const at = rows.findIndex((row) => {
    const box = row.getBoundingClientRect();
    return e.clientY < box.top + box.height / 2;
  });
  return at < 0 ? rows.length : at;
}

export function useParsonsDrag({
  lines,
  indented,
  arrangement,
  add,
}: {
  lines: readonly string[];
  indented: boolean;
  arrangement: Arrangement;
  add: (id: number, at?: number, level?: number) => void;
}) {
  const [dropAt, setDropAt] = useState<number | null>(null);

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

  return { dropAt, setDropAt, dropIndex, onProgramDrop };
}
