/** Offline templates for recursion, searching and sorting in Python. */
import type { ExerciseTemplate } from './types.ts';
import { distinctInts } from './build.ts';
import { casesFor, drawCases, functionExercise, writeFunction } from './exercise.ts';

export const pythonAlgorithms: Omit<ExerciseTemplate, 'difficulty'>[] = [
  {
    id: 'py-recursion-numbers',
    concept: 'recursion',
    make(rng) {
      const theme = rng.pick([
        {
          fn: 'sum_to',
          params: 'n',
          body: '    if n == 0:\n        return 0\n    return n + sum_to(n - 1)',
          args: () => [rng.int(0, 30)],
          f: (a: number[]) => ((a[0] ?? 0) * ((a[0] ?? 0) + 1)) / 2,
          en: 'returns 1 + 2 + ... + n (0 for n = 0)',
          zh: '返回 1 + 2 + ... + n（n 为 0 时返回 0）',
        },
        {
          fn: 'power',
          params: 'base, exponent',
          body: '    if exponent == 0:\n        return 1\n    return base * power(base, exponent - 1)',
          args: () => [rng.int(2, 5), rng.int(0, 6)],
          f: (a: number[]) => (a[0] ?? 0) ** (a[1] ?? 0),
          en: 'returns `base` to the power `exponent` without `**`',
          zh: '不用 `**`，返回 `base` 的 `exponent` 次方',
        },
        {
          fn: 'factorial',
          params: 'n',
          body: '    if n <= 1:\n        return 1\n    return n * factorial(n - 1)',
          args: () => [rng.int(0, 10)],
          f: (a: number[]) => {
            let r = 1;
            for (let i = 2; i <= (a[0] ?? 0); i++) r *= i;
            return r;
          },
          en: 'returns n! = 1 × 2 × ... × n (1 for n = 0)',
          zh: '返回 n! = 1 × 2 × ... × n（n 为 0 时返回 1）',
        },
      ]);
      const cases = drawCases(4, theme.args, theme.f);
      return functionExercise('python', {
        fn: theme.fn,
        params: theme.params,
        module: 'recursive',
        difficulty: 5,
        title: [`Recursion: ${theme.fn}`, `递归：${theme.fn}`],
        task: [
          `Write a **recursive** function \`${theme.fn}(${theme.params})\` that ${theme.en}.`,
          `写一个**递归**函数 \`${theme.fn}(${theme.params})\`，${theme.zh}。`,
        ],
        solutionBody: theme.body,
        cases,
        hints: [
          [
            'What is the smallest case, where you know the answer right away?',
            '最小的情况是什么？那时你马上就知道答案。',
          ],
          [
            'A recursive function calls itself on a smaller problem and stops at a base case.',
            '递归函数在更小的问题上调用自己，并在基本情况时停下。',
          ],
          [
            'Write the base case first, then express the answer using one smaller call.',
            '先写基本情况，再用一次更小的调用表示答案。',
          ],
          [
            `if <base case>:\n    return <answer>\nreturn <combine> ${theme.fn}(<smaller>)`,
            `if <基本情况>:\n    return <答案>\nreturn <组合> ${theme.fn}(<更小的输入>)`,
          ],
        ],
      });
    },
  },
  {
    id: 'py-recursion-nested',
    concept: 'recursion',
    make(rng) {
      type Nested = number | Nested[];
      const nested = (depth: number): Nested[] =>
        Array.from({ length: rng.int(1, 3) }, () =>
          depth > 0 && rng.next() < 0.4 ? nested(depth - 1) : rng.int(1, 9),
        );
      const flat = (xs: Nested[]): number[] => xs.flatMap((x) => (Array.isArray(x) ? flat(x) : [x]));
      const theme = rng.pick([
        {
          fn: 'flatten',
          body: '    result = []\n    for item in items:\n        if isinstance(item, list):\n            result.extend(flatten(item))\n        else:\n            result.append(item)\n    return result',
          f: (xs: Nested[]) => flat(xs) as unknown,
          en: 'returns all the numbers in a nested list as one flat list, in order',
          zh: '把嵌套列表中的所有数按顺序放进一个平的列表并返回',
        },
        {
          fn: 'nested_sum',
          body: '    total = 0\n    for item in items:\n        if isinstance(item, list):\n            total += nested_sum(item)\n        else:\n            total += item\n    return total',
          f: (xs: Nested[]) => flat(xs).reduce((a, b) => a + b, 0) as unknown,
          en: 'returns the sum of all the numbers in a nested list, however deep',
          zh: '返回嵌套列表（无论多深）中所有数的和',
        },
        {
          fn: 'count_numbers',
          body: '    count = 0\n    for item in items:\n        if isinstance(item, list):\n            count += count_numbers(item)\n        else:\n            count += 1\n    return count',
          f: (xs: Nested[]) => flat(xs).length as unknown,
          en: 'returns how many numbers a nested list holds, however deep',
          zh: '返回嵌套列表（无论多深）里一共有多少个数',
        },
      ]);
      const lists = Array.from({ length: 4 }, (_, i) => (i === 0 ? [1, [2, [3, 4]], 5] : nested(3)));
      const cases = casesFor(lists, theme.f);
      return functionExercise('python', {
        fn: theme.fn,
        params: 'items',
        module: 'nested',
        difficulty: 6,
        title: [`Lists inside lists: ${theme.fn}`, `列表套列表：${theme.fn}`],
        task: writeFunction(`${theme.fn}(items)`, theme.en, theme.zh),
        solutionBody: theme.body,
        cases,
        hints: [
          [
            'An item is either a number or another list. What should happen in each case?',
            '每个元素要么是数，要么是另一个列表。两种情况分别怎么处理？',
          ],
          [
            '`isinstance(item, list)` tells them apart; for a list, call your own function on it.',
            '`isinstance(item, list)` 可以区分它们；遇到列表就对它调用你自己的函数。',
          ],
          [
            'Combine what the inner call returns with your running result.',
            '把内层调用的返回值合并进你的累计结果。',
          ],
          [
            'Start a running result, then go through each item:\n    if <item is a list>:\n        <use the function on item>\n    else:\n        <use item>\nFinally return the result.',
            '先准备一个累计结果，然后逐个查看每个元素：\n    如果 <item 是列表>：\n        <对 item 调用函数>\n    否则：\n        <使用 item>\n最后返回结果。',
          ],
        ],
      });
    },
  },
  {
    id: 'py-searching-find',
    concept: 'searching-sorting',
    make(rng) {
      const theme = rng.pick([
        {
          fn: 'find_first',
          body: '    for i in range(len(items)):\n        if items[i] == target:\n            return i\n    return -1',
          f: (a: number[], t: number) => a.indexOf(t),
          en: 'the index of the first item equal to `target`, or -1 when there is none',
          zh: '第一个等于 `target` 的元素的下标，没有则返回 -1',
        },
        {
          fn: 'find_last',
          body: '    for i in range(len(items) - 1, -1, -1):\n        if items[i] == target:\n            return i\n    return -1',
          f: (a: number[], t: number) => a.lastIndexOf(t),
          en: 'the index of the last item equal to `target`, or -1 when there is none',
          zh: '最后一个等于 `target` 的元素的下标，没有则返回 -1',
        },
        {
          fn: 'first_above',
          body: '    for i in range(len(items)):\n        if items[i] > target:\n            return i\n    return -1',
          f: (a: number[], t: number) => a.findIndex((x) => x > t),
          en: 'the index of the first item greater than `target`, or -1 when there is none',
          zh: '第一个大于 `target` 的元素的下标，没有则返回 -1',
        },
      ]);
      const cases = Array.from({ length: 5 }, (_, i) => {
        const a = rng.ints(rng.int(4, 8), 1, 9);
        const t = i === 4 ? 10 : rng.pick(a);
        return { args: [a, t], expected: theme.f(a, t) };
      });
      return functionExercise('python', {
        fn: theme.fn,
        params: 'items, target',
        module: 'search',
        difficulty: 4,
        title: [`Linear search: ${theme.fn}`, `线性查找：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(items, target)\` that returns ${theme.en}. Do it with a loop, without \`index\`.`,
          `写一个函数 \`${theme.fn}(items, target)\`，返回${theme.zh}。用循环实现，不要用 \`index\`。`,
        ],
        solutionBody: theme.body,
        cases,
        hints: [
          ['Look at the items one at a time. When can you stop?', '一次看一个元素。什么时候可以停下来？'],
          [
            'Loop over the indexes, which `range(len(items))` gives you; `items[i]` is the item at index `i`.',
            '对下标做循环，`range(len(items))` 会给出所有下标；`items[i]` 是下标 `i` 处的元素。',
          ],
          [
            'Return inside the loop when you find it, and -1 after the loop.',
            '找到时在循环里返回，循环结束后返回 -1。',
          ],
          [
            'for i in <indexes in the right order>:\n    if <items[i] matches>:\n        return i\nreturn -1',
            'for i in <按正确顺序的下标>:\n    if <items[i] 符合>:\n        return i\nreturn -1',
          ],
        ],
      });
    },
  },
  {
    id: 'py-sorting-key',
    concept: 'searching-sorting',
    make(rng) {
      const target = rng.int(10, 40);
      const theme = rng.pick([
        {
          fn: 'by_length',
          params: 'words',
          body: '    return sorted(words, key=lambda w: (len(w), w))',
          data: () =>
            rng.sample(['fig', 'kiwi', 'plum', 'apple', 'pear', 'banana', 'lime', 'date', 'cherry'], 5),
          f: (a: unknown[]) =>
            [...(a as string[])].sort((x, y) => x.length - y.length || (x < y ? -1 : x > y ? 1 : 0)),
          en: 'returns the words sorted by length, shortest first; words of the same length in alphabetical order',
          zh: '返回按长度排序的单词，短的在前；长度相同的按字母顺序',
        },
        {
          fn: 'closest_first',
          params: 'numbers',
          body: `    return sorted(numbers, key=lambda n: (abs(n - ${target}), n))`,
          data: () => distinctInts(rng, 6, 0, 60),
          f: (a: unknown[]) =>
            [...(a as number[])].sort((x, y) => Math.abs(x - target) - Math.abs(y - target) || x - y),
          en: `returns the numbers sorted by their distance to ${target}, closest first; on a tie the smaller number first`,
          zh: `返回按与 ${target} 的距离排序的数，最近的在前；距离相同时较小的数在前`,
        },
        {
          fn: 'descending',
          params: 'numbers',
          body: '    return sorted(numbers, reverse=True)',
          data: () => rng.ints(6, -20, 60),
          f: (a: unknown[]) => [...(a as number[])].sort((x, y) => y - x),
          en: 'returns a new list with the numbers from largest to smallest',
          zh: '返回一个新列表，数从大到小排列',
        },
      ]);
      const lists = Array.from({ length: 3 }, () => theme.data());
      const cases = casesFor(lists, theme.f);
      return functionExercise('python', {
        fn: theme.fn,
        params: theme.params,
        module: 'ordering',
        difficulty: 5,
        title: [`Sort by a rule: ${theme.fn}`, `按规则排序：${theme.fn}`],
        task: writeFunction(`${theme.fn}(${theme.params})`, theme.en, theme.zh),
        solutionBody: theme.body,
        cases,
        hints: [
          ['What decides which of two items comes first?', '两个元素谁在前，由什么决定？'],
          [
            '`sorted(items, key=..., reverse=...)` sorts by whatever the key function returns.',
            '`sorted(items, key=..., reverse=...)` 按 key 函数的返回值排序。',
          ],
          [
            'A key can return a tuple: it sorts by the first part, then breaks ties with the second.',
            'key 可以返回一个元组：先按第一部分排，再用第二部分决定平局。',
          ],
          [
            'return sorted(items, key=lambda x: (<main rule>, <tie-break>))',
            'return sorted(items, key=lambda x: (<主要规则>, <平局规则>))',
          ],
        ],
      });
    },
  },
];
