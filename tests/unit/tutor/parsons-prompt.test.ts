/**
 * The tutor's prompt for a Parsons step: it tells the model the learner places given lines, and
 * lists those lines without the solution's order, so the model cannot pass the order on.
 */
import { expect, test } from 'vitest';
import { userPrompt } from '../../../electron/core/tutor/prompt.ts';
import type { Exercise } from '../../../shared/content/schema.ts';

const PARSONS = {
  id: 'order-me',
  type: 'parsons',
  language: 'python',
  title: { en: 'Put in order', zh: '排列顺序' },
  body: { en: 'Put the lines in order.', zh: '把这些行排好顺序。' },
  concepts: ['loops'],
  difficulty: 2,
  starter: '',
  solution: 'total = 0\nfor n in range(4):\n    total = total + n\nprint(total)\n',
  distractors: ['total = n'],
  hints: [],
} as unknown as Exercise;

const prompt = (exercise: Exercise) =>
  userPrompt({ exercise, code: 'print(total)\n', hintsGiven: [], level: 1, locale: 'en' });

test('a Parsons step tells the model that the learner places given lines', () => {
  const text = prompt(PARSONS);
  expect(text).toContain('This is a Parsons problem');
  expect(text).toContain('never give the order of the lines');
  expect(text).toContain('and indent them');
});

test('the given lines, distractors included, go in sorted, never in the solution’s order', () => {
  const text = prompt(PARSONS);
  const listed = /<parsons_lines>\n([\s\S]*?)\n<\/parsons_lines>/.exec(text)![1]!.split('\n');
  expect(listed).toEqual([
    'for n in range(4):',
    'print(total)',
    'total = 0',
    'total = n',
    'total = total + n',
  ]);
});

test('an exercise gets no Parsons part', () => {
  const text = prompt({ ...PARSONS, type: 'exercise', distractors: undefined } as unknown as Exercise);
  expect(text).not.toContain('<parsons_lines>');
});
