/** Offline templates for JavaScript objects, destructuring, classes, errors, closures and async. */
import type { ExerciseTemplate, TemplateExercise } from './types.ts';
import { js, statement, text } from './build.ts';
import { jsFnExercise } from './javascript-basics.ts';

type Pair = [string, string];
const WORDS = ['apple', 'avocado', 'banana', 'blueberry', 'cherry', 'kiwi', 'mango', 'melon', 'plum', 'pear'];

/** An exercise whose Jest-style tests are written out rather than built from call cases. */
function jsCustom(opts: {
  module: string;
  imports: string;
  difficulty: number;
  title: Pair;
  task: Pair;
  example: string;
  starter: string;
  solution: string;
  specs: [string, string][];
  hints: [Pair, Pair, Pair, Pair];
}): TemplateExercise {
  const specs = opts.specs
    .map(([name, body]) => `  test('${name}', async () => {\n${body}\n  });\n`)
    .join('\n');
  return {
    title: text(...opts.title),
    body: statement(text(...opts.task), opts.example, 'javascript'),
    module: opts.module,
    difficulty: opts.difficulty,
    starter: opts.starter,
    solution: opts.solution,
    tests: `import { ${opts.imports} } from './${opts.module}';\n\ndescribe('${opts.imports}', () => {\n${specs}});\n`,
    hints: opts.hints.map(([en, zh]) => text(en, zh)) as TemplateExercise['hints'],
  };
}

