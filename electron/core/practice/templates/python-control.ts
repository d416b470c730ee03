/** Offline templates for Python control flow: conditions, loops and functions. */
import type { ExerciseTemplate } from './types.ts';
import { distinctInts, type Case } from './build.ts';
import { casesFor, drawCases, functionExercise, writeFunction } from './exercise.ts';

export const pythonControl: Omit<ExerciseTemplate, 'difficulty'>[] = [
  {
    id: 'py-conditionals-grade',
    concept: 'conditionals',
    make(rng) {
      const a = rng.int(85, 92);
      const b = a - rng.int(8, 12);
      const c = b - rng.int(8, 12);
      const grade = (s: number) => (s >= a ? 'A' : s >= b ? 'B' : s >= c ? 'C' : 'F');
      const scores = [a, a - 1, b, c, c - 1, rng.int(0, c - 2), 100];
      return functionExercise('python', {
        fn: 'grade',
        params: 'score',
        module: 'grades',
        difficulty: 2,
        title: ['Letter grades', '等级成绩'],
        task: [
          `Write a function \`grade(score)\` that returns \`"A"\` for ${a} or more, \`"B"\` for ${b} or more, \`"C"\` for ${c} or more, and \`"F"\` otherwise.`,
          `写一个函数 \`grade(score)\`：${a} 分及以上返回 \`"A"\`，${b} 分及以上返回 \`"B"\`，${c} 分及以上返回 \`"C"\`，其余返回 \`"F"\`。`,
        ],
        solutionBody: `    if score >= ${a}:\n        return "A"\n    elif score >= ${b}:\n        return "B"\n    elif score >= ${c}:\n        return "C"\n    return "F"`,
        cases: casesFor(scores, grade),
        hints: [
          [
            'Which grade should you check first so that a high score is not caught by a lower band?',
            '应该先检查哪个等级，才不会让高分落进低的档？',
          ],
          [
            '`if` / `elif` / `else` tries conditions from the top and stops at the first true one.',
            '`if` / `elif` / `else` 从上往下检查条件，遇到第一个成立的就停下。',
          ],
          ['Mind the boundaries: "or more" means `>=`.', '注意边界：“及以上”意味着 `>=`。'],
          [
            'Check from the top band down: if the score reaches the A limit, give back the letter A; otherwise, if it reaches the B limit, give back B; then the same for C; if none of them matched, give back F.',
            '从最高的档往下检查：分数达到 A 档就返回字母 A；否则达到 B 档就返回 B；C 也一样；都不满足就返回 F。',
          ],
        ],
      });
    },
  },
  {
    id: 'py-conditionals-tiers',
    concept: 'conditionals',
    make(rng) {
      const young = rng.int(10, 14);
      const old = rng.int(60, 67);
      const [p1, p2, p3] = [rng.int(2, 6), rng.int(10, 16), rng.int(5, 9)];
      const theme = rng.pick([
        {
          fn: 'ticket_price',
          p: 'age',
          en: ['children under', 'people aged', 'or older', 'everyone else'],
          zh: ['未满', '岁的儿童', '岁及以上的人', '其他人'],
        },
        {
          fn: 'bus_fare',
          p: 'age',
          en: ['riders under', 'riders aged', 'or older', 'all other riders'],
          zh: ['未满', '岁的乘客', '岁及以上的乘客', '其他乘客'],
        },
      ]);
      const price = (x: number) => (x < young ? p1 : x >= old ? p3 : p2);
      const ages = [young - 1, young, old - 1, old, rng.int(0, young - 2), rng.int(old + 1, 95)];
      return functionExercise('python', {
        fn: theme.fn,
        params: theme.p,
        module: 'prices',
        difficulty: 2,
        title: [`Price by age: ${theme.fn}`, `按年龄定价：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(age)\`: ${theme.en[0]} ${young} pay ${p1}, ${theme.en[1]} ${old} ${theme.en[2]} pay ${p3}, and ${theme.en[3]} pay ${p2}.`,
          `写一个函数 \`${theme.fn}(age)\`：${theme.zh[0]} ${young} ${theme.zh[1]}付 ${p1}，${old} ${theme.zh[2]}付 ${p3}，${theme.zh[3]}付 ${p2}。`,
        ],
        solutionBody: `    if age < ${young}:\n        return ${p1}\n    if age >= ${old}:\n        return ${p3}\n    return ${p2}`,
        cases: casesFor(ages, price),
        hints: [
          ['There are three groups; which ages belong to each?', '一共有三组人；每组包含哪些年龄？'],
          [
            'Use `if` with comparisons like `<` and `>=` to pick the group.',
            '用 `if` 和 `<`、`>=` 这样的比较来选出组别。',
          ],
          [
            'Test the exact boundary ages: is the border age inside or outside the group?',
            '测试正好在边界上的年龄：边界年龄属于这一组吗？',
          ],
          [
            'if age < YOUNG: return CHILD_PRICE\nif age >= OLD: return SENIOR_PRICE\nreturn NORMAL_PRICE',
            'if age < 小: return 儿童价\nif age >= 老: return 老人价\nreturn 普通价',
          ],
        ],
      });
    },
  },
  {
    id: 'py-loops-accumulate',
    concept: 'loops',
    make(rng) {
      const k = rng.int(3, 9);
      const theme = rng.pick([
        {
          fn: 'sum_multiples',
          body: `    total = 0\n    for i in range(n):\n        if i % ${k} == 0:\n            total += i\n    return total`,
          f: (n: number) => {
            let t = 0;
            for (let i = 0; i < n; i++) if (i % k === 0) t += i;
            return t;
          },
          en: `returns the sum of all numbers from 0 up to (not including) \`n\` that are multiples of ${k}`,
          zh: `返回从 0 到 \`n\`（不含 \`n\`）之间所有 ${k} 的倍数之和`,
        },
        {
          fn: 'sum_squares',
          body: '    total = 0\n    for i in range(1, n + 1):\n        total += i * i\n    return total',
          f: (n: number) => {
            let t = 0;
            for (let i = 1; i <= n; i++) t += i * i;
            return t;
          },
          en: 'returns 1² + 2² + ... + n²',
          zh: '返回 1² + 2² + ... + n²',
        },
        {
          fn: 'count_multiples',
          body: `    count = 0\n    for i in range(1, n + 1):\n        if i % ${k} == 0:\n            count += 1\n    return count`,
          f: (n: number) => Math.floor(n / k),
          en: `returns how many numbers from 1 to \`n\` are multiples of ${k}`,
          zh: `返回 1 到 \`n\` 中有多少个数是 ${k} 的倍数`,
        },
      ]);
      const cases = casesFor(distinctInts(rng, 4, k + 1, 60), theme.f);
      return functionExercise('python', {
        fn: theme.fn,
        params: 'n',
        module: 'loops',
        difficulty: 3,
        title: [`Add up with a loop: ${theme.fn}`, `用循环累加：${theme.fn}`],
        task: writeFunction(`${theme.fn}(n)`, theme.en, theme.zh),
        solutionBody: theme.body,
        cases,
        hints: [
          [
            'Which numbers do you visit, and what do you do with each one?',
            '你要访问哪些数？对每个数做什么？',
          ],
          [
            '`for i in range(start, stop):` visits numbers; a variable outside the loop collects the result.',
            '`for i in range(start, stop):` 可以访问一串数；循环外的变量用来收集结果。',
          ],
          [
            'Check where `range` starts and stops: `stop` itself is not included.',
            '检查 `range` 的起点和终点：`stop` 本身不包括在内。',
          ],
          [
            'total = 0\nfor i in range(...):\n    if <i counts>:\n        total += <something>\nreturn total',
            'total = 0\nfor i in range(...):\n    if <i 符合>:\n        total += <某个值>\nreturn total',
          ],
        ],
      });
    },
  },
  {
    id: 'py-loops-digits',
    concept: 'loops',
    make(rng) {
      const theme = rng.pick([
        {
          fn: 'digit_sum',
          body: '    total = 0\n    while n > 0:\n        total += n % 10\n        n //= 10\n    return total',
          f: (n: number) => [...String(n)].reduce((s, d) => s + Number(d), 0),
          en: 'returns the sum of the digits of a positive whole number',
          zh: '返回一个正整数各位数字之和',
        },
        {
          fn: 'count_digits',
          body: '    count = 0\n    while n > 0:\n        count += 1\n        n //= 10\n    return count',
          f: (n: number) => String(n).length,
          en: 'returns how many digits a positive whole number has, without turning it into a string',
          zh: '返回一个正整数有几位数字（不要把它变成字符串）',
        },
        {
          fn: 'reverse_digits',
          body: '    result = 0\n    while n > 0:\n        result = result * 10 + n % 10\n        n //= 10\n    return result',
          f: (n: number) => Number([...String(n)].reverse().join('')),
          en: 'returns the number with its digits in reverse order (1230 gives 321)',
          zh: '返回数字倒过来后的数（1230 得到 321）',
        },
      ]);
      const cases = casesFor(distinctInts(rng, 4, 1, 99999), theme.f);
      return functionExercise('python', {
        fn: theme.fn,
        params: 'n',
        module: 'digits',
        difficulty: 4,
        title: [`Digits with a loop: ${theme.fn}`, `用循环处理数字：${theme.fn}`],
        task: writeFunction(`${theme.fn}(n)`, theme.en, theme.zh),
        solutionBody: theme.body,
        cases,
        hints: [
          [
            'How can you get the last digit of a number, and how do you drop it?',
            '怎样取出一个数的最后一位？又怎样去掉它？',
          ],
          [
            '`n % 10` is the last digit and `n // 10` drops it; a `while` loop that keeps going as long as `n` is above zero repeats until nothing is left.',
            '`n % 10` 是最后一位，`n // 10` 去掉最后一位；用 `while` 循环，只要 `n` 还大于零就继续，直到什么都不剩。',
          ],
          [
            'Update your result inside the loop before you shorten `n`.',
            '在缩短 `n` 之前，先在循环里更新结果。',
          ],
          [
            'result = 0\nrepeat while n is still above zero:\n    <update result using n % 10>\n    n //= 10\nreturn result',
            'result = 0\n只要 n 还大于零就重复:\n    <用 n % 10 更新 result>\n    n //= 10\nreturn result',
          ],
        ],
      });
    },
  },
  {
    id: 'py-functions-defaults',
    concept: 'functions',
    make(rng) {
      const times = rng.int(2, 4);
      const greeting = rng.pick(['Hello', 'Welcome', 'Good morning', 'Hi']);
      const theme = rng.pick([
        {
          fn: 'repeat_word',
          params: `word, times=${times}`,
          body: '    return " ".join([word] * times)',
          cases: (): Case[] => [
            { args: ['echo'], expected: Array(times).fill('echo').join(' ') },
            { args: ['la', 5], expected: 'la la la la la' },
            { args: ['hey', 1], expected: 'hey' },
          ],
          en: `returns \`word\` repeated \`times\` times, separated by spaces; \`times\` defaults to ${times}`,
          zh: `返回把 \`word\` 重复 \`times\` 次、用空格隔开的文字；\`times\` 默认为 ${times}`,
        },
        {
          fn: 'make_greeting',
          params: `name, greeting="${greeting}"`,
          body: '    return f"{greeting}, {name}!"',
          cases: (): Case[] => [
            { args: ['Mei'], expected: `${greeting}, Mei!` },
            { args: ['Tom', 'Bye'], expected: 'Bye, Tom!' },
            { args: ['Ada'], expected: `${greeting}, Ada!` },
          ],
          en: `returns \`"<greeting>, <name>!"\`; \`greeting\` defaults to \`"${greeting}"\``,
          zh: `返回 \`"<greeting>, <name>!"\`；\`greeting\` 默认为 \`"${greeting}"\``,
        },
        {
          fn: 'power',
          params: `base, exponent=${times}`,
          body: '    return base ** exponent',
          cases: (): Case[] => [
            { args: [3], expected: 3 ** times },
            { args: [2, 10], expected: 1024 },
            { args: [5, 1], expected: 5 },
          ],
          en: `returns \`base\` to the power \`exponent\`; \`exponent\` defaults to ${times}`,
          zh: `返回 \`base\` 的 \`exponent\` 次方；\`exponent\` 默认为 ${times}`,
        },
      ]);
      return functionExercise('python', {
        fn: theme.fn,
        params: theme.params,
        module: 'defaults',
        difficulty: 3,
        title: [`Default parameters: ${theme.fn}`, `默认参数：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}\` with parameters \`${theme.params}\` that ${theme.en}.`,
          `写一个参数为 \`${theme.params}\` 的函数 \`${theme.fn}\`，${theme.zh}。`,
        ],
        solutionBody: theme.body,
        cases: theme.cases(),
        hints: [
          [
            'What should happen when the caller leaves out the last argument?',
            '调用时省略最后一个参数，应该怎样？',
          ],
          [
            'A default value goes in the definition: `def f(x, y=2):`.',
            '默认值写在函数定义里：`def f(x, y=2):`。',
          ],
          ['Keep the parameter names and the default exactly as given.', '参数名和默认值要和题目完全一样。'],
          [
            `def ${theme.fn}(${theme.params}):\n    return <use both parameters>`,
            `def ${theme.fn}(${theme.params}):\n    return <用到两个参数>`,
          ],
        ],
      });
    },
  },
  {
    id: 'py-functions-helpers',
    concept: 'functions',
    make(rng) {
      const theme = rng.pick([
        {
          fn: 'clamp',
          params: 'value, low, high',
          body: '    return max(low, min(value, high))',
          args: () => {
            const lo = rng.int(-10, 10);
            return [rng.int(-30, 30), lo, lo + rng.int(1, 20)];
          },
          f: (a: number[]) => Math.max(a[1] ?? 0, Math.min(a[0] ?? 0, a[2] ?? 0)),
          en: 'returns `value` kept inside `low`..`high`: below `low` gives `low`, above `high` gives `high`',
          zh: '返回限制在 `low`..`high` 之内的 `value`：小于 `low` 返回 `low`，大于 `high` 返回 `high`',
        },
        {
          fn: 'middle',
          params: 'a, b, c',
          body: '    return a + b + c - min(a, b, c) - max(a, b, c)',
          args: () => distinctInts(rng, 3, -50, 50),
          f: (a: number[]) => [...a].sort((x, y) => x - y)[1] ?? 0,
          en: 'returns the middle one of three different numbers',
          zh: '返回三个不同的数中大小居中的那个',
        },
        {
          fn: 'distance',
          params: 'a, b',
          body: '    return abs(a - b)',
          args: () => [rng.int(-40, 40), rng.int(-40, 40)],
          f: (a: number[]) => Math.abs((a[0] ?? 0) - (a[1] ?? 0)),
          en: 'returns how far apart two numbers are on the number line (never negative)',
          zh: '返回两个数在数轴上相距多远（不会是负数）',
        },
      ]);
      const cases = drawCases(5, theme.args, theme.f);
      return functionExercise('python', {
        fn: theme.fn,
        params: theme.params,
        module: 'helpers',
        difficulty: 3,
        title: [`A small helper: ${theme.fn}`, `一个小工具函数：${theme.fn}`],
        task: writeFunction(`${theme.fn}(${theme.params})`, theme.en, theme.zh),
        solutionBody: theme.body,
        cases,
        hints: [
          ['Try a few values by hand, including ones at the edges.', '手动试几个值，包括边界上的值。'],
          [
            'Built-in functions like `min`, `max` and `abs` can do most of the work.',
            '`min`、`max`、`abs` 这些内置函数能帮你完成大部分工作。',
          ],
          [
            'Make sure the function `return`s its answer rather than printing it.',
            '确认函数是用 `return` 返回答案，而不是打印出来。',
          ],
          [
            `def ${theme.fn}(${theme.params}):\n    return <combine min/max/abs>`,
            `def ${theme.fn}(${theme.params}):\n    return <组合 min/max/abs>`,
          ],
        ],
      });
    },
  },
];
