/** Offline templates for exceptions, classes, recursion, searching and sorting in Python. */
import type { ExerciseTemplate, TemplateExercise } from './types.ts';
import { distinctInts, py, text } from './build.ts';
import { fnExercise } from './python-basics.ts';

type Hint = [string, string];

/** An exercise whose tests are written out rather than built from call cases. */
function customExercise(opts: {
  module: string;
  difficulty: number;
  title: Hint;
  task: Hint;
  example: string;
  starter: string;
  solution: string;
  testMethods: string[];
  imports: string;
  hints: [Hint, Hint, Hint, Hint];
}): TemplateExercise {
  const block = `\n\n\`\`\`python\n${opts.example.trim()}\n\`\`\`\n`;
  const methods = opts.testMethods.map((m, i) => `    def test_${i + 1}(self):\n${m}\n`).join('\n');
  return {
    title: text(...opts.title),
    body: { en: opts.task[0] + block, zh: opts.task[1] + block },
    module: opts.module,
    difficulty: opts.difficulty,
    starter: opts.starter,
    solution: opts.solution,
    tests: `import unittest\nfrom ${opts.module} import ${opts.imports}\n\n\nclass PracticeTest(unittest.TestCase):\n${methods}`,
    hints: opts.hints.map(([en, zh]) => text(en, zh)) as TemplateExercise['hints'],
  };
}

