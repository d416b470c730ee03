/**
 * Hints without a model: the exercise's authored ladder, and hints computed from the last run
 * (which test failed, expected versus actual, what the error means). Used when there is no key,
 * no network, no budget left, the API failed, or a model hint gave the answer away.
 */
import type { Exercise, UiLocale } from '../../../shared/content/schema.ts';
import type { LearnerError, RunResult } from '../../../shared/runner/protocol.ts';
import type { HintLevel } from './prompt.ts';

/** `explainError` from shared/runner/explain.ts (runner helper), injected so either can land first. */
export type ExplainError = (error: LearnerError, locale: UiLocale) => string | undefined;

export function authoredHint(exercise: Exercise, level: HintLevel, locale: UiLocale): string | undefined {
  const hints = exercise.hints;
  if (hints.length === 0) return undefined;
  const hint = hints[Math.min(level, hints.length) - 1];
  return hint ? hint[locale] || hint.en : undefined;
}

const T = {
  en: {
    passing: 'All the tests pass. Nice work! Try another case of your own to be sure.',
    failed: (name: string) => `The test "${name}" fails.`,
    expected: (e: string, a: string) => `It expected ${e} but your code gave ${a}.`,
    message: (m: string) => `It says: ${m}`,
    error: (type: string, line: number | undefined) =>
      `Your code stopped with ${article(type)} ${type}${line ? ` on line ${line}` : ''}.`,
    timeout: 'Your code ran too long and was stopped. Look for a loop that never ends.',
    more: (n: number) => `${n} more test${n === 1 ? '' : 's'} also fail${n === 1 ? 's' : ''}.`,
  },
  zh: {
    passing: '所有测试都通过了，做得好！再自己试一个例子确认一下。',
    failed: (name: string) => `测试“${name}”没有通过。`,
    expected: (e: string, a: string) => `期望得到 ${e}，但你的代码得到的是 ${a}。`,
    message: (m: string) => `提示信息：${m}`,
    error: (type: string, line: number | undefined) =>
      `你的代码${line ? `在第 ${line} 行` : ''}出现了 ${type} 错误，运行停止了。`,
    timeout: '你的代码运行时间太长，被停止了。检查一下是否有永远不会结束的循环。',
    more: (n: number) => `还有 ${n} 个测试也没有通过。`,
  },
} as const;

/** "a TypeError", "an ImportError", "an HTTPError", "a UnicodeError": by the sound the word starts with. */
export function article(word: string): 'a' | 'an' {
  if (/^(?:one|eu|uni|use|usa|usu|ure)/i.test(word)) return 'a';
  if (/^[aeiou]/i.test(word) || /^[FHLMNRSX](?:[A-Z]|$)/.test(word) || /^(?:hour|honest)/i.test(word))
    return 'an';
  return 'a';
}

const OFFLINE = {
  en: {
    askOffline:
      "The AI tutor isn't available right now, so I can't answer questions. Here is what I can tell you offline, from the exercise and your last run:",
    askRefused:
      "The tutor's answer to your question gave too much away, so it is not shown. Here is what the exercise and your last run can tell you:",
    askRefusedNothing:
      "The tutor's answer to your question gave too much away, so it is not shown. Run your code with Check and compare what the tests expect with what your code gives.",
    askNothing:
      "The AI tutor isn't available right now, so I can't answer questions. Offline I can still give the exercise's own hints (press “Get a hint”) and explain what the tests say once you have run your code with Check.",
    noMoreHints:
      'There are no more hints for this exercise. Read the earlier ones again, run your code with Check, and compare what the tests expect with what your code gives.',
    noSafeHint:
      'There is no offline hint for this step. Run your code with Check and compare what the tests expect with what your code gives.',
  },
  zh: {
    askOffline:
      'AI 导师现在不可用，所以无法回答问题。下面是离线也能告诉你的内容，来自练习本身和你上一次的运行：',
    askRefused:
      '导师对你的问题的回答透露得太多了，所以没有显示。下面是练习本身和你上一次的运行能告诉你的内容：',
    askRefusedNothing:
      '导师对你的问题的回答透露得太多了，所以没有显示。用“检查”运行代码，比较测试期望的结果和你的代码得到的结果。',
    askNothing:
      'AI 导师现在不可用，所以无法回答问题。离线时仍然可以查看练习自带的提示（点击“获取提示”），并在你用“检查”运行代码之后解释测试结果。',
    noMoreHints:
      '这道练习没有更多提示了。重新读一读前面的提示，用“检查”运行代码，比较测试期望的结果和你的代码得到的结果。',
    noSafeHint: '这一步没有离线提示。用“检查”运行代码，比较测试期望的结果和你的代码得到的结果。',
  },
} as const;

