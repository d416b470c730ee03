/**
 * The state of a Parsons step as the learner arranges it: which given lines are in the program,
 * in what order and at what indentation, and which are still in the pool. Pure functions, so the
 * moves the mouse and the keyboard make are the same moves, tested without a page.
 */
import type { Language } from '../../../shared/content/schema.ts';
import { assembleProgram } from '../../../shared/content/parsons.ts';

/** A given line, by its place in the puzzle's shuffled list. */
export interface ProgramLine {
  id: number;
  indent: number;
}

export interface Arrangement {
  /** Line ids not in the program, in the puzzle's order. */
  pool: number[];
  program: ProgramLine[];
}

/** The deepest indentation a line may get (Python). */
export const MAX_INDENT = 4;

export function startArrangement(lineCount: number): Arrangement {
  return { pool: Array.from({ length: lineCount }, (_, i) => i), program: [] };
}

/** Puts a pool line into the program at `at` (default: the end). */
export function place(a: Arrangement, id: number, at = a.program.length, indent = 0): Arrangement {
  const program = a.program.filter((line) => line.id !== id);
  program.splice(Math.max(0, Math.min(at, program.length)), 0, { id, indent: clampIndent(indent) });
  return { pool: a.pool.filter((p) => p !== id), program };
}

/** Takes a program line back to the pool, where it returns to its own place. */
export function unplace(a: Arrangement, id: number): Arrangement {
  if (!a.program.some((line) => line.id === id)) return a;
  return {
    program: a.program.filter((line) => line.id !== id),
    pool: [...a.pool, id].sort((x, y) => x - y),
  };
}

/** Moves the program line at `from` to `to`. */
export function move(a: Arrangement, from: number, to: number): Arrangement {
  if (from < 0 || from >= a.program.length) return a;
  const program = [...a.program];
  const [line] = program.splice(from, 1);
  program.splice(Math.max(0, Math.min(to, program.length)), 0, line!);
  return { ...a, program };
}

export function indent(a: Arrangement, at: number, by: number): Arrangement {
  return {
    ...a,
    program: a.program.map((line, i) =>
      i === at ? { ...line, indent: clampIndent(line.indent + by) } : line,
    ),
  };
}

function clampIndent(n: number): number {
  return Math.max(0, Math.min(MAX_INDENT, n));
}

export function programOf(a: Arrangement, lines: readonly string[], language: Language): string {
  return assembleProgram(
    a.program.map((line) => ({ text: lines[line.id] ?? '', indent: line.indent })),
    language,
  );
}

/**
 * The arrangement a saved program stands for (the learner's draft), line by line; a line that is
 * not (or no longer) one of the given ones is dropped.
 */
export function arrangementFrom(code: string, lines: readonly string[]): Arrangement {
  let a = startArrangement(lines.length);
  for (const raw of code.replace(/\r\n/g, '\n').split('\n')) {
    const text = raw.trim();
    if (!text) continue;
    const id = a.pool.find((p) => lines[p] === text);
    if (id === undefined) continue;
    a = place(a, id, a.program.length, Math.floor(/^ */.exec(raw)![0].length / 4));
  }
  return a;
}
