/** Offline templates for JavaScript: values, strings, conditions, loops, functions, arrays. */
import type { ExerciseTemplate, TemplateExercise } from './types.ts';
import { distinctInts, js, jsCallTests, jsStub, statement, text, type Case } from './build.ts';

type Pair = [string, string];
const TODO = text('Write your code here', '在这里写代码');

export function jsFnExercise(opts: {
  fn: string;
  params: string;
  module: string;
  difficulty: number;
  title: Pair;
  task: Pair;
  solutionBody: string;
  cases: Case[];
  hints: [Pair, Pair, Pair, Pair];
  async?: boolean;
}): TemplateExercise {
  const first = opts.cases[0];
  const call = first ? `${opts.fn}(${first.args.map(js).join(', ')})` : '';
  const example = first
    ? opts.async
      ? `console.log(await ${call}); // ${js(first.expected)}`
      : `console.log(${call}); // ${js(first.expected)}`
    : '';
  const asyncKw = opts.async ? 'async ' : '';
  return {
    title: text(...opts.title),
    body: statement(text(...opts.task), example, 'javascript'),
    module: opts.module,
    difficulty: opts.difficulty,
    starter: jsStub(`${opts.fn}(${opts.params})`, TODO, { async: opts.async }),
    solution: `export ${asyncKw}function ${opts.fn}(${opts.params}) {\n${opts.solutionBody}\n}\n`,
    tests: jsCallTests(opts.module, opts.fn, opts.cases, { async: opts.async }),
    hints: opts.hints.map(([en, zh]) => text(en, zh)) as TemplateExercise['hints'],
  };
}

