/** Offline templates for the first JavaScript concepts: values and types, strings. */
import type { ExerciseTemplate } from './types.ts';
import { casesFor, functionExercise, writeFunction } from './exercise.ts';

export const javascriptBasics: Omit<ExerciseTemplate, 'difficulty'>[] = [
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
      const cases = casesFor(rng.sample(pool, 6), theme.f);
      return functionExercise('javascript', {
        fn: theme.fn,
        params: 'value',
        module: 'kinds',
        difficulty: 2,
        title: [`What type is it? ${theme.fn}`, `这是什么类型？${theme.fn}`],
        task: writeFunction(`${theme.fn}(value)`, theme.en, theme.zh),
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
      const cases = casesFor(rng.sample(['42', '3.5', 'abc', '12px', ' 7 ', '-8', 'NaN', '1e3'], 5), theme.f);
      return functionExercise('javascript', {
        fn: theme.fn,
        params: 'text',
        module: 'convert',
        difficulty: 2,
        title: [`Text to number: ${theme.fn}`, `文字转数字：${theme.fn}`],
        task: writeFunction(`${theme.fn}(text)`, theme.en, zh),
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
      const texts = rng.sample(
        ['hello world', 'the QUICK brown fox', 'lantern lights the way', 'JavaScript is fun', 'a b c'],
        4,
      );
      const cases = casesFor(texts, theme.f);
      return functionExercise('javascript', {
        fn: theme.fn,
        params: 'text',
        module: 'words',
        difficulty: 3,
        title: [`Work with words: ${theme.fn}`, `处理单词：${theme.fn}`],
        task: writeFunction(`${theme.fn}(text)`, theme.en, theme.zh),
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
      return functionExercise('javascript', {
        fn: theme.fn,
        params: theme.params,
        module: 'checks',
        difficulty: 4,
        title: [`Inspect a string: ${theme.fn}`, `检查字符串：${theme.fn}`],
        task: writeFunction(`${theme.fn}(${theme.params})`, theme.en, theme.zh),
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
];
