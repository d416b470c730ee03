/** Offline templates for Python exceptions and classes. */
import type { ExerciseTemplate } from './types.ts';
import { distinctInts, py, pyTestCase } from './build.ts';
import { writtenExercise } from './exercise.ts';

export const pythonErrorsClasses: Omit<ExerciseTemplate, 'difficulty'>[] = [
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
      return writtenExercise('python', {
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
        tests: pyTestCase('safe', theme.fn, [
          ...goods.map((g) => `        self.assertEqual(${call(g.args)}, ${py(g.expected)})`),
          fb === null
            ? `        self.assertIsNone(${call(bad)})`
            : `        self.assertEqual(${call(bad)}, ${py(fb)})`,
        ]),
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
      return writtenExercise('python', {
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
        tests: pyTestCase('parsing', theme.fn, [
          ...ok.map((n) => `        self.assertEqual(${call(String(n))}, ${n})`),
          `        with self.assertRaises(ValueError):\n            ${call(String(theme.high + rng.int(1, 20)))}`,
          `        with self.assertRaises(ValueError):\n            ${call(String(theme.low - rng.int(1, 20)))}`,
        ]),
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
      return writtenExercise('python', {
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
        tests: pyTestCase('bank', theme.cls, [
          `        self.assertEqual(${theme.cls}(${start}).amount, ${start})`,
          `        box = ${theme.cls}(${start})\n        box.${theme.add}(${d1})\n        self.assertTrue(box.${theme.take}(${w1}))\n        self.assertEqual(box.amount, ${start + d1 - w1})`,
          `        box = ${theme.cls}(${start})\n        self.assertFalse(box.${theme.take}(${start + d2}))\n        self.assertEqual(box.amount, ${start})`,
        ]),
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
      return writtenExercise('python', {
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
        tests: pyTestCase(
          'shapes',
          theme.cls,
          pairs.map(
            ([a, b]) =>
              `        thing = ${theme.cls}(${a}, ${b})\n        self.assertEqual(thing.${theme.m1}(), ${theme.f1(a, b)})\n        self.assertEqual(thing.${theme.m2}(), ${theme.f2(a, b)})`,
          ),
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
];