export const javascriptBasics: ExerciseTemplate[] = [
  {
    id: 'js-values-kind',
    concept: 'values-types',
    make(rng) {
      const theme = rng.pick([
        {
          fn: 'kindOf',
          body: "  if (value === null) return 'null';\n  if (Array.isArray(value)) return 'array';\n  return typeof value;",
          f: (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v),
          en: "returns `typeof value`, except `'null'` for `null` and `'array'` for arrays",
          zh: "返回 `typeof value`，但 `null` 返回 `'null'`，数组返回 `'array'`",
        },
        {
          fn: 'isNumberLike',
          body: "  return typeof value === 'number' && !Number.isNaN(value);",
          f: (v: unknown) => typeof v === 'number' && !Number.isNaN(v),
          en: 'returns `true` only for values of type number that are not `NaN`',
          zh: '只有类型是 number 且不是 `NaN` 的值才返回 `true`',
        },
      ]);
      const pool: unknown[] = [null, [1, 2], 'text', 42, true, { a: 1 }, 3.5, '7', false, []];
      const cases = rng.sample(pool, 6).map((v) => ({ args: [v], expected: theme.f(v) }));
      return jsFnExercise({
        fn: theme.fn,
        params: 'value',
        module: 'kinds',
        difficulty: 2,
        title: [`What type is it? ${theme.fn}`, `这是什么类型？${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(value)\` that ${theme.en}.`,
          `写一个函数 \`${theme.fn}(value)\`，${theme.zh}。`,
        ],
        solutionBody: theme.body,
        cases,
        hints: [
          [
            'Try `typeof` on a few values in the console: which answers surprise you?',
            '在控制台对几个值试试 `typeof`：哪些结果出乎意料？',
          ],
          [
            "`typeof null` is `'object'` and so is `typeof []`; `Array.isArray` and `=== null` tell them apart.",
            "`typeof null` 是 `'object'`，`typeof []` 也是；`Array.isArray` 和 `=== null` 可以区分它们。",
          ],
          [
            'Check the special cases first, then fall back to the general rule.',
            '先检查特殊情况，再用一般规则。',
          ],
          [
            'if (<special case>) return <answer>;\nreturn <general rule>;',
            'if (<特殊情况>) return <答案>;\nreturn <一般规则>;',
          ],
        ],
      });
    },
  },
  {
    id: 'js-values-convert',
    concept: 'values-types',
    make(rng) {
      const fallback = rng.int(-1, 0);
      const theme = rng.pick([
        {
          fn: 'toNumber',
          body: `  const n = Number(text);\n  return Number.isNaN(n) ? ${fallback} : n;`,
          f: (s: string) => (Number.isNaN(Number(s)) ? fallback : Number(s)),
          en: `turns \`text\` into a number with \`Number\`, returning ${fallback} when the result is \`NaN\``,
        },
        {
          fn: 'toInteger',
          body: `  const n = parseInt(text, 10);\n  return Number.isNaN(n) ? ${fallback} : n;`,
          f: (s: string) => (Number.isNaN(parseInt(s, 10)) ? fallback : parseInt(s, 10)),
          en: `reads a whole number from the start of \`text\` with \`parseInt(text, 10)\`, returning ${fallback} when it finds none`,
        },
      ]);
      const zh =
        theme.fn === 'toNumber'
          ? `用 \`Number\` 把 \`text\` 变成数字，结果为 \`NaN\` 时返回 ${fallback}`
          : `用 \`parseInt(text, 10)\` 从 \`text\` 开头读出一个整数，读不到时返回 ${fallback}`;
      const cases = rng
        .sample(['42', '3.5', 'abc', '12px', ' 7 ', '-8', 'NaN', '1e3'], 5)
        .map((s) => ({ args: [s], expected: theme.f(s) }));
      return jsFnExercise({
        fn: theme.fn,
        params: 'text',
        module: 'convert',
        difficulty: 2,
        title: [`Text to number: ${theme.fn}`, `文字转数字：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(text)\` that ${theme.en}.`,
          `写一个函数 \`${theme.fn}(text)\`，${zh}。`,
        ],
        solutionBody: theme.body,
        cases,
        hints: [
          ['What do you get when the text is not a number at all?', '文字根本不是数字时，会得到什么？'],
          [
            '`NaN` is not equal to anything, even itself; test it with `Number.isNaN(x)`.',
            '`NaN` 不等于任何值，连它自己都不等；用 `Number.isNaN(x)` 判断。',
          ],
          [
            'Convert first, keep the result in a variable, then decide what to return.',
            '先转换，把结果存到变量里，再决定返回什么。',
          ],
          [
            'const n = <convert text>;\nreturn Number.isNaN(n) ? <fallback> : n;',
            'const n = <转换 text>;\nreturn Number.isNaN(n) ? <备用值> : n;',
          ],
        ],
      });
    },
  },
  {
    id: 'js-strings-shape',
    concept: 'strings',
    make(rng) {
      const theme = rng.pick([
        {
          fn: 'titleCase',
          body: "  return text.split(' ').map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join(' ');",
          f: (s: string) =>
            s
              .split(' ')
              .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
              .join(' '),
          en: 'makes the first letter of every word upper case and the rest lower case (words are separated by single spaces)',
          zh: '把每个单词的首字母变成大写、其余字母变成小写（单词之间用一个空格分开）',
        },
        {
          fn: 'initialsOf',
          body: "  return text.split(' ').map((w) => w.charAt(0).toUpperCase()).join('');",
          f: (s: string) =>
            s
              .split(' ')
              .map((w) => w.charAt(0).toUpperCase())
              .join(''),
          en: 'returns the first letter of every word, in capitals, joined together (words are separated by single spaces)',
          zh: '返回每个单词的首字母（大写）连在一起的结果（单词之间用一个空格分开）',
        },
        {
          fn: 'slugify',
          body: "  return text.toLowerCase().split(' ').join('-');",
          f: (s: string) => s.toLowerCase().split(' ').join('-'),
          en: 'returns the text in lower case with each space replaced by `-`',
          zh: '返回小写的文字，并把每个空格换成 `-`',
        },
      ]);
      const cases = rng
        .sample(
          ['hello world', 'the QUICK brown fox', 'lantern lights the way', 'JavaScript is fun', 'a b c'],
          4,
        )
        .map((s) => ({ args: [s], expected: theme.f(s) }));
      return jsFnExercise({
        fn: theme.fn,
        params: 'text',
        module: 'words',
        difficulty: 3,
        title: [`Work with words: ${theme.fn}`, `处理单词：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(text)\` that ${theme.en}.`,
          `写一个函数 \`${theme.fn}(text)\`，${theme.zh}。`,
        ],
        solutionBody: theme.body,
        cases,
        hints: [
          [
            'Work on one word at a time. What happens to a single word?',
            '一次处理一个单词。单个单词要怎么变？',
          ],
          [
            "`text.split(' ')` gives an array of words, `.map(...)` changes each, `.join(...)` glues them back.",
            "`text.split(' ')` 得到单词数组，`.map(...)` 变换每个单词，`.join(...)` 再把它们粘回去。",
          ],
          [
            '`w.charAt(0)`, `w.slice(1)`, `toUpperCase()` and `toLowerCase()` change parts of a word.',
            '`w.charAt(0)`、`w.slice(1)`、`toUpperCase()` 和 `toLowerCase()` 可以修改单词的一部分。',
          ],
          [
            "return text.split(' ').map((w) => <change w>).join(<glue>);",
            "return text.split(' ').map((w) => <变换 w>).join(<连接符>);",
          ],
        ],
      });
    },
  },
  {
    id: 'js-strings-check',
    concept: 'strings',
    make(rng) {
      const theme = rng.pick([
        {
          fn: 'isPalindrome',
          params: 'text',
          body: "  const clean = text.toLowerCase().split(' ').join('');\n  return clean === clean.split('').reverse().join('');",
          f: (s: string) => {
            const c = s.toLowerCase().split(' ').join('');
            return c === [...c].reverse().join('');
          },
          en: 'returns `true` when the text reads the same backwards, ignoring case and spaces',
          zh: '忽略大小写和空格，如果文字倒过来读也一样就返回 `true`',
        },
        {
          fn: 'countWord',
          params: 'text, word',
          body: "  return text.toLowerCase().split(' ').filter((w) => w === word.toLowerCase()).length;",
          f: (s: string) =>
            s
              .toLowerCase()
              .split(' ')
              .filter((w) => w === 'the').length,
          en: 'returns how many words in `text` equal `word`, ignoring case',
          zh: '忽略大小写，返回 `text` 中有多少个单词等于 `word`',
        },
      ]);
      const pool = [
        'Never odd or even',
        'The cat saw the dog',
        'A man a plan a canal Panama',
        'the end of the THE',
        'racecar',
        'hello there',
      ];
      const cases = rng
        .sample(pool, 5)
        .map((s) => ({ args: theme.params === 'text' ? [s] : [s, 'the'], expected: theme.f(s) }));
      return jsFnExercise({
        fn: theme.fn,
        params: theme.params,
        module: 'checks',
        difficulty: 4,
        title: [`Inspect a string: ${theme.fn}`, `检查字符串：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(${theme.params})\` that ${theme.en}.`,
          `写一个函数 \`${theme.fn}(${theme.params})\`，${theme.zh}。`,
        ],
        solutionBody: theme.body,
        cases,
        hints: [
          [
            'Make both sides comparable first: what differences should not count?',
            '先让两边可以比较：哪些差别不应该算？',
          ],
          [
            '`toLowerCase()` removes case differences; `split`, `filter`, `reverse` and `join` work on the pieces.',
            '`toLowerCase()` 去掉大小写差别；`split`、`filter`、`reverse`、`join` 处理各个部分。',
          ],
          [
            'Clean the text into a simple form, then compare or count.',
            '把文字整理成简单的形式，再比较或计数。',
          ],
          [
            'const clean = <lower case, pieces>;\nreturn <compare or count clean>;',
            'const clean = <转小写、拆分>;\nreturn <比较或统计 clean>;',
          ],
        ],
      });
    },
  },
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
      return jsFnExercise({
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
        cases: nums.map((n) => ({ args: [n], expected: label(n) })),
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
      return jsFnExercise({
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
        cases: weights.map((w) => ({ args: [w], expected: cost(w) })),
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
      const cases = Array.from({ length: 4 }, () => {
        const args = theme.args();
        return { args, expected: theme.f(args) };
      });
      return jsFnExercise({
        fn: theme.fn,
        params: theme.params,
        module: 'ranges',
        difficulty: 2,
        title: [`Loop over a range: ${theme.fn}`, `遍历一个范围：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(${theme.params})\` that ${theme.en}.`,
          `写一个函数 \`${theme.fn}(${theme.params})\`，${theme.zh}。`,
        ],
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
      const cases = distinctInts(rng, 4, 1, 200).map((n) => ({ args: [n], expected: theme.f(n) }));
      return jsFnExercise({
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
      const base = jsFnExercise({
        fn: theme.fn,
        params: theme.params,
        module: 'pipeline',
        difficulty: 5,
        title: [`Functions as values: ${theme.fn}`, `把函数当作值：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(${theme.params})\` that ${theme.en}.`,
          `写一个函数 \`${theme.fn}(${theme.params})\`，${theme.zh}。`,
        ],
        solutionBody: theme.body,
        cases: [],
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
      const example =
        theme.fn === 'applyTimes'
          ? `console.log(applyTimes((x) => x * 2, 3, 1)); // 8`
          : `console.log(applyAll([(x) => x + 1, (x) => x * 10], 2)); // 30`;
      return {
        ...base,
        body: statement(
          text(
            `Write a function \`${theme.fn}(${theme.params})\` that ${theme.en}.`,
            `写一个函数 \`${theme.fn}(${theme.params})\`，${theme.zh}。`,
          ),
          example,
          'javascript',
        ),
        tests,
      };
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
      const cases = Array.from({ length: 4 }, (_, i) => {
        const a = i === 3 ? [] : rng.ints(4, -10, 30).map((n) => n * 2);
        return { args: [a], expected: theme.f(a) };
      });
      return jsFnExercise({
        fn: theme.fn,
        params: theme.params,
        module: 'stats',
        difficulty: 3,
        title: [`A useful function: ${theme.fn}`, `一个有用的函数：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(${theme.params})\` that ${theme.en}.`,
          `写一个函数 \`${theme.fn}(${theme.params})\`，${theme.zh}。`,
        ],
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
      const cases = Array.from({ length: 4 }, (_, i) => {
        const a = i === 3 ? [] : rng.ints(rng.int(3, 8), -9, 12);
        return { args: [a], expected: theme.f(a) };
      });
      return jsFnExercise({
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
      return jsFnExercise({
        fn: theme.fn,
        params: theme.params,
        module: 'groups',
        difficulty: 5,
        title: [`Slices of an array: ${theme.fn}`, `数组切片：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(items, size)\` that ${theme.en}.`,
          `写一个函数 \`${theme.fn}(items, size)\`，${theme.zh}。`,
        ],
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
