/** Offline templates for JavaScript objects and destructuring. */
import type { ExerciseTemplate } from './types.ts';
import { casesFor, functionExercise, writeFunction } from './exercise.ts';

const WORDS = ['apple', 'avocado', 'banana', 'blueberry', 'cherry', 'kiwi', 'mango', 'melon', 'plum', 'pear'];

export const javascriptObjects: Omit<ExerciseTemplate, 'difficulty'>[] = [
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
      return functionExercise('javascript', {
        fn: theme.fn,
        params: 'words',
        module: 'tally',
        difficulty: 4,
        title: [`Tally in an object: ${theme.fn}`, `用对象计数：${theme.fn}`],
        task: writeFunction(`${theme.fn}(words)`, theme.en, theme.zh),
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
      return functionExercise('javascript', {
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
      const cases = casesFor(rng.sample(people, 3), theme.f);
      return functionExercise('javascript', {
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
      const lists = Array.from({ length: 4 }, (_, i) => rng.ints(i === 0 ? 1 : rng.int(2, 6), 1, 30));
      const cases = casesFor(lists, theme.f);
      return functionExercise('javascript', {
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
];
