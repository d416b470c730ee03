/** Offline templates for JavaScript control flow: conditions and loops. */
import type { ExerciseTemplate } from './types.ts';
import { distinctInts } from './build.ts';
import { casesFor, drawCases, functionExercise, writeFunction } from './exercise.ts';

export const javascriptControl: Omit<ExerciseTemplate, 'difficulty'>[] = [
  {
    id: 'js-conditionals-label',
    concept: 'conditionals',
    make(rng) {
      const [a, b] = rng.sample([3, 4, 5, 7], 2) as [number, number];
      const [wa, wb] = rng.pick([
        ['Fizz', 'Buzz'],
        ['Ping', 'Pong'],
        ['Tick', 'Tock'],
        ['Foo', 'Bar'],
      ]) as [string, string];
      const label = (n: number) =>
        n % (a * b) === 0 ? wa + wb : n % a === 0 ? wa : n % b === 0 ? wb : String(n);
      const nums = [a, b, a * b, a * b * 2, 1, rng.int(1, 60)];
      return functionExercise('javascript', {
        fn: 'label',
        params: 'n',
        module: 'labels',
        difficulty: 3,
        title: [`${wa}${wb}`, `${wa}${wb} 游戏`],
        task: [
          `Write a function \`label(n)\` that returns \`'${wa}${wb}'\` when \`n\` is divisible by both ${a} and ${b}, \`'${wa}'\` when only by ${a}, \`'${wb}'\` when only by ${b}, and otherwise the number as a string.`,
          `写一个函数 \`label(n)\`：\`n\` 同时能被 ${a} 和 ${b} 整除时返回 \`'${wa}${wb}'\`，只能被 ${a} 整除时返回 \`'${wa}'\`，只能被 ${b} 整除时返回 \`'${wb}'\`，否则返回这个数的字符串形式。`,
        ],
        solutionBody: `  if (n % ${a * b} === 0) return '${wa}${wb}';\n  if (n % ${a} === 0) return '${wa}';\n  if (n % ${b} === 0) return '${wb}';\n  return String(n);`,
        cases: casesFor(nums, label),
        hints: [
          [
            'Which case must you check first so it is not caught by a simpler one?',
            '哪种情况要先检查，才不会被更简单的情况抢先？',
          ],
          ['`n % k === 0` means `n` is divisible by `k`.', '`n % k === 0` 表示 `n` 能被 `k` 整除。'],
          [
            'Order the `if`s from the most specific to the least; `String(n)` turns a number into text.',
            '把 `if` 从最具体排到最一般；`String(n)` 把数字变成文字。',
          ],
          [
            'if (<both>) return ...;\nif (<first>) return ...;\nif (<second>) return ...;\n<otherwise: give back n as text>',
            'if (<两者都>) return ...;\nif (<第一个>) return ...;\nif (<第二个>) return ...;\n<否则：把 n 变成文字返回>',
          ],
        ],
      });
    },
  },
  {
    id: 'js-conditionals-tiers',
    concept: 'conditionals',
    make(rng) {
      const light = rng.int(1, 3);
      const heavy = light + rng.int(3, 8);
      const [c1, c2, c3] = [rng.int(3, 6), rng.int(7, 12), rng.int(13, 25)];
      const cost = (w: number) => (w <= light ? c1 : w <= heavy ? c2 : c3);
      const weights = [light, light + 1, heavy, heavy + 1, rng.int(heavy + 2, 40)];
      return functionExercise('javascript', {
        fn: 'shippingCost',
        params: 'kilograms',
        module: 'shipping',
        difficulty: 2,
        title: ['Shipping tiers', '运费档位'],
        task: [
          `Write a function \`shippingCost(kilograms)\`: parcels up to ${light} kg cost ${c1}, up to ${heavy} kg cost ${c2}, heavier ones cost ${c3}.`,
          `写一个函数 \`shippingCost(kilograms)\`：不超过 ${light} 公斤的包裹运费 ${c1}，不超过 ${heavy} 公斤的运费 ${c2}，更重的运费 ${c3}。`,
        ],
        solutionBody: `  if (kilograms <= ${light}) return ${c1};\n  if (kilograms <= ${heavy}) return ${c2};\n  return ${c3};`,
        cases: casesFor(weights, cost),
        hints: [
          ['Three tiers: which weights fall into each?', '三个档位：哪些重量属于哪一档？'],
          [
            '`if (...) return ...;` ends the function early, so later checks only see the rest.',
            '`if (...) return ...;` 会提前结束函数，后面的判断只会看到剩下的情况。',
          ],
          ['"Up to" includes the limit itself: use `<=`.', '“不超过”包括边界本身：用 `<=`。'],
          [
            'if (kilograms <= LIGHT) return ...;\nif (kilograms <= HEAVY) return ...;\nreturn ...;',
            'if (kilograms <= 轻) return ...;\nif (kilograms <= 重) return ...;\nreturn ...;',
          ],
        ],
      });
    },
  },
  {
    id: 'js-loops-sum',
    concept: 'loops',
    make(rng) {
      const k = rng.int(2, 6);
      const theme = rng.pick([
        {
          fn: 'sumRange',
          params: 'from, to',
          body: '  let total = 0;\n  for (let i = from; i <= to; i++) total += i;\n  return total;',
          args: () => {
            const a = rng.int(-5, 10);
            return [a, a + rng.int(0, 20)];
          },
          f: (a: number[]) => {
            let t = 0;
            for (let i = a[0] ?? 0; i <= (a[1] ?? 0); i++) t += i;
            return t;
          },
          en: 'returns the sum of all whole numbers from `from` to `to`, both included',
          zh: '返回从 `from` 到 `to`（都包括）所有整数之和',
        },
        {
          fn: 'countDivisible',
          params: 'from, to',
          body: `  let count = 0;\n  for (let i = from; i <= to; i++) if (i % ${k} === 0) count++;\n  return count;`,
          args: () => {
            const a = rng.int(0, 10);
            return [a, a + rng.int(0, 30)];
          },
          f: (a: number[]) => {
            let t = 0;
            for (let i = a[0] ?? 0; i <= (a[1] ?? 0); i++) if (i % k === 0) t++;
            return t;
          },
          en: `returns how many whole numbers from \`from\` to \`to\` (both included) are divisible by ${k}`,
          zh: `返回从 \`from\` 到 \`to\`（都包括）有多少个整数能被 ${k} 整除`,
        },
        {
          fn: 'joinRange',
          params: 'from, to',
          body: "  const parts = [];\n  for (let i = from; i <= to; i++) parts.push(i);\n  return parts.join('-');",
          args: () => {
            const a = rng.int(0, 9);
            return [a, a + rng.int(0, 6)];
          },
          f: (a: number[]) => {
            const p: number[] = [];
            for (let i = a[0] ?? 0; i <= (a[1] ?? 0); i++) p.push(i);
            return p.join('-');
          },
          en: "returns the numbers from `from` to `to` joined with `-`, like `'3-4-5'`",
          zh: "返回从 `from` 到 `to` 的数用 `-` 连起来的字符串，例如 `'3-4-5'`",
        },
      ]);
      const cases = drawCases(4, theme.args, theme.f);
      return functionExercise('javascript', {
        fn: theme.fn,
        params: theme.params,
        module: 'ranges',
        difficulty: 2,
        title: [`Loop over a range: ${theme.fn}`, `遍历一个范围：${theme.fn}`],
        task: writeFunction(`${theme.fn}(${theme.params})`, theme.en, theme.zh),
        solutionBody: theme.body,
        cases,
        hints: [
          [
            'Which numbers does the loop visit, and what does it keep from each?',
            '循环访问哪些数？从每个数里留下什么？',
          ],
          [
            '`for (let i = from; i <= to; i++) { ... }` visits every number in the range.',
            '`for (let i = from; i <= to; i++) { ... }` 会访问范围内的每个数。',
          ],
          [
            'Declare the result before the loop and return it after the loop.',
            '在循环前声明结果，在循环后返回。',
          ],
          [
            'let result = <start>;\nfor (let i = from; i <= to; i++) {\n  <update result>\n}\nreturn result;',
            'let result = <初值>;\nfor (let i = from; i <= to; i++) {\n  <更新 result>\n}\nreturn result;',
          ],
        ],
      });
    },
  },
  {
    id: 'js-loops-while',
    concept: 'loops',
    make(rng) {
      const theme = rng.pick([
        {
          fn: 'collatzSteps',
          body: '  let steps = 0;\n  while (n !== 1) {\n    n = n % 2 === 0 ? n / 2 : 3 * n + 1;\n    steps++;\n  }\n  return steps;',
          f: (n: number) => {
            let s = 0;
            while (n !== 1) {
              n = n % 2 === 0 ? n / 2 : 3 * n + 1;
              s++;
            }
            return s;
          },
          en: 'counts the steps to reach 1 when you repeatedly halve an even number and turn an odd one into `3 * n + 1`',
          zh: '不断把偶数减半、把奇数变成 `3 * n + 1`，统计到达 1 需要多少步',
        },
        {
          fn: 'halvings',
          body: '  let steps = 0;\n  while (n >= 2) {\n    n = Math.floor(n / 2);\n    steps++;\n  }\n  return steps;',
          f: (n: number) => {
            let s = 0;
            while (n >= 2) {
              n = Math.floor(n / 2);
              s++;
            }
            return s;
          },
          en: 'counts how many times you can halve `n` (rounding down) before it drops below 2',
          zh: '统计 `n` 能被减半（向下取整）多少次，直到小于 2',
        },
      ]);
      const cases = casesFor(distinctInts(rng, 4, 1, 200), theme.f);
      return functionExercise('javascript', {
        fn: theme.fn,
        params: 'n',
        module: 'steps',
        difficulty: 4,
        title: [`Repeat until done: ${theme.fn}`, `重复到结束：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(n)\` (with \`n\` ≥ 1) that ${theme.en}.`,
          `写一个函数 \`${theme.fn}(n)\`（\`n\` ≥ 1），${theme.zh}。`,
        ],
        solutionBody: theme.body,
        cases,
        hints: [
          [
            'You do not know in advance how many steps there will be. Which loop fits?',
            '你事先不知道要走多少步。哪种循环合适？',
          ],
          [
            '`while (condition) { ... }` repeats as long as the condition holds.',
            '`while (条件) { ... }` 只要条件成立就一直重复。',
          ],
          ['Change `n` and add one to a counter inside the loop.', '在循环里改变 `n`，并给计数器加一。'],
          [
            '<a counter steps, starting at 0>\nwhile (<not done>) {\n  n = <next n>;\n  <add one to steps>\n}\nreturn steps;',
            '<计数器 steps，从 0 开始>\nwhile (<还没结束>) {\n  n = <下一个 n>;\n  <给 steps 加一>\n}\nreturn steps;',
          ],
        ],
      });
    },
  },
];