export const javascriptAdvanced: ExerciseTemplate[] = [
  {
    id: 'js-objects-group',
    concept: 'objects',
    make(rng) {
      const theme = rng.pick([
        {
          fn: 'countByFirstLetter',
          body: '  const counts = {};\n  for (const w of words) counts[w[0]] = (counts[w[0]] ?? 0) + 1;\n  return counts;',
          key: (w: string) => w[0] ?? '',
          val: 'count',
          en: 'returns an object mapping each first letter to how many words start with it',
          zh: '返回一个对象：每个首字母对应以它开头的单词数量',
        },
        {
          fn: 'countByLength',
          body: '  const counts = {};\n  for (const w of words) counts[w.length] = (counts[w.length] ?? 0) + 1;\n  return counts;',
          key: (w: string) => String(w.length),
          val: 'count',
          en: 'returns an object mapping each word length to how many words have it',
          zh: '返回一个对象：每种单词长度对应有多少个单词是这个长度',
        },
      ]);
      const cases = Array.from({ length: 3 }, () => {
        const ws = rng.sample(WORDS, rng.int(2, 7));
        const out: Record<string, number> = {};
        for (const w of ws) out[theme.key(w)] = (out[theme.key(w)] ?? 0) + 1;
        return { args: [ws], expected: out };
      });
      return jsFnExercise({
        fn: theme.fn,
        params: 'words',
        module: 'tally',
        difficulty: 4,
        title: [`Tally in an object: ${theme.fn}`, `用对象计数：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(words)\` that ${theme.en}.`,
          `写一个函数 \`${theme.fn}(words)\`，${theme.zh}。`,
        ],
        solutionBody: theme.body,
        cases,
        hints: [
          [
            'You need one counter per key. Where can you keep them all?',
            '每个键都需要一个计数器。把它们都放在哪里？',
          ],
          [
            'An object maps keys to values: `counts[key]` reads or sets one; a missing key gives `undefined`.',
            '对象把键映射到值：`counts[key]` 读取或设置一个值；不存在的键得到 `undefined`。',
          ],
          [
            '`(counts[key] ?? 0) + 1` starts a new counter at 1.',
            '`(counts[key] ?? 0) + 1` 让新的计数器从 1 开始。',
          ],
          [
            '<counts starts as an empty object>\nfor (const w of words) {\n  const key = <key of w>;\n  counts[key] = (counts[key] ?? 0) + 1;\n}\nreturn counts;',
            '<counts 一开始是空对象>\nfor (const w of words) {\n  const key = <w 的键>;\n  counts[key] = (counts[key] ?? 0) + 1;\n}\nreturn counts;',
          ],
        ],
      });
    },
  },
  {
    id: 'js-objects-pick',
    concept: 'objects',
    make(rng) {
      const theme = rng.pick([
        {
          fn: 'pick',
          body: '  const out = {};\n  for (const k of keys) if (k in obj) out[k] = obj[k];\n  return out;',
          keep: true,
          en: 'returns a new object with only the listed keys that exist in `obj`',
          zh: '返回一个新对象，只包含 `obj` 中存在的、列出的那些键',
        },
        {
          fn: 'omit',
          body: '  const out = {};\n  for (const k of Object.keys(obj)) if (!keys.includes(k)) out[k] = obj[k];\n  return out;',
          keep: false,
          en: 'returns a new object with every key of `obj` except the listed ones',
          zh: '返回一个新对象，包含 `obj` 中除了列出的键以外的所有键',
        },
      ]);
      const all = ['name', 'age', 'city', 'email', 'score', 'level'];
      const cases = Array.from({ length: 3 }, () => {
        const obj = Object.fromEntries(
          rng.sample(all, 4).map((k) => [k, k === 'name' ? rng.pick(['Ada', 'Mei', 'Tom']) : rng.int(1, 99)]),
        );
        const keys = rng.sample(all, 2);
        const expected = Object.fromEntries(
          Object.entries(obj).filter(([k]) => keys.includes(k) === theme.keep),
        );
        return { args: [obj, keys], expected };
      });
      return jsFnExercise({
        fn: theme.fn,
        params: 'obj, keys',
        module: 'objects',
        difficulty: 4,
        title: [`Copy part of an object: ${theme.fn}`, `复制对象的一部分：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(obj, keys)\` that ${theme.en}. Do not change \`obj\`.`,
          `写一个函数 \`${theme.fn}(obj, keys)\`，${theme.zh}。不要修改 \`obj\`。`,
        ],
        solutionBody: theme.body,
        cases,
        hints: [
          [
            'Start from an empty object and decide, key by key, what to copy.',
            '从一个空对象开始，逐个键决定要不要复制。',
          ],
          [
            '`Object.keys(obj)` lists the keys; `k in obj` and `keys.includes(k)` test membership.',
            '`Object.keys(obj)` 列出所有键；`k in obj` 和 `keys.includes(k)` 判断是否包含。',
          ],
          ['Copy with `out[k] = obj[k]` and return `out`.', '用 `out[k] = obj[k]` 复制，然后返回 `out`。'],
          [
            '<out starts as an empty object>\nfor (const k of <which keys>) if (<copy k>) out[k] = obj[k];\nreturn out;',
            '<out 一开始是空对象>\nfor (const k of <哪些键>) if (<复制 k>) out[k] = obj[k];\nreturn out;',
          ],
        ],
      });
    },
  },
  {
    id: 'js-destructuring-objects',
    concept: 'destructuring',
    make(rng) {
      const theme = rng.pick([
        {
          fn: 'fullName',
          params: '{ first, last }',
          body: '  return `${first} ${last}`;',
          f: (p: Record<string, string>) => `${p.first} ${p.last}`,
          en: 'takes an object with `first` and `last` and returns them joined with a space',
          zh: '接收一个有 `first` 和 `last` 的对象，返回用空格连接它们的结果',
        },
        {
          fn: 'formalName',
          params: "{ first, last, title = 'Dr' }",
          body: '  return `${title} ${last}`;',
          f: (p: Record<string, string>) => `${p.title ?? 'Dr'} ${p.last}`,
          en: "takes an object with `last` and an optional `title` (default `'Dr'`) and returns `'<title> <last>'`",
          zh: "接收一个有 `last` 和可选 `title`（默认 `'Dr'`）的对象，返回 `'<title> <last>'`",
        },
      ]);
      const people: Record<string, string>[] = [
        { first: 'Ada', last: 'Lovelace' },
        { first: 'Grace', last: 'Hopper', title: 'Ms' },
        { first: 'Alan', last: 'Turing' },
        { first: 'Mei', last: 'Chen', title: 'Prof' },
      ];
      const cases = rng.sample(people, 3).map((p) => ({ args: [p], expected: theme.f(p) }));
      return jsFnExercise({
        fn: theme.fn,
        params: theme.params,
        module: 'people',
        difficulty: 3,
        title: [`Unpack an object: ${theme.fn}`, `解构对象：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}\` that ${theme.en}. Use destructuring in the parameter list.`,
          `写一个函数 \`${theme.fn}\`，${theme.zh}。在参数列表中使用解构。`,
        ],
        solutionBody: theme.body,
        cases,
        hints: [
          ['Which properties of the object does the function need?', '函数需要对象的哪些属性？'],
          [
            '`function f({ a, b }) { ... }` pulls `a` and `b` out of the object it is given; `{ a = 1 }` sets a default.',
            '`function f({ a, b }) { ... }` 会从传入的对象中取出 `a` 和 `b`；`{ a = 1 }` 设置默认值。',
          ],
          [
            'A template literal builds the text: `` `${a} ${b}` ``.',
            '模板字符串可以拼出文字：`` `${a} ${b}` ``。',
          ],
          [
            'function name({ <properties> }) {\n  return `<text with ${...}>`;\n}',
            'function name({ <属性> }) {\n  return `<带 ${...} 的文字>`;\n}',
          ],
        ],
      });
    },
  },
  {
    id: 'js-destructuring-arrays',
    concept: 'destructuring',
    make(rng) {
      const theme = rng.pick([
        {
          fn: 'headAndTail',
          body: '  const [first, ...rest] = items;\n  return { first, rest };',
          f: (a: number[]) => ({ first: a[0], rest: a.slice(1) }),
          en: 'returns `{ first, rest }`: the first item and an array of all the others',
          zh: '返回 `{ first, rest }`：第一个元素，以及其余所有元素组成的数组',
        },
        {
          fn: 'swapEnds',
          body: '  if (items.length < 2) return [...items];\n  const [first, ...middle] = items;\n  const last = middle.pop();\n  return [last, ...middle, first];',
          f: (a: number[]) => (a.length < 2 ? [...a] : [a[a.length - 1], ...a.slice(1, -1), a[0]]),
          en: 'returns a new array with the first and last items swapped',
          zh: '返回一个新数组，把第一个和最后一个元素交换',
        },
      ]);
      const cases = Array.from({ length: 4 }, (_, i) => {
        const a = rng.ints(i === 0 ? 1 : rng.int(2, 6), 1, 30);
        return { args: [a], expected: theme.f(a) };
      });
      return jsFnExercise({
        fn: theme.fn,
        params: 'items',
        module: 'unpack',
        difficulty: 4,
        title: [`Unpack an array: ${theme.fn}`, `解构数组：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(items)\` that ${theme.en}. Try array destructuring and the rest syntax \`...\`.`,
          `写一个函数 \`${theme.fn}(items)\`，${theme.zh}。试试数组解构和剩余语法 \`...\`。`,
        ],
        solutionBody: theme.body,
        cases,
        hints: [
          ['Which parts of the array do you need by name?', '你需要给数组的哪些部分起名字？'],
          [
            '`const [a, ...rest] = items;` takes the first item and collects the rest into an array.',
            '`const [a, ...rest] = items;` 取出第一个元素，把剩下的收集到一个数组里。',
          ],
          [
            'Build the answer from the named parts; spread `...` puts an array back in place.',
            '用这些有名字的部分拼出答案；展开语法 `...` 可以把数组放回原处。',
          ],
          [
            '<unpack items into first and the rest>\nreturn <built from those parts>;',
            '<把 items 解构成 first 和其余部分>\nreturn <用这些部分拼出>;',
          ],
        ],
      });
    },
  },
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
      return jsCustom({
        module: 'collections',
        imports: theme.cls,
        difficulty: 5,
        title: [`Write a class: ${theme.cls}`, `写一个类：${theme.cls}`],
        task: [
          `Write a class \`${theme.cls}\` for ${theme.en} with methods \`${theme.add}(item)\`, \`${theme.take}()\` (removes and returns an item, or \`undefined\` when empty), \`${theme.look}()\` (returns it without removing) and a \`size\` getter.`,
          `写一个表示${theme.zh}的类 \`${theme.cls}\`，有方法 \`${theme.add}(item)\`、\`${theme.take}()\`（移除并返回一个元素，空时返回 \`undefined\`）、\`${theme.look}()\`（返回它但不移除），以及一个 \`size\` getter。`,
        ],
        example: `const s = new ${theme.cls}();\ns.${theme.add}(1);\ns.${theme.add}(2);\nconsole.log(s.${theme.take}(), s.size); // ${theme.lifo ? 2 : 1} 1`,
        starter: `export class ${theme.cls} {\n  // Write your code here\n  ${theme.add}(item) {}\n  ${theme.take}() {}\n  ${theme.look}() {}\n  get size() {\n    return 0;\n  }\n}\n`,
        solution: `export class ${theme.cls} {\n  #items = [];\n  ${theme.add}(item) {\n    this.#items.push(item);\n  }\n  ${theme.take}() {\n    return this.#items.${theme.lifo ? 'pop' : 'shift'}();\n  }\n  ${theme.look}() {\n    return this.#items${theme.lifo ? '.at(-1)' : '[0]'};\n  }\n  get size() {\n    return this.#items.length;\n  }\n}\n`,
        specs: [
          [
            'starts empty',
            `    const s = new ${theme.cls}();\n    expect(s.size).toBe(0);\n    expect(s.${theme.take}()).toBeUndefined();`,
          ],
          [
            'takes items in order',
            `    const s = new ${theme.cls}();\n    s.${theme.add}(${a});\n    s.${theme.add}(${b});\n    s.${theme.add}(${c});\n    expect(s.size).toBe(3);\n    expect(s.${theme.take}()).toBe(${out});\n    expect(s.${theme.look}()).toBe(${next});\n    expect(s.size).toBe(2);`,
          ],
        ],
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
      return jsCustom({
        module: 'units',
        imports: theme.cls,
        difficulty: 4,
        title: [`A getter: ${theme.cls}`, `getter 属性：${theme.cls}`],
        task: [
          `Write a class \`${theme.cls}\`, made with \`new ${theme.cls}(${theme.field})\`, that ${theme.en}. Changing \`${theme.field}\` later changes \`${theme.getter}\` too.`,
          `写一个类 \`${theme.cls}\`，用 \`new ${theme.cls}(${theme.field})\` 创建，${theme.zh}。之后修改 \`${theme.field}\`，\`${theme.getter}\` 也会跟着变。`,
        ],
        example: `const t = new ${theme.cls}(10);\nconsole.log(t.${theme.getter}); // ${theme.f(10)}`,
        starter: `export class ${theme.cls} {\n  constructor(${theme.field}) {\n    // Write your code here\n  }\n}\n`,
        solution: `export class ${theme.cls} {\n  constructor(${theme.field}) {\n    this.${theme.field} = ${theme.field};\n  }\n  get ${theme.getter}() {\n    return ${theme.expr};\n  }\n}\n`,
        specs: [
          ['converts', `    expect(new ${theme.cls}(${x}).${theme.getter}).toBe(${js(theme.f(x))});`],
          [
            'follows changes',
            `    const t = new ${theme.cls}(${x});\n    t.${theme.field} = ${y};\n    expect(t.${theme.getter}).toBe(${js(theme.f(y))});`,
          ],
        ],
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
      return jsCustom({
        module: 'parse',
        imports: theme.fn,
        difficulty: 5,
        title: [`Throw on bad input: ${theme.fn}`, `遇到错误输入就抛出：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(text)\` that reads ${theme.en} with \`Number(text)\`. If the result is not an integer, throw a \`TypeError\`; if it is below ${theme.low} or above ${theme.high}, throw a \`RangeError\`. Otherwise return the number.`,
          `写一个函数 \`${theme.fn}(text)\`，用 \`Number(text)\` 读出${theme.zh}。如果结果不是整数，抛出 \`TypeError\`；如果小于 ${theme.low} 或大于 ${theme.high}，抛出 \`RangeError\`。否则返回这个数。`,
        ],
        example: `console.log(${theme.fn}('${good}')); // ${good}`,
        starter: `export function ${theme.fn}(text) {\n  // Write your code here\n  return Number(text);\n}\n`,
        solution: `export function ${theme.fn}(text) {\n  const n = Number(text);\n  if (!Number.isInteger(n)) throw new TypeError(\`not a whole number: \${text}\`);\n  if (n < ${theme.low} || n > ${theme.high}) throw new RangeError(\`out of range: \${n}\`);\n  return n;\n}\n`,
        specs: [
          ['reads a valid number', `    expect(${theme.fn}('${good}')).toBe(${good});`],
          [
            'refuses text',
            `    expect(() => ${theme.fn}('${rng.pick(['abc', '2.5', 'ten'])}')).toThrow(TypeError);`,
          ],
          [
            'refuses a number out of range',
            `    expect(() => ${theme.fn}('${above}')).toThrow(RangeError);\n    expect(() => ${theme.fn}('${theme.low - 1}')).toThrow(RangeError);`,
          ],
        ],
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
      return jsFnExercise({
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
  {
    id: 'js-closures-counter',
    concept: 'closures',
    make(rng) {
      const start = rng.int(0, 10);
      const step = rng.int(1, 5);
      const theme = rng.pick([
        {
          fn: 'makeCounter',
          en: `returns a function; each call of that function returns the next number, starting at \`start\` and going up by \`step\``,
          zh: '返回一个函数；每次调用这个函数都返回下一个数，从 `start` 开始，每次增加 `step`',
        },
        {
          fn: 'makeTicketMachine',
          en: 'returns a function that hands out ticket numbers: `start` first, then each one `step` higher',
          zh: '返回一个发号函数：先发 `start`，之后每次比上一个大 `step`',
        },
      ]);
      return jsCustom({
        module: 'counter',
        imports: theme.fn,
        difficulty: 5,
        title: [`Remember between calls: ${theme.fn}`, `在调用之间记住状态：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(start, step)\` that ${theme.en}. Two counters must not share their count.`,
          `写一个函数 \`${theme.fn}(start, step)\`，${theme.zh}。两个计数器不能共用计数。`,
        ],
        example: `const next = ${theme.fn}(5, 2);\nconsole.log(next(), next(), next()); // 5 7 9`,
        starter: `export function ${theme.fn}(start, step) {\n  // Write your code here\n  return () => start;\n}\n`,
        solution: `export function ${theme.fn}(start, step) {\n  let current = start - step;\n  return () => {\n    current += step;\n    return current;\n  };\n}\n`,
        specs: [
          [
            'counts up',
            `    const next = ${theme.fn}(${start}, ${step});\n    expect([next(), next(), next()]).toEqual([${start}, ${start + step}, ${start + 2 * step}]);`,
          ],
          [
            'keeps counters apart',
            `    const a = ${theme.fn}(${start}, ${step});\n    const b = ${theme.fn}(100, 1);\n    a();\n    a();\n    expect(b()).toBe(100);\n    expect(a()).toBe(${start + 2 * step});`,
          ],
        ],
        hints: [
          [
            'Where can the current number live so that it survives between calls but is private to one counter?',
            '当前的数放在哪里，才能在多次调用之间保留，又只属于一个计数器？',
          ],
          [
            'A function defined inside another function keeps access to the outer variables: a closure.',
            '定义在另一个函数里面的函数能一直访问外层的变量：这就是闭包。',
          ],
          [
            'Declare a `let` variable in the outer function and change it in the inner one.',
            '在外层函数里声明一个 `let` 变量，在内层函数里修改它。',
          ],
          [
            'let current = <before the first>;\n<return an arrow function that adds step to current, then gives current back>',
            'let current = <第一个之前的值>;\n<返回一个箭头函数：先给 current 加上 step，再返回 current>',
          ],
        ],
      });
    },
  },
  {
    id: 'js-closures-factory',
    concept: 'closures',
    make(rng) {
      const k = rng.int(2, 9);
      const theme = rng.pick([
        {
          fn: 'makeMultiplier',
          param: 'factor',
          inner: 'x * factor',
          f: (x: number, f: number) => x * f,
          en: 'returns a function that multiplies its argument by `factor`',
          zh: '返回一个函数，它把参数乘以 `factor`',
        },
        {
          fn: 'makeAdder',
          param: 'amount',
          inner: 'x + amount',
          f: (x: number, f: number) => x + f,
          en: 'returns a function that adds `amount` to its argument',
          zh: '返回一个函数，它给参数加上 `amount`',
        },
        {
          fn: 'makeLimiter',
          param: 'limit',
          inner: 'Math.min(x, limit)',
          f: (x: number, f: number) => Math.min(x, f),
          en: 'returns a function that gives back its argument, but never more than `limit`',
          zh: '返回一个函数，它返回参数本身，但不超过 `limit`',
        },
      ]);
      const xs = rng.ints(3, -5, 20);
      return jsCustom({
        module: 'factory',
        imports: theme.fn,
        difficulty: 4,
        title: [`Functions that make functions: ${theme.fn}`, `生成函数的函数：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(${theme.param})\` that ${theme.en}.`,
          `写一个函数 \`${theme.fn}(${theme.param})\`，${theme.zh}。`,
        ],
        example: `const f = ${theme.fn}(3);\nconsole.log(f(10)); // ${theme.f(10, 3)}`,
        starter: `export function ${theme.fn}(${theme.param}) {\n  // Write your code here\n}\n`,
        solution: `export function ${theme.fn}(${theme.param}) {\n  return (x) => ${theme.inner};\n}\n`,
        specs: [
          [
            'makes a working function',
            `    const f = ${theme.fn}(${k});\n    expect([${xs.join(', ')}].map(f)).toEqual(${js(xs.map((x) => theme.f(x, k)))});`,
          ],
          [
            'each function keeps its own setting',
            `    const a = ${theme.fn}(${k});\n    const b = ${theme.fn}(1);\n    expect(a(7)).toBe(${theme.f(7, k)});\n    expect(b(7)).toBe(${theme.f(7, 1)});`,
          ],
        ],
        hints: [
          [
            'The result is itself a function. What does that function need to remember?',
            '返回值本身就是一个函数。这个函数需要记住什么？',
          ],
          [
            'An arrow function `(x) => ...` written inside can use the outer parameter.',
            '写在里面的箭头函数 `(x) => ...` 可以使用外层的参数。',
          ],
          [
            `Return the inner function itself, not the result of calling it.`,
            '返回内层函数本身，而不是调用它的结果。',
          ],
          [`return (x) => <use x and ${theme.param}>;`, `return (x) => <使用 x 和 ${theme.param}>;`],
        ],
      });
    },
  },
  {
    id: 'js-async-await',
    concept: 'async',
    make(rng) {
      const k = rng.int(2, 9);
      const theme = rng.pick([
        {
          fn: 'totalAsync',
          body: '  const values = await Promise.all(promises);\n  return values.reduce((sum, v) => sum + v, 0);',
          f: (xs: number[]) => xs.reduce((a, b) => a + b, 0),
          en: 'waits for every promise in the array and returns the sum of their values',
          zh: '等待数组中的所有 promise，返回它们的值之和',
        },
        {
          fn: 'largestAsync',
          body: '  const values = await Promise.all(promises);\n  return Math.max(...values);',
          f: (xs: number[]) => Math.max(...xs),
          en: 'waits for every promise in the array and returns the largest value',
          zh: '等待数组中的所有 promise，返回其中最大的值',
        },
        {
          fn: 'scaledAsync',
          body: `  const values = await Promise.all(promises);\n  return values.map((v) => v * ${k});`,
          f: (xs: number[]) => xs.map((x) => x * k) as unknown as number,
          en: `waits for every promise in the array and returns their values, each multiplied by ${k}, in order`,
          zh: `等待数组中的所有 promise，按顺序返回它们的值，每个乘以 ${k}`,
        },
      ]);
      const xs = rng.ints(4, 1, 50);
      const delays = rng.ints(4, 1, 15);
      const promises = `[${xs.map((x, i) => `later(${x}, ${delays[i]})`).join(', ')}]`;
      return jsCustom({
        module: 'waiting',
        imports: theme.fn,
        difficulty: 6,
        title: [`Wait for promises: ${theme.fn}`, `等待 promise：${theme.fn}`],
        task: [
          `Write an \`async\` function \`${theme.fn}(promises)\` that ${theme.en}.`,
          `写一个 \`async\` 函数 \`${theme.fn}(promises)\`，${theme.zh}。`,
        ],
        example: `console.log(await ${theme.fn}([Promise.resolve(2), Promise.resolve(5)])); // ${js(theme.f([2, 5]))}`,
        starter: `export async function ${theme.fn}(promises) {\n  // Write your code here\n}\n`,
        solution: `export async function ${theme.fn}(promises) {\n${theme.body}\n}\n`,
        specs: [
          [
            'waits for all values',
            `    const later = (v, ms) => new Promise((resolve) => setTimeout(() => resolve(v), ms));\n    expect(await ${theme.fn}(${promises})).toEqual(${js(theme.f(xs))});`,
          ],
          [
            'works with resolved promises',
            `    expect(await ${theme.fn}([Promise.resolve(${k}), Promise.resolve(1)])).toEqual(${js(theme.f([k, 1]))});`,
          ],
        ],
        hints: [
          [
            'The values are not there yet when the function starts. How do you wait for all of them?',
            '函数开始时这些值还没有准备好。怎样等它们全部完成？',
          ],
          [
            '`await Promise.all(promises)` gives an array of the values, in the same order.',
            '`await Promise.all(promises)` 按相同顺序得到值的数组。',
          ],
          [
            'Once you have the array of values, it is an ordinary array problem.',
            '拿到值的数组后，就是一个普通的数组问题了。',
          ],
          [
            '<values = the array you get by awaiting Promise.all(promises)>\nreturn <combine values>;',
            '<values = await Promise.all(promises) 得到的数组>\nreturn <合并 values>;',
          ],
        ],
      });
    },
  },
  {
    id: 'js-async-retry',
    concept: 'async',
    make(rng) {
      const failures = rng.int(1, 3);
      const tries = failures + rng.int(1, 2);
      const theme = rng.pick([
        {
          fn: 'retry',
          en: 'calls the async function `task` and returns its value; when it rejects, tries again, up to `attempts` calls in total, then rejects with the last error',
          zh: '调用异步函数 `task` 并返回它的值；如果它被拒绝（reject），就再试一次，最多一共调用 `attempts` 次，之后用最后一个错误拒绝',
        },
        {
          fn: 'withRetries',
          en: 'awaits `task()`; if it throws, calls it again, at most `attempts` times in all; if every call fails, the last error is thrown',
          zh: '等待 `task()`；如果它抛出错误，就再调用一次，总共最多 `attempts` 次；如果每次都失败，就抛出最后一个错误',
        },
      ]);
      return jsCustom({
        module: 'retrying',
        imports: theme.fn,
        difficulty: 7,
        title: [`Try again: ${theme.fn}`, `再试一次：${theme.fn}`],
        task: [
          `Write an \`async\` function \`${theme.fn}(task, attempts)\` that ${theme.en}.`,
          `写一个 \`async\` 函数 \`${theme.fn}(task, attempts)\`，${theme.zh}。`,
        ],
        example: `const value = await ${theme.fn}(() => fetchScore(), 3);`,
        starter: `export async function ${theme.fn}(task, attempts) {\n  // Write your code here\n  return task();\n}\n`,
        solution: `export async function ${theme.fn}(task, attempts) {\n  let lastError;\n  for (let i = 0; i < attempts; i++) {\n    try {\n      return await task();\n    } catch (err) {\n      lastError = err;\n    }\n  }\n  throw lastError;\n}\n`,
        specs: [
          [
            `succeeds after ${failures} failure(s)`,
            `    let calls = 0;\n    const task = async () => {\n      calls++;\n      if (calls <= ${failures}) throw new Error('try ' + calls);\n      return 'ok';\n    };\n    expect(await ${theme.fn}(task, ${tries})).toBe('ok');\n    expect(calls).toBe(${failures + 1});`,
          ],
          [
            'gives up with the last error',
            `    let calls = 0;\n    const task = async () => {\n      calls++;\n      throw new Error('fail ' + calls);\n    };\n    await expect(${theme.fn}(task, ${tries})).rejects.toThrow('fail ${tries}');\n    expect(calls).toBe(${tries});`,
          ],
        ],
        hints: [
          [
            'How many times may you call `task`, and when should you stop early?',
            '最多可以调用 `task` 几次？什么时候应该提前停下？',
          ],
          [
            'Inside an `async` function, using `await` inside a `try` block turns a rejected promise into an error that `catch (err) { ... }` can handle.',
            '在 `async` 函数里，在 `try` 块中使用 `await`，被拒绝（reject）的 promise 就会变成错误，可以用 `catch (err) { ... }` 处理。',
          ],
          [
            'Put the try/catch in a loop, remember the last error, and `throw` it after the loop.',
            '把 try/catch 放进循环，记住最后一个错误，循环结束后 `throw` 它。',
          ],
          [
            'let lastError;\nfor (<attempts times>) {\n  try { <return the awaited result of task()> }\n  catch (<the error>) { <remember it in lastError> }\n}\nthrow lastError;',
            'let lastError;\nfor (<attempts 次>) {\n  try { <返回 await task() 的结果> }\n  catch (<错误>) { <把它记到 lastError 里> }\n}\nthrow lastError;',
          ],
        ],
      });
    },
  },
];
