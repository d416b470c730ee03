/** Offline templates for Python tuples and sets, and list and dictionary comprehensions. */
import type { ExerciseTemplate } from './types.ts';
import { tuple } from './build.ts';
import { casesFor, functionExercise } from './exercise.ts';
import { FRUITS } from './python-lists-dicts.ts';

export const pythonSetsComprehensions: Omit<ExerciseTemplate, 'difficulty'>[] = [
  {
    id: 'py-tuples-sets-compare',
    concept: 'tuples-sets',
    make(rng) {
      const theme = rng.pick([
        {
          fn: 'common_items',
          body: '    return sorted(set(a) & set(b))',
          f: (a: number[], b: number[]) => [...new Set(a.filter((x) => b.includes(x)))].sort((x, y) => x - y),
          en: 'the numbers that appear in both lists',
          zh: '两个列表中都出现的数',
        },
        {
          fn: 'only_in_first',
          body: '    return sorted(set(a) - set(b))',
          f: (a: number[], b: number[]) =>
            [...new Set(a.filter((x) => !b.includes(x)))].sort((x, y) => x - y),
          en: 'the numbers that appear in `a` but not in `b`',
          zh: '出现在 `a` 中但不在 `b` 中的数',
        },
        {
          fn: 'in_either_not_both',
          body: '    return sorted(set(a) ^ set(b))',
          f: (a: number[], b: number[]) =>
            [...new Set([...a, ...b].filter((x) => a.includes(x) !== b.includes(x)))].sort((x, y) => x - y),
          en: 'the numbers that appear in exactly one of the two lists',
          zh: '只在其中一个列表中出现的数',
        },
      ]);
      const cases = Array.from({ length: 4 }, () => {
        const a = rng.ints(rng.int(3, 7), 1, 12);
        const b = rng.ints(rng.int(3, 7), 1, 12);
        return { args: [a, b], expected: theme.f(a, b) };
      });
      return functionExercise('python', {
        fn: theme.fn,
        params: 'a, b',
        module: 'sets_practice',
        difficulty: 4,
        title: [`Compare with sets: ${theme.fn}`, `用集合比较：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(a, b)\` that returns, as a sorted list without repeats, ${theme.en}.`,
          `写一个函数 \`${theme.fn}(a, b)\`，返回${theme.zh}，结果是一个排好序、没有重复的列表。`,
        ],
        solutionBody: theme.body,
        cases,
        hints: [
          [
            'Repeats do not matter here; which Python type forgets repeats?',
            '这里重复不重要；哪种 Python 类型会自动去掉重复？',
          ],
          [
            'Sets support `&` (both), `-` (only the first) and `^` (exactly one).',
            '集合支持 `&`（两者都有）、`-`（只在第一个）和 `^`（只在其中一个）。',
          ],
          [
            'Turn both lists into sets, combine them, then `sorted(...)` gives a list back.',
            '把两个列表都变成集合，组合起来，再用 `sorted(...)` 得到列表。',
          ],
          ['return sorted(set(a) <operator> set(b))', 'return sorted(set(a) <运算符> set(b))'],
        ],
      });
    },
  },
  {
    id: 'py-tuples-sets-summary',
    concept: 'tuples-sets',
    make(rng) {
      const theme = rng.pick([
        {
          fn: 'min_max',
          body: '    return (min(numbers), max(numbers))',
          f: (a: number[]) => tuple(Math.min(...a), Math.max(...a)),
          en: 'a tuple `(smallest, largest)`',
          zh: '元组 `(最小值, 最大值)`',
        },
        {
          fn: 'span',
          body: '    return (min(numbers), max(numbers), max(numbers) - min(numbers))',
          f: (a: number[]) => tuple(Math.min(...a), Math.max(...a), Math.max(...a) - Math.min(...a)),
          en: 'a tuple `(smallest, largest, largest - smallest)`',
          zh: '元组 `(最小值, 最大值, 最大值 - 最小值)`',
        },
        {
          fn: 'ends',
          body: '    return (numbers[0], numbers[-1], len(numbers))',
          f: (a: number[]) => tuple(a[0], a[a.length - 1], a.length),
          en: 'a tuple `(first, last, length)`',
          zh: '元组 `(第一个, 最后一个, 长度)`',
        },
      ]);
      const lists = Array.from({ length: 4 }, () => rng.ints(rng.int(1, 7), -20, 50));
      const cases = casesFor(lists, theme.f);
      return functionExercise('python', {
        fn: theme.fn,
        params: 'numbers',
        module: 'summary',
        difficulty: 3,
        title: [`Return several values: ${theme.fn}`, `返回多个值：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(numbers)\` that takes a non-empty list and returns ${theme.en}.`,
          `写一个函数 \`${theme.fn}(numbers)\`，接收一个非空列表，返回${theme.zh}。`,
        ],
        solutionBody: theme.body,
        cases,
        hints: [
          [
            'A function can give back several values at once; in what kind of value?',
            '一个函数可以一次返回多个值；用什么类型的值？',
          ],
          ['A tuple is written with parentheses and commas: `(x, y)`.', '元组用括号和逗号写成：`(x, y)`。'],
          [
            'Work out each part separately, then return them together in the right order.',
            '分别算出每一部分，再按正确的顺序一起返回。',
          ],
          ['return (<part 1>, <part 2>, ...)', 'return (<第一部分>, <第二部分>, ...)'],
        ],
      });
    },
  },
  {
    id: 'py-comprehensions-list',
    concept: 'comprehensions',
    make(rng) {
      const theme = rng.pick([
        {
          fn: 'squares_of_evens',
          expr: 'n * n for n in numbers if n % 2 == 0',
          f: (a: number[]) => a.filter((n) => n % 2 === 0).map((n) => n * n),
          en: 'the squares of the even numbers',
          zh: '偶数的平方',
        },
        {
          fn: 'cubes_of_odds',
          expr: 'n ** 3 for n in numbers if n % 2 != 0',
          f: (a: number[]) => a.filter((n) => n % 2 !== 0).map((n) => n ** 3),
          en: 'the cubes of the odd numbers',
          zh: '奇数的立方',
        },
        {
          fn: 'doubled_positives',
          expr: 'n * 2 for n in numbers if n > 0',
          f: (a: number[]) => a.filter((n) => n > 0).map((n) => n * 2),
          en: 'twice each positive number',
          zh: '每个正数的两倍',
        },
      ]);
      const lists = Array.from({ length: 4 }, (_, i) => (i === 3 ? [] : rng.ints(rng.int(3, 8), -9, 12)));
      const cases = casesFor(lists, theme.f);
      return functionExercise('python', {
        fn: theme.fn,
        params: 'numbers',
        module: 'comprehension',
        difficulty: 4,
        title: [`One-line lists: ${theme.fn}`, `一行生成列表：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(numbers)\` that returns a list of ${theme.en}, in order. Try a list comprehension.`,
          `写一个函数 \`${theme.fn}(numbers)\`，按顺序返回由${theme.zh}组成的列表。试试列表推导式。`,
        ],
        solutionBody: `    return [${theme.expr}]`,
        cases,
        hints: [
          [
            'Two steps: choose some numbers, then change each chosen one.',
            '两步：先挑出一些数，再把每个挑出的数变换一下。',
          ],
          [
            'A list comprehension does both: `[expr for x in items if condition]`.',
            '列表推导式两步都能做：`[表达式 for x in items if 条件]`。',
          ],
          ['Put the change on the left and the test after `if`.', '变换写在左边，判断写在 `if` 后面。'],
          [
            'return [<change n> for n in numbers if <keep n>]',
            'return [<变换 n> for n in numbers if <保留 n>]',
          ],
        ],
      });
    },
  },
  {
    id: 'py-comprehensions-dict',
    concept: 'comprehensions',
    make(rng) {
      const k = rng.int(3, 5);
      const theme = rng.pick([
        {
          fn: 'long_word_lengths',
          expr: `{w: len(w) for w in words if len(w) > ${k}}`,
          f: (ws: string[]) => Object.fromEntries(ws.filter((w) => w.length > k).map((w) => [w, w.length])),
          en: `maps each word longer than ${k} letters to its length`,
          zh: `把每个长度超过 ${k} 个字母的单词映射到它的长度`,
        },
        {
          fn: 'shouted',
          expr: `{w: w.upper() for w in words if len(w) <= ${k}}`,
          f: (ws: string[]) =>
            Object.fromEntries(ws.filter((w) => w.length <= k).map((w) => [w, w.toUpperCase()])),
          en: `maps each word of at most ${k} letters to the word in capitals`,
          zh: `把每个不超过 ${k} 个字母的单词映射到它的大写形式`,
        },
      ]);
      const wordLists = Array.from({ length: 3 }, () => rng.sample(FRUITS, rng.int(2, 6)));
      const cases = casesFor(wordLists, theme.f);
      return functionExercise('python', {
        fn: theme.fn,
        params: 'words',
        module: 'dict_comprehension',
        difficulty: 5,
        title: [`Build a dictionary in one line: ${theme.fn}`, `一行生成字典：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(words)\` that returns a dictionary that ${theme.en}.`,
          `写一个函数 \`${theme.fn}(words)\`，返回一个字典，${theme.zh}。`,
        ],
        solutionBody: `    return ${theme.expr}`,
        cases,
        hints: [
          ['What is the key and what is the value for one word?', '对一个单词来说，键是什么？值是什么？'],
          [
            'A dict comprehension: `{key: value for x in items if condition}`.',
            '字典推导式：`{键: 值 for x in items if 条件}`。',
          ],
          [
            'Check the length condition: "longer than" is `>`, "at most" is `<=`.',
            '检查长度条件：“超过”是 `>`，“不超过”是 `<=`。',
          ],
          ['return {w: <value> for w in words if <condition>}', 'return {w: <值> for w in words if <条件>}'],
        ],
      });
    },
  },
];