export const pythonAdvanced: ExerciseTemplate[] = [
  {
    id: 'py-exceptions-fallback',
    concept: 'exceptions',
    make(rng) {
      const fallback = rng.pick([0, -1, 'None']);
      const fb = fallback === 'None' ? null : fallback;
      const theme = rng.pick([
        {
          fn: 'safe_divide',
          params: 'a, b',
          err: 'ZeroDivisionError',
          expr: 'a / b',
          good: () => {
            const b = rng.int(1, 9);
            return { args: [b * rng.int(1, 9), b], expected: null as unknown };
          },
          bad: () => [rng.int(1, 50), 0],
          en: 'divides `a` by `b`',
          zh: '计算 `a` 除以 `b`',
        },
        {
          fn: 'safe_int',
          params: 'text',
          err: 'ValueError',
          expr: 'int(text)',
          good: () => {
            const n = rng.int(-99, 999);
            return { args: [String(n)], expected: n as unknown };
          },
          bad: () => [rng.pick(['abc', '12x', '', 'seven'])],
          en: 'turns `text` into a whole number with `int`',
          zh: '用 `int` 把 `text` 变成整数',
        },
        {
          fn: 'safe_item',
          params: 'items, index',
          err: 'IndexError',
          expr: 'items[index]',
          good: () => {
            const items = rng.ints(4, 1, 9);
            const i = rng.int(0, 3);
            return { args: [items, i], expected: items[i] as unknown };
          },
          bad: () => [rng.ints(3, 1, 9), rng.int(3, 9)],
          en: 'returns `items[index]`',
          zh: '返回 `items[index]`',
        },
      ]);
      const goods = [theme.good(), theme.good()].map((g) =>
        theme.fn === 'safe_divide' ? { ...g, expected: (g.args[0] as number) / (g.args[1] as number) } : g,
      );
      const bad = theme.bad();
      const call = (args: unknown[]) => `${theme.fn}(${args.map(py).join(', ')})`;
      return customExercise({
        module: 'safe',
        difficulty: 4,
        title: [`Catch the error: ${theme.fn}`, `捕获错误：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(${theme.params})\` that ${theme.en}. When that raises \`${theme.err}\`, return \`${py(fb)}\` instead of crashing.`,
          `写一个函数 \`${theme.fn}(${theme.params})\`，${theme.zh}。如果引发 \`${theme.err}\`，就返回 \`${py(fb)}\`，而不是让程序崩溃。`,
        ],
        example: `print(${call(bad)})  # ${py(fb)}`,
        starter: `def ${theme.fn}(${theme.params}):\n    # Write your code here\n    return ${theme.expr}\n`,
        solution: `def ${theme.fn}(${theme.params}):\n    try:\n        return ${theme.expr}\n    except ${theme.err}:\n        return ${py(fb)}\n`,
        imports: theme.fn,
        testMethods: [
          ...goods.map((g) => `        self.assertEqual(${call(g.args)}, ${py(g.expected)})`),
          fb === null
            ? `        self.assertIsNone(${call(bad)})`
            : `        self.assertEqual(${call(bad)}, ${py(fb)})`,
        ],
        hints: [
          [
            'What happens now when the input is bad? Run it and read the error name.',
            '输入有问题时现在会怎样？运行一下，看看错误的名字。',
          ],
          [
            '`try:` runs code that may fail; `except SomeError:` handles that error.',
            '`try:` 运行可能出错的代码；`except 某种错误:` 处理这种错误。',
          ],
          [
            `Catch exactly \`${theme.err}\`, and return the fallback value in the \`except\` block.`,
            `只捕获 \`${theme.err}\`，在 \`except\` 块里返回备用值。`,
          ],
          [
            `try:\n    return ${theme.expr}\nexcept ${theme.err}:\n    return <fallback>`,
            `try:\n    return ${theme.expr}\nexcept ${theme.err}:\n    return <备用值>`,
          ],
        ],
      });
    },
  },
  {
    id: 'py-exceptions-raise',
    concept: 'exceptions',
    make(rng) {
      const theme = rng.pick([
        { fn: 'parse_age', low: 0, high: rng.int(120, 150), en: 'an age', zh: '年龄' },
        { fn: 'parse_percent', low: 0, high: 100, en: 'a percentage', zh: '百分比' },
        { fn: 'parse_month', low: 1, high: 12, en: 'a month number', zh: '月份' },
      ]);
      const ok = distinctInts(rng, 2, theme.low, theme.high);
      const call = (s: string) => `${theme.fn}(${py(s)})`;
      return customExercise({
        module: 'parsing',
        difficulty: 5,
        title: [`Refuse bad input: ${theme.fn}`, `拒绝错误的输入：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(text)\` that reads ${theme.en} from \`text\` and returns it as an \`int\`. If the number is below ${theme.low} or above ${theme.high}, **raise** \`ValueError\`.`,
          `写一个函数 \`${theme.fn}(text)\`，从 \`text\` 中读出${theme.zh}并以 \`int\` 返回。如果数字小于 ${theme.low} 或大于 ${theme.high}，就**引发** \`ValueError\`。`,
        ],
        example: `print(${call(String(ok[0]))})  # ${ok[0]}`,
        starter: `def ${theme.fn}(text):\n    # Write your code here\n    pass\n`,
        solution: `def ${theme.fn}(text):\n    value = int(text)\n    if value < ${theme.low} or value > ${theme.high}:\n        raise ValueError(f"{value} is out of range")\n    return value\n`,
        imports: theme.fn,
        testMethods: [
          ...ok.map((n) => `        self.assertEqual(${call(String(n))}, ${n})`),
          `        with self.assertRaises(ValueError):\n            ${call(String(theme.high + rng.int(1, 20)))}`,
          `        with self.assertRaises(ValueError):\n            ${call(String(theme.low - rng.int(1, 20)))}`,
        ],
        hints: [
          [
            'Two jobs: turn the text into a number, then check that the number makes sense.',
            '两件事：把文字变成数字，再检查这个数字是否合理。',
          ],
          [
            '`raise ValueError("message")` stops the function and reports the problem to the caller.',
            '`raise ValueError("说明")` 会停止函数，并把问题报告给调用者。',
          ],
          ['Check both ends of the range before you return.', '在返回之前检查范围的两端。'],
          [
            'First convert the text with `int()` and keep the number in a variable, then:\nif <too small> or <too big>:\n    raise ValueError(...)\nOtherwise give the number back.',
            '先用 `int()` 转换文字，把得到的数字存进一个变量，然后：\nif <太小> or <太大>:\n    raise ValueError(...)\n否则就把这个数字返回。',
          ],
        ],
      });
    },
  },
  {
    id: 'py-classes-account',
    concept: 'classes',
    make(rng) {
      const start = rng.int(0, 50);
      const [d1, w1, d2] = [rng.int(5, 40), rng.int(1, 20), rng.int(1, 30)];
      const theme = rng.pick([
        { cls: 'Wallet', add: 'deposit', take: 'spend', en: 'a wallet', zh: '钱包' },
        { cls: 'Piggybank', add: 'put_in', take: 'take_out', en: 'a piggy bank', zh: '存钱罐' },
        { cls: 'Tank', add: 'fill', take: 'drain', en: 'a water tank', zh: '水箱' },
      ]);
      return customExercise({
        module: 'bank',
        difficulty: 5,
        title: [`A class with state: ${theme.cls}`, `带状态的类：${theme.cls}`],
        task: [
          `Write a class \`${theme.cls}\` for ${theme.en}. \`${theme.cls}(amount)\` starts with \`amount\` in it; \`${theme.add}(n)\` adds \`n\`; \`${theme.take}(n)\` removes \`n\` and returns \`True\`, or changes nothing and returns \`False\` when there is not enough; \`amount\` is an attribute holding the current amount.`,
          `写一个表示${theme.zh}的类 \`${theme.cls}\`。\`${theme.cls}(amount)\` 创建时里面有 \`amount\`；\`${theme.add}(n)\` 加上 \`n\`；\`${theme.take}(n)\` 减去 \`n\` 并返回 \`True\`，如果不够就什么都不改并返回 \`False\`；属性 \`amount\` 保存当前的数量。`,
        ],
        example: `box = ${theme.cls}(10)\nbox.${theme.add}(5)\nprint(box.${theme.take}(20), box.amount)  # False 15`,
        starter: `class ${theme.cls}:\n    def __init__(self, amount):\n        # Write your code here\n        pass\n\n    def ${theme.add}(self, n):\n        pass\n\n    def ${theme.take}(self, n):\n        pass\n`,
        solution: `class ${theme.cls}:\n    def __init__(self, amount):\n        self.amount = amount\n\n    def ${theme.add}(self, n):\n        self.amount += n\n\n    def ${theme.take}(self, n):\n        if n > self.amount:\n            return False\n        self.amount -= n\n        return True\n`,
        imports: theme.cls,
        testMethods: [
          `        self.assertEqual(${theme.cls}(${start}).amount, ${start})`,
          `        box = ${theme.cls}(${start})\n        box.${theme.add}(${d1})\n        self.assertTrue(box.${theme.take}(${w1}))\n        self.assertEqual(box.amount, ${start + d1 - w1})`,
          `        box = ${theme.cls}(${start})\n        self.assertFalse(box.${theme.take}(${start + d2}))\n        self.assertEqual(box.amount, ${start})`,
        ],
        hints: [
          [
            'What does the object need to remember between method calls?',
            '对象在多次调用方法之间需要记住什么？',
          ],
          [
            '`__init__` stores values on `self`: save the starting amount as an attribute named `amount`. Other methods then read and change `self.amount`.',
            '`__init__` 把值存到 `self` 上：把初始数量存成名为 `amount` 的属性。其他方法再读取并修改 `self.amount`。',
          ],
          [
            `In \`${theme.take}\`, check whether there is enough before you subtract.`,
            `在 \`${theme.take}\` 里，先检查够不够，再减。`,
          ],
          [
            `def ${theme.take}(self, n):\n    if <n is more than what is stored>:\n        return False\n    <subtract>\n    return True`,
            `def ${theme.take}(self, n):\n    if <n 比存着的数量还多>:\n        return False\n    <减去>\n    return True`,
          ],
        ],
      });
    },
  },
  {
    id: 'py-classes-shape',
    concept: 'classes',
    make(rng) {
      const theme = rng.pick([
        {
          cls: 'Rectangle',
          params: 'width, height',
          m1: 'area',
          m2: 'perimeter',
          f1: (a: number, b: number) => a * b,
          f2: (a: number, b: number) => 2 * (a + b),
          e1: 'self.width * self.height',
          e2: '2 * (self.width + self.height)',
          en: 'a rectangle',
          zh: '长方形',
        },
        {
          cls: 'Garden',
          params: 'length, width',
          m1: 'area',
          m2: 'fence_length',
          f1: (a: number, b: number) => a * b,
          f2: (a: number, b: number) => 2 * (a + b),
          e1: 'self.length * self.width',
          e2: '2 * (self.length + self.width)',
          en: 'a rectangular garden (the fence goes all the way round)',
          zh: '长方形花园（篱笆围一整圈）',
        },
        {
          cls: 'Ticket',
          params: 'price, count',
          m1: 'total',
          m2: 'with_fee',
          f1: (a: number, b: number) => a * b,
          f2: (a: number, b: number) => a * b + b,
          e1: 'self.price * self.count',
          e2: 'self.price * self.count + self.count',
          en: 'a ticket order (the fee is 1 per ticket)',
          zh: '一份购票订单（每张票手续费 1）',
        },
      ]);
      const [p1, p2] = theme.params.split(', ') as [string, string];
      const pairs = [0, 1, 2].map(() => [rng.int(1, 20), rng.int(1, 20)] as [number, number]);
      return customExercise({
        module: 'shapes',
        difficulty: 4,
        title: [`Methods on a class: ${theme.cls}`, `类的方法：${theme.cls}`],
        task: [
          `Write a class \`${theme.cls}\` for ${theme.en}, made with \`${theme.cls}(${theme.params})\`, with methods \`${theme.m1}()\` and \`${theme.m2}()\`.`,
          `写一个表示${theme.zh}的类 \`${theme.cls}\`，用 \`${theme.cls}(${theme.params})\` 创建，并有方法 \`${theme.m1}()\` 和 \`${theme.m2}()\`。`,
        ],
        example: `thing = ${theme.cls}(3, 4)\nprint(thing.${theme.m1}(), thing.${theme.m2}())  # ${theme.f1(3, 4)} ${theme.f2(3, 4)}`,
        starter: `class ${theme.cls}:\n    def __init__(self, ${theme.params}):\n        # Write your code here\n        pass\n\n    def ${theme.m1}(self):\n        pass\n\n    def ${theme.m2}(self):\n        pass\n`,
        solution: `class ${theme.cls}:\n    def __init__(self, ${theme.params}):\n        self.${p1} = ${p1}\n        self.${p2} = ${p2}\n\n    def ${theme.m1}(self):\n        return ${theme.e1}\n\n    def ${theme.m2}(self):\n        return ${theme.e2}\n`,
        imports: theme.cls,
        testMethods: pairs.map(
          ([a, b]) =>
            `        thing = ${theme.cls}(${a}, ${b})\n        self.assertEqual(thing.${theme.m1}(), ${theme.f1(a, b)})\n        self.assertEqual(thing.${theme.m2}(), ${theme.f2(a, b)})`,
        ),
        hints: [
          [
            'The methods need the numbers given when the object was made. Where are they kept?',
            '方法需要创建对象时给的数字。它们存在哪里？',
          ],
          [
            'Store each parameter on `self` in `__init__`; methods take `self` as their first parameter.',
            '在 `__init__` 里把每个参数存到 `self` 上；方法的第一个参数是 `self`。',
          ],
          [
            'Each method should `return` its result, computed from `self.…` values.',
            '每个方法都要 `return` 结果，用 `self.…` 的值计算。',
          ],
          [
            `def __init__(self, ${theme.params}):\n    <save ${p1} and ${p2} as attributes on self>\ndef ${theme.m1}(self):\n    return <formula using the self.… values>`,
            `def __init__(self, ${theme.params}):\n    <把 ${p1} 和 ${p2} 存成 self 的属性>\ndef ${theme.m1}(self):\n    return <用 self.… 的值算出的公式>`,
          ],
        ],
      });
    },
  },
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
      const cases = Array.from({ length: 4 }, () => {
        const args = theme.args();
        return { args, expected: theme.f(args) };
      });
      return fnExercise({
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
      const cases = Array.from({ length: 4 }, (_, i) => {
        const xs: Nested[] = i === 0 ? [1, [2, [3, 4]], 5] : nested(3);
        return { args: [xs], expected: theme.f(xs) };
      });
      return fnExercise({
        fn: theme.fn,
        params: 'items',
        module: 'nested',
        difficulty: 6,
        title: [`Lists inside lists: ${theme.fn}`, `列表套列表：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(items)\` that ${theme.en}.`,
          `写一个函数 \`${theme.fn}(items)\`，${theme.zh}。`,
        ],
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
      return fnExercise({
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
      const cases = Array.from({ length: 3 }, () => {
        const a = theme.data();
        return { args: [a], expected: theme.f(a) };
      });
      return fnExercise({
        fn: theme.fn,
        params: theme.params,
        module: 'ordering',
        difficulty: 5,
        title: [`Sort by a rule: ${theme.fn}`, `按规则排序：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(${theme.params})\` that ${theme.en}.`,
          `写一个函数 \`${theme.fn}(${theme.params})\`，${theme.zh}。`,
        ],
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
