/** Offline templates for JavaScript functions and arrays. */
import type { ExerciseTemplate } from './types.ts';
import { casesFor, functionExercise, writeFunction, writtenExercise } from './exercise.ts';

export const javascriptFunctions: Omit<ExerciseTemplate, 'difficulty'>[] = [
  {
    id: 'js-functions-higher-order',
    concept: 'functions',
    make(rng) {
      const times = rng.int(2, 5);
      const theme = rng.pick([
        {
          fn: 'applyTimes',
          params: 'fn, times, value',
          body: '  let result = value;\n  for (let i = 0; i < times; i++) result = fn(result);\n  return result;',
          en: 'calls `fn` on `value` `times` times in a row, feeding each result into the next call',
          zh: '连续 `times` 次对 `value` 调用 `fn`，每次的结果作为下一次的输入',
        },
        {
          fn: 'applyAll',
          params: 'fns, value',
          body: '  let result = value;\n  for (const fn of fns) result = fn(result);\n  return result;',
          en: 'passes `value` through every function in the array `fns`, in order, and returns the final result',
          zh: '让 `value` 依次经过数组 `fns` 中的每个函数，返回最后的结果',
        },
      ]);
      const start = rng.int(1, 9);
      const add = rng.int(1, 9);
      const tests =
        theme.fn === 'applyTimes'
          ? `import { applyTimes } from './pipeline';\n\ndescribe('applyTimes', () => {\n  test('doubles ${times} times', () => {\n    expect(applyTimes((x) => x * 2, ${times}, ${start})).toBe(${start * 2 ** times});\n  });\n  test('zero times gives the value back', () => {\n    expect(applyTimes((x) => x + 1, 0, ${start})).toBe(${start});\n  });\n  test('adds ${add} three times', () => {\n    expect(applyTimes((x) => x + ${add}, 3, 0)).toBe(${add * 3});\n  });\n});\n`
          : `import { applyAll } from './pipeline';\n\ndescribe('applyAll', () => {\n  test('runs in order', () => {\n    expect(applyAll([(x) => x + ${add}, (x) => x * ${times}], ${start})).toBe(${(start + add) * times});\n  });\n  test('no functions gives the value back', () => {\n    expect(applyAll([], ${start})).toBe(${start});\n  });\n  test('works on strings', () => {\n    expect(applyAll([(s) => s.trim(), (s) => s.toUpperCase()], '  hi ')).toBe('HI');\n  });\n});\n`;
      const example =
        theme.fn === 'applyTimes'
          ? `console.log(applyTimes((x) => x * 2, 3, 1)); // 8`
          : `console.log(applyAll([(x) => x + 1, (x) => x * 10], 2)); // 30`;
      return writtenExercise('javascript', {
        module: 'pipeline',
        difficulty: 5,
        title: [`Functions as values: ${theme.fn}`, `把函数当作值：${theme.fn}`],
        task: writeFunction(`${theme.fn}(${theme.params})`, theme.en, theme.zh),
        example,
        starter: `export function ${theme.fn}(${theme.params}) {\n  // Write your code here\n}\n`,
        solution: `export function ${theme.fn}(${theme.params}) {\n${theme.body}\n}\n`,
        tests,
        hints: [
          [
            'A function can be passed around like any value and called later. What do you call, and how often?',
            '函数可以像普通值一样传来传去，之后再调用。你要调用什么？调用几次？',
          ],
          [
            'Keep the current result in a variable and replace it with `fn(result)` each time.',
            '用一个变量保存当前结果，每次用 `fn(result)` 替换它。',
          ],
          [
            'Think about the case where there is nothing to apply: the value comes back unchanged.',
            '想想没有任何函数可用的情况：值原样返回。',
          ],
          [
            '<result starts as value>\n<loop> result = fn(result);\nreturn result;',
            '<result 一开始等于 value>\n<循环> result = fn(result);\nreturn result;',
          ],
        ],
      });
    },
  },
  {
    id: 'js-functions-arrow',
    concept: 'functions',
    make(rng) {
      const theme = rng.pick([
        {
          fn: 'average',
          params: 'numbers',
          body: '  if (numbers.length === 0) return 0;\n  return numbers.reduce((sum, n) => sum + n, 0) / numbers.length;',
          f: (a: number[]) => (a.length ? a.reduce((s, n) => s + n, 0) / a.length : 0),
          en: 'returns the average of the numbers, or 0 for an empty array',
          zh: '返回这些数的平均值，空数组返回 0',
        },
        {
          fn: 'largest',
          params: 'numbers',
          body: '  let best = -Infinity;\n  for (const n of numbers) if (n > best) best = n;\n  return numbers.length === 0 ? null : best;',
          f: (a: number[]) => (a.length ? Math.max(...a) : null),
          en: 'returns the largest number, or `null` for an empty array (without `Math.max`)',
          zh: '返回最大的数，空数组返回 `null`（不要用 `Math.max`）',
        },
      ]);
      const lists = Array.from({ length: 4 }, (_, i) =>
        i === 3 ? [] : rng.ints(4, -10, 30).map((n) => n * 2),
      );
      const cases = casesFor(lists, theme.f);
      return functionExercise('javascript', {
        fn: theme.fn,
        params: theme.params,
        module: 'stats',
        difficulty: 3,
        title: [`A useful function: ${theme.fn}`, `一个有用的函数：${theme.fn}`],
        task: writeFunction(`${theme.fn}(${theme.params})`, theme.en, theme.zh),
        solutionBody: theme.body,
        cases,
        hints: [
          ['Handle the empty array first: what should come back?', '先处理空数组：应该返回什么？'],
          [
            'Walk through the array with `for (const n of numbers)` or `reduce`.',
            '用 `for (const n of numbers)` 或 `reduce` 遍历数组。',
          ],
          ['Keep a running value and `return` it at the end.', '保留一个累计值，最后 `return` 它。'],
          [
            'if (numbers.length === 0) return <empty answer>;\n<loop and combine>\nreturn <result>;',
            'if (numbers.length === 0) return <空数组的答案>;\n<循环并合并>\nreturn <结果>;',
          ],
        ],
      });
    },
  },
  {
    id: 'js-arrays-transform',
    concept: 'arrays',
    make(rng) {
      const k = rng.int(2, 5);
      const theme = rng.pick([
        {
          fn: 'doubleEvens',
          body: '  return numbers.filter((n) => n % 2 === 0).map((n) => n * 2);',
          f: (a: number[]) => a.filter((n) => n % 2 === 0).map((n) => n * 2),
          en: 'returns the even numbers, each doubled',
          zh: '返回所有偶数，每个都乘以 2',
        },
        {
          fn: 'scaleAbove',
          body: `  return numbers.filter((n) => n > ${k}).map((n) => n * ${k});`,
          f: (a: number[]) => a.filter((n) => n > k).map((n) => n * k),
          en: `returns the numbers greater than ${k}, each multiplied by ${k}`,
          zh: `返回所有大于 ${k} 的数，每个都乘以 ${k}`,
        },
        {
          fn: 'negativesAsPositive',
          body: '  return numbers.filter((n) => n < 0).map((n) => -n);',
          f: (a: number[]) => a.filter((n) => n < 0).map((n) => -n),
          en: 'returns the negative numbers turned positive',
          zh: '返回所有负数变成正数后的结果',
        },
      ]);
      const lists = Array.from({ length: 4 }, (_, i) => (i === 3 ? [] : rng.ints(rng.int(3, 8), -9, 12)));
      const cases = casesFor(lists, theme.f);
      return functionExercise('javascript', {
        fn: theme.fn,
        params: 'numbers',
        module: 'transform',
        difficulty: 3,
        title: [`filter and map: ${theme.fn}`, `filter 与 map：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(numbers)\` that ${theme.en}, in order, as a new array.`,
          `写一个函数 \`${theme.fn}(numbers)\`，${theme.zh}，按原顺序放在新数组里。`,
        ],
        solutionBody: theme.body,
        cases,
        hints: [
          [
            'Two steps: pick some items, then change each picked item.',
            '两步：先挑出一些元素，再变换每个挑出的元素。',
          ],
          [
            '`array.filter(fn)` keeps items where `fn` returns true; `array.map(fn)` changes every item.',
            '`array.filter(fn)` 保留 `fn` 返回 true 的元素；`array.map(fn)` 变换每个元素。',
          ],
          ['Chain them: filter first, then map.', '把它们串起来：先 filter，再 map。'],
          [
            'return numbers.filter((n) => <keep>).map((n) => <change>);',
            'return numbers.filter((n) => <保留>).map((n) => <变换>);',
          ],
        ],
      });
    },
  },
  {
    id: 'js-arrays-chunk',
    concept: 'arrays',
    make(rng) {
      const theme = rng.pick([
        {
          fn: 'chunk',
          params: 'items, size',
          body: '  const out = [];\n  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));\n  return out;',
          f: (a: number[], k: number) => {
            const o: number[][] = [];
            for (let i = 0; i < a.length; i += k) o.push(a.slice(i, i + k));
            return o as unknown;
          },
          en: 'splits `items` into arrays of `size` items each (the last may be shorter)',
          zh: '把 `items` 分成每组 `size` 个元素的数组（最后一组可以少一些）',
        },
        {
          fn: 'pairwiseSums',
          params: 'items, size',
          body: '  const out = [];\n  for (let i = 0; i + size <= items.length; i++) {\n    out.push(items.slice(i, i + size).reduce((a, b) => a + b, 0));\n  }\n  return out;',
          f: (a: number[], k: number) => {
            const o: number[] = [];
            for (let i = 0; i + k <= a.length; i++) o.push(a.slice(i, i + k).reduce((x, y) => x + y, 0));
            return o as unknown;
          },
          en: 'returns the sum of every window of `size` neighbouring items, from left to right',
          zh: '从左到右，返回每个由 `size` 个相邻元素组成的窗口之和',
        },
      ]);
      const cases = Array.from({ length: 4 }, (_, i) => {
        const a = i === 3 ? [] : rng.ints(rng.int(3, 9), 0, 9);
        const k = rng.int(1, 4);
        return { args: [a, k], expected: theme.f(a, k) };
      });
      return functionExercise('javascript', {
        fn: theme.fn,
        params: theme.params,
        module: 'groups',
        difficulty: 5,
        title: [`Slices of an array: ${theme.fn}`, `数组切片：${theme.fn}`],
        task: writeFunction(`${theme.fn}(items, size)`, theme.en, theme.zh),
        solutionBody: theme.body,
        cases,
        hints: [
          ['Draw the array and mark where each group starts.', '画出数组，标出每一组从哪里开始。'],
          [
            '`items.slice(start, end)` copies part of an array; `end` is not included.',
            '`items.slice(start, end)` 复制数组的一部分；不包括 `end`。',
          ],
          [
            'Choose the loop step carefully: by `size`, or by 1?',
            '仔细选择循环的步长：每次加 `size`，还是加 1？',
          ],
          [
            '<out starts as an empty array>\nfor (let i = 0; <condition>; <step>) {\n  out.push(<from items.slice(i, i + size)>);\n}\nreturn out;',
            '<out 一开始是空数组>\nfor (let i = 0; <条件>; <步长>) {\n  out.push(<来自 items.slice(i, i + size)>);\n}\nreturn out;',
          ],
        ],
      });
    },
  },
];
