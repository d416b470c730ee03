/**
 * The words of an imported Exercism exercise: its prose from `.docs/`, and a hint ladder. Exercism
 * exercises have no graded hints of their own (at most a `.docs/hints.md` list), while Lantern
 * asks for three or more, from a nudge to the shape of the answer: the list's points are used, and
 * general first steps, written for Lantern in both languages, fill the ladder up.
 */
import type { LocalizedText } from '../../../shared/content/schema.ts';
import { leakedLine } from './verify.ts';

/** The nudges every exercise can take, in order. */
const FIRST_STEPS: LocalizedText[] = [
  {
    en: 'Read the instructions again, then run the tests: the first failing test shows where to start.',
    zh: '再读一遍说明，然后运行测试：第一个没通过的测试会告诉你从哪里开始。',
  },
  {
    en: 'Compare what the failing test expects with what your code gave back; the difference points at the case you have not handled yet.',
    zh: '把没通过的测试期望的结果和你的代码给出的结果对比一下，差别指向你还没处理的情况。',
  },
  {
    en: 'Make one test pass at a time: handle the simplest case first, then the next one the tests check.',
    zh: '一次只让一个测试通过：先处理最简单的情况，再处理测试检查的下一种情况。',
  },
];

const MAX_HINTS = 6;

/** The introduction (when there is one), the instructions and their appendix, without their titles. */
export function exerciseBody(instructions: string, append?: string, introduction?: string): string {
  return [introduction, instructions, append]
    .filter((part): part is string => part !== undefined && part.trim() !== '')
    .map(withoutTitle)
    .join('\n\n');
}

/** `# Instructions` and `# Instructions append` say nothing the lesson view does not already say. */
function withoutTitle(markdown: string): string {
  return markdown.replace(/^\uFEFF?\s*#\s+(Introduction|Instructions( append)?)\s*\n/i, '').trim();
}

/**
 * The hints: the points of `.docs/hints.md` that do not give a line of the solution away, after as
 * many first steps as it takes to have three.
 */
export function ladderOfHints(
  hintsMd: string | undefined,
  solution: string,
  starter: string,
): LocalizedText[] {
  const points = bulletPoints(hintsMd ?? '')
    .filter((point) => !leakedLine(point, solution, starter))
    .slice(0, MAX_HINTS)
    .map((point) => ({ en: point, zh: point }));
  const steps = FIRST_STEPS.slice(0, Math.max(0, FIRST_STEPS.length - points.length));
  return [...steps, ...points];
}

/** The items of a Markdown list, a wrapped item joined back into one line. */
function bulletPoints(markdown: string): string[] {
  const points: string[] = [];
  let inItem = false;
  for (const line of markdown.split('\n')) {
    const item = /^\s*[-*]\s+(.+)$/.exec(line);
    if (item) points.push(item[1]!.trim());
    else if (inItem && /^\s+\S/.test(line)) points[points.length - 1] += ` ${line.trim()}`;
    inItem = !!item || (inItem && /^\s+\S/.test(line));
  }
  return points;
}
