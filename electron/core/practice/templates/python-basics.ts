/** Offline templates for the first Python concepts: output, numbers, strings, conditions, loops, functions. */
import type { ExerciseTemplate, TemplateExercise } from './types.ts';
import { distinctInts, py, pyCallTests, pyStub, statement, text, tuple, type Case } from './build.ts';

const NAMES = ['Ada', 'Lin', 'Omar', 'Mei', 'Sofia', 'Kenji', 'Zara', 'Tom', 'Priya', 'Leo'];
const LAST = ['Lovelace', 'Wang', 'Haddad', 'Chen', 'Rossi', 'Sato', 'Okafor', 'Baker'];
const WORDS = ['apple', 'river', 'Python', 'stone', 'garden', 'Lantern', 'pixel', 'cloud', 'tiger'];
const TODO = text('Write your code here', '在这里写代码');

export function fnExercise(opts: {
  fn: string;
  params: string;
  module: string;
  difficulty: number;
  title: [string, string];
  task: [string, string];
  solutionBody: string;
  cases: Case[];
  hints: [[string, string], [string, string], [string, string], [string, string]];
}): TemplateExercise {
  const first = opts.cases[0];
  const example = first ? `${opts.fn}(${first.args.map(py).join(', ')})  # -> ${py(first.expected)}` : '';
  return {
    title: text(...opts.title),
    body: statement(text(...opts.task), example, 'python'),
    module: opts.module,
    difficulty: opts.difficulty,
    starter: pyStub(`${opts.fn}(${opts.params})`, TODO),
    solution: `def ${opts.fn}(${opts.params}):\n${opts.solutionBody}\n`,
    tests: pyCallTests(opts.module, opts.fn, opts.cases),
    hints: opts.hints.map(([en, zh]) => text(en, zh)) as TemplateExercise['hints'],
  };
}

export const pythonBasics: ExerciseTemplate[] = [
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
      return fnExercise({
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
      return fnExercise({
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
      return fnExercise({
        fn: theme.fn,
        params: theme.p,
        module: 'division',
        difficulty: 2,
        title: [`Whole parts and remainders: ${theme.fn}`, `整除与余数：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(${theme.p})\` that ${theme.en}.`,
          `写一个函数 \`${theme.fn}(${theme.p})\`，${theme.zh}。`,
        ],
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
      const cases = Array.from({ length: 4 }, () => {
        const args = theme.args();
        return { args, expected: theme.f(args) };
      });
      return fnExercise({
        fn: theme.fn,
        params: theme.params,
        module: 'convert',
        difficulty: 1,
        title: [`Unit conversion: ${theme.fn}`, `单位换算：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(${theme.params})\` that ${theme.en}.`,
          `写一个函数 \`${theme.fn}(${theme.params})\`，${theme.zh}。`,
        ],
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
      const cases = rng
        .sample(['4111222233334444', 'Hello there', 'Secret42', 'Lantern', 'password123', 'OpenSesame'], 3)
        .map((s) => ({ args: [s], expected: theme.f(s) }));
      return fnExercise({
        fn: theme.fn,
        params: 'text',
        module: 'text_tools',
        difficulty: 2,
        title: [`Reshape text: ${theme.fn}`, `变换文字：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(text)\` that ${theme.en}.`,
          `写一个函数 \`${theme.fn}(text)\`，${theme.zh}。`,
        ],
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
      const cases = rng
        .sample(
          [
            'Banana Split 42',
            'Total: 7 apples, 3 pears',
            'OpenAI Tests 2026',
            'Sea Otters eat 15 snails',
            'Room 101 is at the end',
            'Seven Eleven 711',
          ],
          4,
        )
        .map((s) => ({ args: [s], expected: theme.f(s) }));
      return fnExercise({
        fn: theme.fn,
        params: 'text',
        module: 'counting',
        difficulty: 3,
        title: [`Count characters: ${theme.fn}`, `数字符：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(text)\` that ${theme.en}.`,
          `写一个函数 \`${theme.fn}(text)\`，${theme.zh}。`,
        ],
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
  {
    id: 'py-conditionals-grade',
    concept: 'conditionals',
    make(rng) {
      const a = rng.int(85, 92);
      const b = a - rng.int(8, 12);
      const c = b - rng.int(8, 12);
      const grade = (s: number) => (s >= a ? 'A' : s >= b ? 'B' : s >= c ? 'C' : 'F');
      const scores = [a, a - 1, b, c, c - 1, rng.int(0, c - 2), 100];
      return fnExercise({
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
        cases: scores.map((s) => ({ args: [s], expected: grade(s) })),
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
      return fnExercise({
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
        cases: ages.map((x) => ({ args: [x], expected: price(x) })),
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
      const cases = distinctInts(rng, 4, k + 1, 60).map((n) => ({ args: [n], expected: theme.f(n) }));
      return fnExercise({
        fn: theme.fn,
        params: 'n',
        module: 'loops',
        difficulty: 3,
        title: [`Add up with a loop: ${theme.fn}`, `用循环累加：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(n)\` that ${theme.en}.`,
          `写一个函数 \`${theme.fn}(n)\`，${theme.zh}。`,
        ],
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
      const cases = distinctInts(rng, 4, 1, 99999).map((n) => ({ args: [n], expected: theme.f(n) }));
      return fnExercise({
        fn: theme.fn,
        params: 'n',
        module: 'digits',
        difficulty: 4,
        title: [`Digits with a loop: ${theme.fn}`, `用循环处理数字：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(n)\` that ${theme.en}.`,
          `写一个函数 \`${theme.fn}(n)\`，${theme.zh}。`,
        ],
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
      return fnExercise({
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
      const cases = Array.from({ length: 5 }, () => {
        const args = theme.args();
        return { args, expected: theme.f(args) };
      });
      return fnExercise({
        fn: theme.fn,
        params: theme.params,
        module: 'helpers',
        difficulty: 3,
        title: [`A small helper: ${theme.fn}`, `一个小工具函数：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(${theme.params})\` that ${theme.en}.`,
          `写一个函数 \`${theme.fn}(${theme.params})\`，${theme.zh}。`,
        ],
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