/** What the offline tutor says about itself, in the learner's language. */
export function offlineText(locale: UiLocale) {
  return OFFLINE[locale];
}

/** Common beginner errors, for when the runner's explainError is not available. */
const BUILTIN_EXPLANATIONS: Record<string, Record<UiLocale, string>> = {
  NameError: {
    en: 'A NameError means Python met a name it does not know: check the spelling, and that the variable is set before this line.',
    zh: 'NameError 表示 Python 遇到了一个它不认识的名字：检查拼写，并确认变量在这一行之前已经赋值。',
  },
  SyntaxError: {
    en: 'A SyntaxError means the code is not written in a form the language accepts: look for a missing colon, bracket or quote near that line.',
    zh: 'SyntaxError 表示代码的写法不符合语言规则：检查那一行附近是否少了冒号、括号或引号。',
  },
  IndentationError: {
    en: 'An IndentationError means the spaces at the start of a line do not line up with the block it belongs to.',
    zh: 'IndentationError 表示某一行开头的空格与它所属的代码块没有对齐。',
  },
  TypeError: {
    en: 'A TypeError means a value of the wrong type was used, such as adding a number to a string or calling something that is not a function.',
    zh: 'TypeError 表示使用了类型不对的值，例如把数字和字符串相加，或调用了不是函数的东西。',
  },
  ReferenceError: {
    en: 'A ReferenceError means JavaScript met a name that is not defined: check the spelling and where it is declared.',
    zh: 'ReferenceError 表示 JavaScript 遇到了未定义的名字：检查拼写以及它在哪里声明。',
  },
  IndexError: {
    en: 'An IndexError means a position past the end of a list was used. Remember positions start at 0.',
    zh: 'IndexError 表示使用了超出列表末尾的位置。记住位置从 0 开始。',
  },
  KeyError: {
    en: 'A KeyError means the dictionary has no such key. Check the key, or use .get() with a default.',
    zh: 'KeyError 表示字典里没有这个键。检查键名，或使用带默认值的 .get()。',
  },
  ZeroDivisionError: {
    en: 'A ZeroDivisionError means something was divided by zero. Check the value before dividing.',
    zh: 'ZeroDivisionError 表示除以了零。在除法之前检查一下这个值。',
  },
};

/** A value or message shown inside a sentence, shortened so the hint stays a few sentences long. */
function clip(text: string, max = 80): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1)}…`;
}

/** Short hints drawn from the last run itself; empty when there is nothing to say. */
export function computedHints(
  result: RunResult | undefined,
  locale: UiLocale,
  explainError?: ExplainError,
): string[] {
  if (!result) return [];
  const t = T[locale];
  if (result.status === 'pass') return result.tests.length > 0 ? [t.passing] : [];
  if (result.status === 'timeout') return [t.timeout];
  const out: string[] = [];
  if (result.error) {
    out.push(t.error(result.error.type, result.error.line));
    const explained =
      explainError?.(result.error, locale) ?? BUILTIN_EXPLANATIONS[result.error.type]?.[locale];
    out.push(explained ?? t.message(clip(result.error.message, 200)));
  }
  const failing = result.tests.filter((x) => x.status !== 'pass');
  const first = failing[0];
  if (first) {
    out.push(t.failed(first.name));
    if (first.expected !== undefined && first.actual !== undefined)
      out.push(t.expected(clip(first.expected), clip(first.actual)));
    else if (first.message && !result.error) out.push(t.message(clip(first.message, 200)));
    if (failing.length > 1) out.push(t.more(failing.length - 1));
  }
  return out;
}
