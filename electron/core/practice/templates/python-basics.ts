/** Offline templates for the first Python concepts: output and variables, numbers, strings. */
import type { ExerciseTemplate } from './types.ts';
import { distinctInts, tuple } from './build.ts';
import { casesFor, drawCases, functionExercise, writeFunction } from './exercise.ts';

const NAMES = ['Ada', 'Lin', 'Omar', 'Mei', 'Sofia', 'Kenji', 'Zara', 'Tom', 'Priya', 'Leo'];
const LAST = ['Lovelace', 'Wang', 'Haddad', 'Chen', 'Rossi', 'Sato', 'Okafor', 'Baker'];
const WORDS = ['apple', 'river', 'Python', 'stone', 'garden', 'Lantern', 'pixel', 'cloud', 'tiger'];

export const pythonBasics: Omit<ExerciseTemplate, 'difficulty'>[] = [
  {
    id: 'py-output-format-line',
    concept: 'output-variables',
    make(rng) {
      const theme = rng.pick([
        { fn: 'describe_pet', a: 'name', b: 'age', en: '{name} is {age} years old', zh: '宠物介绍' },
        { fn: 'order_line', a: 'item', b: 'count', en: '{count} x {item}', zh: '订单行' },
        { fn: 'score_line', a: 'player', b: 'points', en: '{player}: {points} points', zh: '记分牌' },
        {
          fn: 'weather_report',
          a: 'city',
          b: 'degrees',
          en: 'It is {degrees} degrees in {city}',
          zh: '天气播报',
        },
      ]);
      const fill = (a: string, b: number) =>
        theme.en.replace(`{${theme.a}}`, a).replace(`{${theme.b}}`, String(b));
      const cases = rng.sample([...NAMES, ...WORDS], 3).map((a) => {
        const b = rng.int(1, 99);
        return { args: [a, b], expected: fill(a, b) };
      });
      return functionExercise('python', {
        fn: theme.fn,
        params: `${theme.a}, ${theme.b}`,
        module: 'practice',
        difficulty: 1,
        title: [`Build a line: ${theme.fn}`, `${theme.zh}：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(${theme.a}, ${theme.b})\` that **returns** the text \`${theme.en}\` with the two values put in their places.`,
          `写一个函数 \`${theme.fn}(${theme.a}, ${theme.b})\`，**返回**文字 \`${theme.en}\`，并把两个值放到对应的位置上。`,
        ],
        solutionBody: `    return f"${theme.en}"`,
        cases,
        hints: [
          [
            'Which parts of the text stay the same, and which come from the parameters?',
            '这段文字里哪些部分不变，哪些来自参数？',
          ],
          [
            'An f-string puts variables inside text: `f"{name}!"`.',
            'f-string 可以把变量放进文字里：`f"{name}!"`。',
          ],
          [
            'Check the spaces and punctuation around each value; they must match exactly.',
            '检查每个值周围的空格和标点，必须完全一致。',
          ],
          [
            `return f"... {${theme.a}} ... {${theme.b}} ..."`,
            `return f"... {${theme.a}} ... {${theme.b}} ..."`,
          ],
        ],
      });
    },
  },
  {
    id: 'py-output-names',
    concept: 'output-variables',
    make(rng) {
      const theme = rng.pick([
        {
          fn: 'initials',
          body: '    return f"{first[0]}.{last[0]}."',
          f: (a: string, b: string) => `${a[0]}.${b[0]}.`,
          en: 'the initials, like `A.L.`',
          zh: '姓名缩写，例如 `A.L.`',
        },
        {
          fn: 'username',
          body: '    return (first[:3] + last).lower()',
          f: (a: string, b: string) => (a.slice(0, 3) + b).toLowerCase(),
          en: 'a user name: the first three letters of the first name followed by the last name, all in lower case',
          zh: '一个用户名：名字的前三个字母加上姓氏，全部小写',
        },
        {
          fn: 'badge',
          body: '    return f"{last.upper()}, {first}"',
          f: (a: string, b: string) => `${b.toUpperCase()}, ${a}`,
          en: 'a badge: the last name in capitals, a comma and a space, then the first name',
          zh: '一个胸牌：大写的姓氏、一个逗号和一个空格，然后是名字',
        },
      ]);
      const cases = rng.sample(NAMES, 3).map((a, i) => {
        const b = LAST[(i + rng.int(0, LAST.length)) % LAST.length] ?? 'Baker';
        return { args: [a, b], expected: theme.f(a, b) };
      });
      return functionExercise('python', {
        fn: theme.fn,
        params: 'first, last',
        module: 'names',
        difficulty: 2,
        title: [`Names: ${theme.fn}`, `名字：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(first, last)\` that returns ${theme.en}.`,
          `写一个函数 \`${theme.fn}(first, last)\`，返回${theme.zh}。`,
        ],
        solutionBody: theme.body,
        cases,
        hints: [
          [
            'Work it out by hand for one name first: which letters do you need?',
            '先手动算一个名字：你需要哪些字母？',
          ],
          [
            'Strings can be indexed (`s[0]`), sliced (`s[:3]`) and changed with `.upper()` / `.lower()`.',
            '字符串可以用下标（`s[0]`）、切片（`s[:3]`），也可以用 `.upper()` / `.lower()` 改大小写。',
          ],
          [
            'Build the result from the pieces and compare it with the example character by character.',
            '用这些片段拼出结果，再逐个字符和示例比较。',
          ],
          [
            'return <piece of first> + <separator> + <piece of last>',
            'return <名字的片段> + <分隔符> + <姓氏的片段>',
          ],
        ],
      });
    },
  },
  {
    id: 'py-numbers-divmod',
    concept: 'numbers',
    make(rng) {
      const size = rng.int(3, 12);
      const theme = rng.pick([
        {
          fn: 'to_hours',
          p: 'minutes',
          k: 60,
          en: 'turns a number of minutes into a tuple `(hours, minutes)`',
          zh: '把分钟数变成元组 `(小时, 分钟)`',
        },
        {
          fn: 'to_minutes',
          p: 'seconds',
          k: 60,
          en: 'turns a number of seconds into a tuple `(minutes, seconds)`',
          zh: '把秒数变成元组 `(分钟, 秒)`',
        },
        {
          fn: 'pack_eggs',
          p: 'eggs',
          k: size,
          en: `packs eggs into boxes of ${size} and returns a tuple \`(full_boxes, eggs_left)\``,
          zh: `把鸡蛋装进每盒 ${size} 个的盒子，返回元组 \`(装满的盒数, 剩下的鸡蛋)\``,
        },
        {
          fn: 'share_sweets',
          p: 'sweets',
          k: size,
          en: `shares sweets among ${size} children and returns a tuple \`(each, left_over)\``,
          zh: `把糖平分给 ${size} 个孩子，返回元组 \`(每人几颗, 剩下几颗)\``,
        },
      ]);
      const cases = distinctInts(rng, 4, 0, theme.k * 9).map((n) => ({
        args: [n],
        expected: tuple(Math.floor(n / theme.k), n % theme.k),
      }));
      return functionExercise('python', {
        fn: theme.fn,
        params: theme.p,
        module: 'division',
        difficulty: 2,
        title: [`Whole parts and remainders: ${theme.fn}`, `整除与余数：${theme.fn}`],
        task: writeFunction(`${theme.fn}(${theme.p})`, theme.en, theme.zh),
        solutionBody: `    return (${theme.p} // ${theme.k}, ${theme.p} % ${theme.k})`,
        cases,
        hints: [
          ['How many whole groups fit, and how many are left over?', '能分出多少个完整的组？还剩多少？'],
          [
            '`//` gives the whole part of a division and `%` the remainder.',
            '`//` 给出除法的整数部分，`%` 给出余数。',
          ],
          [
            `Divide by ${theme.k} both ways and put the two results in a tuple.`,
            `用两种方式除以 ${theme.k}，把两个结果放进一个元组。`,
          ],
          [
            `Give back a pair: first how many whole groups of ${theme.k} fit into \`${theme.p}\` (floor division), then what is left over (the remainder).`,
            `返回一个二元组：先是 \`${theme.p}\` 里能分出多少个完整的 ${theme.k}（整除），再是剩下的部分（余数）。`,
          ],
        ],
      });
    },
  },
  {
    id: 'py-numbers-convert',
    concept: 'numbers',
    make(rng) {
      const theme = rng.pick([
        {
          fn: 'to_seconds',
          params: 'hours, minutes, seconds',
          body: '    return hours * 3600 + minutes * 60 + seconds',
          args: () => [rng.int(0, 9), rng.int(0, 59), rng.int(0, 59)],
          f: (a: number[]) => (a[0] ?? 0) * 3600 + (a[1] ?? 0) * 60 + (a[2] ?? 0),
          en: 'returns the total number of seconds',
          zh: '返回总秒数',
        },
        {
          fn: 'to_inches',
          params: 'feet, inches',
          body: '    return feet * 12 + inches',
          args: () => [rng.int(0, 8), rng.int(0, 11)],
          f: (a: number[]) => (a[0] ?? 0) * 12 + (a[1] ?? 0),
          en: 'returns the length in inches (a foot is 12 inches)',
          zh: '返回以英寸表示的长度（1 英尺等于 12 英寸）',
        },
        {
          fn: 'total_cents',
          params: 'euros, cents',
          body: '    return euros * 100 + cents',
          args: () => [rng.int(0, 50), rng.int(0, 99)],
          f: (a: number[]) => (a[0] ?? 0) * 100 + (a[1] ?? 0),
          en: 'returns the whole amount in cents',
          zh: '返回以分表示的总金额',
        },
      ]);
      const cases = drawCases(4, theme.args, theme.f);
      return functionExercise('python', {
        fn: theme.fn,
        params: theme.params,
        module: 'convert',
        difficulty: 1,
        title: [`Unit conversion: ${theme.fn}`, `单位换算：${theme.fn}`],
        task: writeFunction(`${theme.fn}(${theme.params})`, theme.en, theme.zh),
        solutionBody: theme.body,
        cases,
        hints: [
          ['How many of the small unit are in one of the big unit?', '一个大单位里有多少个小单位？'],
          [
            'Arithmetic in Python: `*` multiplies and `+` adds; multiplication happens first.',
            'Python 中 `*` 是乘，`+` 是加；先算乘法。',
          ],
          [
            'Convert each parameter to the small unit, then add them up.',
            '把每个参数都换算成小单位，再加起来。',
          ],
          ['return big * factor + small', 'return 大单位 * 倍数 + 小单位'],
        ],
      });
    },
  },
  {
    id: 'py-strings-transform',
    concept: 'strings',
    make(rng) {
      const keep = rng.int(2, 4);
      const bangs = rng.int(1, 3);
      const theme = rng.pick([
        {
          fn: 'mask',
          body: `    return "*" * (len(text) - ${keep}) + text[-${keep}:]`,
          f: (s: string) => '*'.repeat(s.length - keep) + s.slice(-keep),
          en: `hides every character except the last ${keep} behind \`*\``,
          zh: `把除最后 ${keep} 个以外的字符都换成 \`*\``,
        },
        {
          fn: 'shout',
          body: `    return text.upper() + "${'!'.repeat(bangs)}"`,
          f: (s: string) => s.toUpperCase() + '!'.repeat(bangs),
          en: `returns the text in capitals followed by ${bangs} exclamation mark(s)`,
          zh: `返回全部大写的文字，后面跟 ${bangs} 个感叹号`,
        },
        {
          fn: 'whisper',
          body: '    return text.lower() + "..."',
          f: (s: string) => s.toLowerCase() + '...',
          en: 'returns the text in lower case followed by `...`',
          zh: '返回全部小写的文字，后面跟 `...`',
        },
      ]);
      const texts = rng.sample(
        ['4111222233334444', 'Hello there', 'Secret42', 'Lantern', 'password123', 'OpenSesame'],
        3,
      );
      const cases = casesFor(texts, theme.f);
      return functionExercise('python', {
        fn: theme.fn,
        params: 'text',
        module: 'text_tools',
        difficulty: 2,
        title: [`Reshape text: ${theme.fn}`, `变换文字：${theme.fn}`],
        task: writeFunction(`${theme.fn}(text)`, theme.en, theme.zh),
        solutionBody: theme.body,
        cases,
        hints: [
          [
            'Try it on paper with a short word: what should come out?',
            '先用一个短单词在纸上试一试：结果应该是什么？',
          ],
          [
            'Strings have methods (`.upper()`, `.lower()`), slices (`s[-2:]`) and can be repeated with `*`.',
            '字符串有方法（`.upper()`、`.lower()`），可以切片（`s[-2:]`），也能用 `*` 重复。',
          ],
          ['Build the result in two parts and join them with `+`.', '把结果分成两部分，再用 `+` 连起来。'],
          ['return <changed text> + <extra part>', 'return <变换后的文字> + <额外部分>'],
        ],
      });
    },
  },
  {
    id: 'py-strings-count',
    concept: 'strings',
    make(rng) {
      const letter = rng.pick(['a', 'e', 'o', 's', 't']);
      const theme = rng.pick([
        {
          fn: 'count_vowels',
          body: '    return sum(1 for ch in text.lower() if ch in "aeiou")',
          f: (s: string) => [...s.toLowerCase()].filter((c) => 'aeiou'.includes(c)).length,
          en: 'counts the vowels (a, e, i, o, u, in either case)',
          zh: '统计元音字母（a、e、i、o、u，大小写都算）的个数',
        },
        {
          fn: 'count_letter',
          body: `    return text.lower().count("${letter}")`,
          f: (s: string) => [...s.toLowerCase()].filter((c) => c === letter).length,
          en: `counts how often the letter \`${letter}\` appears, in either case`,
          zh: `统计字母 \`${letter}\` 出现的次数，大小写都算`,
        },
        {
          fn: 'count_digits',
          body: '    return sum(1 for ch in text if ch.isdigit())',
          f: (s: string) => [...s].filter((c) => c >= '0' && c <= '9').length,
          en: 'counts the digits 0-9 in the text',
          zh: '统计文字中数字 0-9 的个数',
        },
      ]);
      const texts = rng.sample(
        [
          'Banana Split 42',
          'Total: 7 apples, 3 pears',
          'OpenAI Tests 2026',
          'Sea Otters eat 15 snails',
          'Room 101 is at the end',
          'Seven Eleven 711',
        ],
        4,
      );
      const cases = casesFor(texts, theme.f);
      return functionExercise('python', {
        fn: theme.fn,
        params: 'text',
        module: 'counting',
        difficulty: 3,
        title: [`Count characters: ${theme.fn}`, `数字符：${theme.fn}`],
        task: writeFunction(`${theme.fn}(text)`, theme.en, theme.zh),
        solutionBody: theme.body,
        cases,
        hints: [
          [
            'You need to look at every character once and keep a tally.',
            '你需要逐个查看每个字符，并记下数量。',
          ],
          [
            'A `for ch in text:` loop visits each character; a counter variable keeps the tally.',
            '`for ch in text:` 循环会访问每个字符；用一个计数变量记数。',
          ],
          [
            'Decide the test for one character first, then add 1 when it holds.',
            '先想好判断单个字符的条件，条件成立时加 1。',
          ],
          [
            'count = 0\nfor ch in text:\n    if <ch matches>:\n        count += 1\nreturn count',
            'count = 0\nfor ch in text:\n    if <ch 符合>:\n        count += 1\nreturn count',
          ],
        ],
      });
    },
  },
];
