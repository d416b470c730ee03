/** Offline templates for JavaScript classes and errors. */
import type { ExerciseTemplate } from './types.ts';
import { js, jsTestFile } from './build.ts';
import { functionExercise, writtenExercise } from './exercise.ts';

export const javascriptClassesErrors: Omit<ExerciseTemplate, 'difficulty'>[] = [
  {
    id: 'js-classes-stack',
    concept: 'classes',
    make(rng) {
      const theme = rng.pick([
        {
          cls: 'Stack',
          add: 'push',
          take: 'pop',
          look: 'peek',
          lifo: true,
          en: 'a stack (last in, first out)',
          zh: '栈（后进先出）',
        },
        {
          cls: 'Queue',
          add: 'enqueue',
          take: 'dequeue',
          look: 'front',
          lifo: false,
          en: 'a queue (first in, first out)',
          zh: '队列（先进先出）',
        },
      ]);
      const [a, b, c] = rng.ints(3, 1, 99) as [number, number, number];
      const out = theme.lifo ? c : a;
      const next = theme.lifo ? b : b;
      return writtenExercise('javascript', {
        module: 'collections',
        difficulty: 5,
        title: [`Write a class: ${theme.cls}`, `写一个类：${theme.cls}`],
        task: [
          `Write a class \`${theme.cls}\` for ${theme.en} with methods \`${theme.add}(item)\`, \`${theme.take}()\` (removes and returns an item, or \`undefined\` when empty), \`${theme.look}()\` (returns it without removing) and a \`size\` getter.`,
          `写一个表示${theme.zh}的类 \`${theme.cls}\`，有方法 \`${theme.add}(item)\`、\`${theme.take}()\`（移除并返回一个元素，空时返回 \`undefined\`）、\`${theme.look}()\`（返回它但不移除），以及一个 \`size\` getter。`,
        ],
        example: `const s = new ${theme.cls}();\ns.${theme.add}(1);\ns.${theme.add}(2);\nconsole.log(s.${theme.take}(), s.size); // ${theme.lifo ? 2 : 1} 1`,
        starter: `export class ${theme.cls} {\n  // Write your code here\n  ${theme.add}(item) {}\n  ${theme.take}() {}\n  ${theme.look}() {}\n  get size() {\n    return 0;\n  }\n}\n`,
        solution: `export class ${theme.cls} {\n  #items = [];\n  ${theme.add}(item) {\n    this.#items.push(item);\n  }\n  ${theme.take}() {\n    return this.#items.${theme.lifo ? 'pop' : 'shift'}();\n  }\n  ${theme.look}() {\n    return this.#items${theme.lifo ? '.at(-1)' : '[0]'};\n  }\n  get size() {\n    return this.#items.length;\n  }\n}\n`,
        tests: jsTestFile('collections', theme.cls, [
          [
            'starts empty',
            `    const s = new ${theme.cls}();\n    expect(s.size).toBe(0);\n    expect(s.${theme.take}()).toBeUndefined();`,
          ],
          [
            'takes items in order',
            `    const s = new ${theme.cls}();\n    s.${theme.add}(${a});\n    s.${theme.add}(${b});\n    s.${theme.add}(${c});\n    expect(s.size).toBe(3);\n    expect(s.${theme.take}()).toBe(${out});\n    expect(s.${theme.look}()).toBe(${next});\n    expect(s.size).toBe(2);`,
          ],
        ]),
        hints: [
          [
            'The object must remember its items between calls. Where do they live?',
            '对象要在多次调用之间记住它的元素。它们存在哪里？',
          ],
          [
            'A class field like `#items = [];` gives each object its own array.',
            '像 `#items = [];` 这样的类字段让每个对象都有自己的数组。',
          ],
          [
            `Arrays already do the hard part: \`push\`, \`pop\`, \`shift\`, \`at(-1)\`. Which end does \`${theme.take}\` use?`,
            `数组已经做好了难的部分：\`push\`、\`pop\`、\`shift\`、\`at(-1)\`。\`${theme.take}\` 用哪一端？`,
          ],
          [
            `#items: a private array, empty at first\n${theme.add}: push the item onto #items\n${theme.take}: remove the item at the correct end and return it\n${theme.look}: return that same item, but leave it in place\nsize: the length of #items`,
            `#items：一个私有数组，一开始为空\n${theme.add}：把 item 放进 #items\n${theme.take}：从正确的一端移除元素并返回它\n${theme.look}：返回同一个元素，但不移除\nsize：#items 的长度`,
          ],
        ],
      });
    },
  },
  {
    id: 'js-classes-getter',
    concept: 'classes',
    make(rng) {
      const theme = rng.pick([
        {
          cls: 'Temperature',
          field: 'celsius',
          getter: 'fahrenheit',
          expr: 'this.celsius * 9 / 5 + 32',
          f: (x: number) => (x * 9) / 5 + 32,
          en: 'stores `celsius` and has a `fahrenheit` getter (°F = °C × 9 / 5 + 32)',
          zh: '保存 `celsius`，并有一个 `fahrenheit` getter（°F = °C × 9 / 5 + 32）',
        },
        {
          cls: 'Distance',
          field: 'km',
          getter: 'metres',
          expr: 'this.km * 1000',
          f: (x: number) => x * 1000,
          en: 'stores `km` and has a `metres` getter',
          zh: '保存 `km`，并有一个 `metres` getter',
        },
        {
          cls: 'Duration',
          field: 'minutes',
          getter: 'seconds',
          expr: 'this.minutes * 60',
          f: (x: number) => x * 60,
          en: 'stores `minutes` and has a `seconds` getter',
          zh: '保存 `minutes`，并有一个 `seconds` getter',
        },
      ]);
      const [x, y] = [rng.int(0, 20) * 5, rng.int(0, 20) * 5];
      return writtenExercise('javascript', {
        module: 'units',
        difficulty: 4,
        title: [`A getter: ${theme.cls}`, `getter 属性：${theme.cls}`],
        task: [
          `Write a class \`${theme.cls}\`, made with \`new ${theme.cls}(${theme.field})\`, that ${theme.en}. Changing \`${theme.field}\` later changes \`${theme.getter}\` too.`,
          `写一个类 \`${theme.cls}\`，用 \`new ${theme.cls}(${theme.field})\` 创建，${theme.zh}。之后修改 \`${theme.field}\`，\`${theme.getter}\` 也会跟着变。`,
        ],
        example: `const t = new ${theme.cls}(10);\nconsole.log(t.${theme.getter}); // ${theme.f(10)}`,
        starter: `export class ${theme.cls} {\n  constructor(${theme.field}) {\n    // Write your code here\n  }\n}\n`,
        solution: `export class ${theme.cls} {\n  constructor(${theme.field}) {\n    this.${theme.field} = ${theme.field};\n  }\n  get ${theme.getter}() {\n    return ${theme.expr};\n  }\n}\n`,
        tests: jsTestFile('units', theme.cls, [
          ['converts', `    expect(new ${theme.cls}(${x}).${theme.getter}).toBe(${js(theme.f(x))});`],
          [
            'follows changes',
            `    const t = new ${theme.cls}(${x});\n    t.${theme.field} = ${y};\n    expect(t.${theme.getter}).toBe(${js(theme.f(y))});`,
          ],
        ]),
        hints: [
          [
            'Should the converted value be stored, or worked out each time it is read?',
            '换算后的值应该存起来，还是每次读取时再算？',
          ],
          [
            '`get name() { ... }` defines a property that runs code when it is read.',
            '`get name() { ... }` 定义一个读取时会运行代码的属性。',
          ],
          [
            `Store \`${theme.field}\` on \`this\` in the constructor; compute from it in the getter.`,
            `在构造函数里把 \`${theme.field}\` 存到 \`this\` 上；在 getter 里用它计算。`,
          ],
          [
            `constructor: save the argument as this.${theme.field}\ngetter ${theme.getter}: return <formula using this.${theme.field}>`,
            `构造函数：把参数存为 this.${theme.field}\ngetter ${theme.getter}：返回 <用 this.${theme.field} 计算出的结果>`,
          ],
        ],
      });
    },
  },
  {
    id: 'js-errors-throw',
    concept: 'errors',
    make(rng) {
      const theme = rng.pick([
        { fn: 'parsePositive', low: 1, high: 1_000_000, en: 'a positive whole number', zh: '正整数' },
        { fn: 'parseRating', low: 1, high: 5, en: 'a rating from 1 to 5', zh: '1 到 5 之间的评分' },
        { fn: 'parseHour', low: 0, high: 23, en: 'an hour from 0 to 23', zh: '0 到 23 之间的小时' },
      ]);
      const good = rng.int(theme.low, Math.min(theme.high, 99));
      const above = theme.high + rng.int(1, 9);
      return writtenExercise('javascript', {
        module: 'parse',
        difficulty: 5,
        title: [`Throw on bad input: ${theme.fn}`, `遇到错误输入就抛出：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(text)\` that reads ${theme.en} with \`Number(text)\`. If the result is not an integer, throw a \`TypeError\`; if it is below ${theme.low} or above ${theme.high}, throw a \`RangeError\`. Otherwise return the number.`,
          `写一个函数 \`${theme.fn}(text)\`，用 \`Number(text)\` 读出${theme.zh}。如果结果不是整数，抛出 \`TypeError\`；如果小于 ${theme.low} 或大于 ${theme.high}，抛出 \`RangeError\`。否则返回这个数。`,
        ],
        example: `console.log(${theme.fn}('${good}')); // ${good}`,
        starter: `export function ${theme.fn}(text) {\n  // Write your code here\n  return Number(text);\n}\n`,
        solution: `export function ${theme.fn}(text) {\n  const n = Number(text);\n  if (!Number.isInteger(n)) throw new TypeError(\`not a whole number: \${text}\`);\n  if (n < ${theme.low} || n > ${theme.high}) throw new RangeError(\`out of range: \${n}\`);\n  return n;\n}\n`,
        tests: jsTestFile('parse', theme.fn, [
          ['reads a valid number', `    expect(${theme.fn}('${good}')).toBe(${good});`],
          [
            'refuses text',
            `    expect(() => ${theme.fn}('${rng.pick(['abc', '2.5', 'ten'])}')).toThrow(TypeError);`,
          ],
          [
            'refuses a number out of range',
            `    expect(() => ${theme.fn}('${above}')).toThrow(RangeError);\n    expect(() => ${theme.fn}('${theme.low - 1}')).toThrow(RangeError);`,
          ],
        ]),
        hints: [
          [
            'There are two different ways the input can be wrong. How do you tell them apart?',
            '输入有两种不同的错误方式。怎么区分它们？',
          ],
          [
            '`throw new RangeError("message")` stops the function; `Number.isInteger(n)` checks for a whole number.',
            '`throw new RangeError("说明")` 会停止函数；`Number.isInteger(n)` 判断是不是整数。',
          ],
          [
            'Check "is it a whole number" before "is it in range".',
            '先检查“是不是整数”，再检查“在不在范围内”。',
          ],
          [
            '<n = text converted with Number>\nif (<not whole>) throw new TypeError(...);\nif (<out of range>) throw new RangeError(...);\nreturn n;',
            '<n = 用 Number 转换后的 text>\nif (<不是整数>) throw new TypeError(...);\nif (<超出范围>) throw new RangeError(...);\nreturn n;',
          ],
        ],
      });
    },
  },
  {
    id: 'js-errors-catch',
    concept: 'errors',
    make(rng) {
      const fallback = rng.pick([null, 0, '{}']);
      const list = rng.ints(3, 1, 9);
      const theme = rng.pick([
        { fn: 'safeParse', en: 'parses `text` with `JSON.parse`', zh: '用 `JSON.parse` 解析 `text`' },
        {
          fn: 'readJson',
          en: 'returns the value `JSON.parse(text)` gives',
          zh: '返回 `JSON.parse(text)` 得到的值',
        },
      ]);
      return functionExercise('javascript', {
        fn: theme.fn,
        params: 'text',
        module: 'safe',
        difficulty: 4,
        title: [`Catch an error: ${theme.fn}`, `捕获错误：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(text)\` that ${theme.en}. When the text is not valid JSON, return \`${js(fallback)}\` instead of throwing.`,
          `写一个函数 \`${theme.fn}(text)\`，${theme.zh}。如果文字不是合法的 JSON，就返回 \`${js(fallback)}\`，而不是抛出错误。`,
        ],
        solutionBody: `  try {\n    return JSON.parse(text);\n  } catch {\n    return ${js(fallback)};\n  }`,
        cases: [
          { args: ['{"a": 1}'], expected: { a: 1 } },
          { args: [`[${list.join(',')}]`], expected: list },
          { args: [rng.pick(['{oops', 'not json', "{'a': 1}"])], expected: fallback },
        ],
        hints: [
          [
            'What does `JSON.parse` do with broken text? Try it.',
            '`JSON.parse` 遇到坏掉的文字会怎样？试试看。',
          ],
          [
            '`try { ... } catch { ... }` runs the second block when the first one throws.',
            '`try { ... } catch { ... }` 在第一块抛出错误时运行第二块。',
          ],
          [
            'Return the parsed value inside `try`, and the fallback inside `catch`.',
            '在 `try` 里返回解析结果，在 `catch` 里返回备用值。',
          ],
          [
            'try {\n  return <text, parsed as JSON>;\n} catch {\n  return <fallback>;\n}',
            'try {\n  return <按 JSON 解析后的 text>;\n} catch {\n  return <备用值>;\n}',
          ],
        ],
      });
    },
  },
];
