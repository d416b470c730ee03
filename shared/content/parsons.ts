/**
 * Parsons problems: a program cut into its lines, shown shuffled, which the learner puts back in
 * order (and, in Python, indents), leaving out the distractors. The backend makes the puzzle it
 * sends the page (`parsonsPuzzle`: the lines without their order or indentation) and, on a
 * Check, makes sure the submitted program is made of those lines (`arrangementProblem`) before it
 * runs the tests. The page assembles the program with `assembleProgram`. No Node, no DOM.
 * Why: docs/decisions/0049-parsons-problems.md.
 */
import type { Exercise, Language } from './schema.ts';
import { solutionLines } from './schema.ts';

/** What the page gets: the lines to place, shuffled, and whether it sets their indentation. */
export interface ParsonsPuzzle {
  lines: string[];
  /** Python: the learner indents each line. JavaScript: indentation follows the braces. */
  indented: boolean;
}

/** A line as the learner placed it: its text and, in Python, its indentation level. */
export interface PlacedLine {
  text: string;
  indent: number;
}

type ParsonsSource = Pick<Exercise, 'id' | 'solution' | 'distractors'> & { language?: Language | undefined };

/** Every line the learner is given: the solution's, then the distractors, each without its indentation. */
export function givenLines(exercise: ParsonsSource): string[] {
  return [
    ...solutionLines(exercise.solution ?? '').map((line) => line.trim()),
    ...(exercise.distractors ?? []).map((line) => line.trim()),
  ];
}

/**
 * The lines in an order of their own for this learner (`seed`) and exercise: the same every time
 * the learner opens the step, different between learners, and never the solution's order.
 */
export function parsonsPuzzle(exercise: ParsonsSource, seed: string): ParsonsPuzzle {
  const lines = givenLines(exercise);
  const needed = solutionLines(exercise.solution ?? '').map((line) => line.trim());
  const random = mulberry32(fnv1a(`${seed}/${exercise.id}`));
  let shuffled = shuffle(lines, random);
  // A shuffle may leave the needed lines in their own order; try again, then turn them round.
  for (let i = 0; i < 8 && inSolutionOrder(shuffled, needed); i++) shuffled = shuffle(lines, random);
  if (inSolutionOrder(shuffled, needed)) shuffled = [...shuffled.slice(1), shuffled[0]!];
  return { lines: shuffled, indented: (exercise.language ?? 'python') === 'python' };
}

/** The program the placed lines make: Python indented by four spaces a level, JavaScript by its braces. */
export function assembleProgram(placed: readonly PlacedLine[], language: Language): string {
  const indents =
    language === 'python' ? placed.map((line) => line.indent) : braceIndents(placed.map((l) => l.text));
  return placed.map((line, i) => `${'    '.repeat(indents[i] ?? 0)}${line.text.trim()}`).join('\n') + '\n';
}

/** The indentation JavaScript lines get from the brackets opened before them (for display). */
export function braceIndents(lines: readonly string[]): number[] {
  let depth = 0;
  return lines.map((line) => {
    const code = line.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '""').replace(/\/\/.*$/, '');
    const opens = (code.match(/[{([]/g) ?? []).length;
    const closes = (code.match(/[})\]]/g) ?? []).length;
    const indent = Math.max(0, /^[})\]]/.test(code.trim()) ? depth - 1 : depth);
    depth = Math.max(0, depth + opens - closes);
    return indent;
  });
}

/**
 * Why a submitted program is not an arrangement of the given lines, or undefined when it is: each
 * line of it (blank lines aside) must be one of them, used at most as often as it is given. The
 * backend asks this before it runs a parsons Check, so code typed into the API is no answer.
 */
export function arrangementProblem(exercise: ParsonsSource, code: string): string | undefined {
  const line = unarrangedLine(exercise, code);
  return line === undefined ? undefined : `line ${line} is not one of the given lines`;
}

/** The first (1-based) line of `code` that is not one of the given lines left, if any. */
export function unarrangedLine(exercise: ParsonsSource, code: string): number | undefined {
  const left = new Map<string, number>();
  for (const line of givenLines(exercise)) left.set(line, (left.get(line) ?? 0) + 1);
  const lines = code.replace(/\r\n/g, '\n').split('\n');
  for (const [i, line] of lines.entries()) {
    const text = line.trim();
    if (!text) continue;
    const count = left.get(text) ?? 0;
    if (!count) return i + 1;
    left.set(text, count - 1);
  }
  return undefined;
}

function inSolutionOrder(shuffled: readonly string[], needed: readonly string[]): boolean {
  const wanted = new Set(needed);
  const order = shuffled.filter((line) => wanted.has(line));
  return order.length === needed.length && order.every((line, i) => line === needed[i]);
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** FNV-1a: a string to a 32-bit seed. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A small seeded generator: the same seed gives the same shuffle on every machine. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
