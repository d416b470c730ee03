/**
 * The words sent to the model when it writes a practice problem. The system text is the stable
 * part (same for every request of a language); the request names the concept, level and language.
 */
import type { Exercise, Language, UiLocale } from '../../../shared/content/schema.ts';
import { GENERATED_PROBLEM_TOOL } from './problem.ts';

export interface ProblemBrief {
  track: string;
  language: Language;
  concept: string;
  /** Titles of the concept, to make the id meaningful to the model. */
  conceptTitle?: string;
  /** Concept ids the track knows; the problem may name only these. */
  trackConcepts?: readonly string[];
  difficulty: number;
  locale: UiLocale;
  /** "More like this": the exercise the learner wants another one like. */
  like?: Exercise;
  /** Titles the learner already has for this concept: do not repeat them. */
  avoidTitles?: readonly string[];
}

const TEST_STYLE: Record<Language, string> = {
  python: `Tests: a Python unittest file. It imports from the module: \`from <module> import <name>\`. Use assertEqual / assertTrue / assertRaises. No randomness, no time, no files, no network, no input().`,
  javascript: `Tests: Jest-style \`describe\` / \`test\` / \`expect\` (toBe, toEqual, toThrow, resolves/rejects). They import from the module: \`import { name } from './<module>';\`. The solution and starter use \`export\`. No randomness, no timers longer than 50 ms, no network.`,
  typescript: `Tests: Jest-style \`describe\` / \`test\` / \`expect\`, importing \`from './<module>'\`. The solution and starter use \`export\`. No randomness, no network.`,
};

export function systemPrompt(language: Language): string {
  return [
    `You write one small ${language} practice problem for a beginner programmer, and record it by calling the tool \`${GENERATED_PROBLEM_TOOL}\`. Lantern runs it before a learner sees it, so it must work exactly as written.`,
    'Rules:',
    '- The reference solution passes every test, every time. The starter code is valid code that fails at least one test (a stub that returns nothing is fine).',
    '- 3 to 6 small tests with concrete expected values; the whole test file runs in well under a second. Every test asserts. Together they must catch wrong solutions: an off-by-one, a `<` for `<=`, a wrong constant, a forgotten branch, returning nothing. Lantern runs them against such wrong versions and rejects tests that let 20 % of them pass. Test the boundaries, empty input and each branch.',
    "- Each test is named for what it checks, in the learner's language: `test_empty_list_gives_zero` / `'gives zero for an empty list'`; for Chinese, `def test_空列表返回零(self)` (Python allows Chinese identifiers) / `'空列表返回零'`. Never test_1 or 'case 2'.",
    '- Plain Markdown text only: no HTML tags, no scripts.',
    '- The solution uses the construct the concept is about (a loops problem loops, a recursion problem recurses) and is as hard as the difficulty asked.',
    `- ${TEST_STYLE[language]}`,
    '- Four hints, from a gentle question, to the concept to use, to where the answer goes, to pseudo-code. No hint contains the solution code.',
    '- Title, statement, hints and the comments in the starter and solution in the language asked for. Code and identifiers in English (test names as above).',
    '- The statement says what to write (function or class name and parameters) and shows one example call with its result.',
  ].join('\n');
}

export function briefText(brief: ProblemBrief): string {
  const lang = brief.locale === 'zh' ? 'Simplified Chinese (简体中文)' : 'English';
  const lines = [
    `Track: ${brief.track} (${brief.language}).`,
    `Concept: ${brief.concept}${brief.conceptTitle ? ` (${brief.conceptTitle})` : ''}. Put "${brief.concept}" first in concepts${brief.trackConcepts ? `; other concepts only from: ${brief.trackConcepts.join(', ')}` : ''}.`,
    `Difficulty: ${brief.difficulty} on a scale of 1 (first week) to 10 (ready for real projects).`,
    `Write the title, statement, hints and code comments in ${lang}.`,
  ];
  if (brief.like) {
    lines.push(
      `The learner asked for more like this one; write a different problem that practises the same idea:\n<exercise>\n${brief.like.title.en}\n${brief.like.body.en}\n</exercise>`,
    );
  }
  if (brief.avoidTitles?.length)
    lines.push(`Do not repeat these problems: ${brief.avoidTitles.slice(0, 12).join('; ')}.`);
  return lines.join('\n');
}

export function repairText(report: string): string {
  return `Lantern ran the problem and it was rejected:\n${report}\nFix every point and call \`${GENERATED_PROBLEM_TOOL}\` again with the complete corrected problem.`;
}
