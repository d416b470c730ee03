/** Offline templates for Python lists and dictionaries. */
import type { ExerciseTemplate } from './types.ts';
import { casesFor, functionExercise } from './exercise.ts';

export const FRUITS = [
  'apple',
  'kiwi',
  'banana',
  'fig',
  'cherry',
  'plum',
  'mango',
  'pear',
  'grape',
  'lime',
  'melon',
];
const SENTENCES = [
  'the cat and the dog and the bird',
  'red fish blue fish red fish',
  'to be or not to be',
  'one two two three three three',
  'we like code and code likes us',
];

export const pythonListsDicts: Omit<ExerciseTemplate, 'difficulty'>[] = [
  {
    id: 'py-lists-filter',
    concept: 'lists',
    make(rng) {
      const limit = rng.int(5, 40);
      const theme = rng.pick([
        {
          fn: 'at_least',
          cond: `n >= ${limit}`,
          f: (n: number) => n >= limit,
          en: `only the numbers that are ${limit} or more`,
          zh: `只包含大于或等于 ${limit} 的数`,
        },
        {
          fn: 'below',
          cond: `n < ${limit}`,
          f: (n: number) => n < limit,
          en: `only the numbers below ${limit}`,
          zh: `只包含小于 ${limit} 的数`,
        },
        {
          fn: 'evens_only',
          cond: 'n % 2 == 0',
          f: (n: number) => n % 2 === 0,
          en: 'only the even numbers',
          zh: '只包含偶数',
        },
      ]);
      const cases = Array.from({ length: 4 }, (_, i) => {
        const nums = i === 3 ? [] : rng.ints(rng.int(3, 8), 0, 60);
        return { args: [nums], expected: nums.filter(theme.f) };
      });
      return functionExercise('python', {
        fn: theme.fn,
        params: 'numbers',
        module: 'filtering',
        difficulty: 3,
        title: [`Keep some items: ${theme.fn}`, `筛选列表：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(numbers)\` that returns a new list with ${theme.en}, in their original order.`,
          `写一个函数 \`${theme.fn}(numbers)\`，返回一个新列表，${theme.zh}，保持原来的顺序。`,
        ],
        solutionBody: `    result = []\n    for n in numbers:\n        if ${theme.cond}:\n            result.append(n)\n    return result`,
        cases,
        hints: [
          [
            'Start with an empty list; which numbers should end up in it?',
            '从一个空列表开始；哪些数应该放进去？',
          ],
          [
            '`result.append(x)` adds one item to the end of a list.',
            '`result.append(x)` 把一个元素加到列表末尾。',
          ],
          [
            'Loop over `numbers`, test each one, and return the new list after the loop.',
            '遍历 `numbers`，逐个判断，循环结束后返回新列表。',
          ],
          [
            'Start `result` as an empty list; go through each number in `numbers`; if it should be kept, add it to the end of `result`; after the loop, return `result`.',
            '让 `result` 从空列表开始；逐个查看 `numbers` 里的数；需要保留的就加到 `result` 末尾；循环结束后返回 `result`。',
          ],
        ],
      });
    },
  },
  {
    id: 'py-lists-rearrange',
    concept: 'lists',
    make(rng) {
      const theme = rng.pick([
        {
          fn: 'rotate_left',
          params: 'items, k',
          body: '    if not items:\n        return []\n    k = k % len(items)\n    return items[k:] + items[:k]',
          f: (a: number[], k: number) =>
            a.length ? [...a.slice(k % a.length), ...a.slice(0, k % a.length)] : [],
          en: 'moves the first `k` items to the end (k may be larger than the list)',
          zh: '把前 `k` 个元素移到末尾（k 可能比列表还长）',
        },
        {
          fn: 'rotate_right',
          params: 'items, k',
          body: '    if not items:\n        return []\n    k = k % len(items)\n    return items[len(items) - k:] + items[:len(items) - k]',
          f: (a: number[], k: number) => {
            if (!a.length) return [];
            const s = a.length - (k % a.length);
            return [...a.slice(s), ...a.slice(0, s)];
          },
          en: 'moves the last `k` items to the front (k may be larger than the list)',
          zh: '把最后 `k` 个元素移到最前面（k 可能比列表还长）',
        },
        {
          fn: 'every_kth',
          params: 'items, k',
          body: '    return items[::k]',
          f: (a: number[], k: number) => a.filter((_, i) => i % k === 0),
          en: 'returns every `k`-th item, starting with the first',
          zh: '从第一个开始，每隔 `k` 个取一个元素',
        },
      ]);
      const cases = Array.from({ length: 4 }, (_, i) => {
        const items = i === 3 ? [] : rng.ints(rng.int(4, 7), 1, 9);
        const k = rng.int(1, 9);
        return { args: [items, k], expected: theme.f(items, k) };
      });
      return functionExercise('python', {
        fn: theme.fn,
        params: theme.params,
        module: 'rearrange',
        difficulty: 4,
        title: [`Rearrange a list: ${theme.fn}`, `重新排列列表：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(items, k)\` that ${theme.en}. Return a new list.`,
          `写一个函数 \`${theme.fn}(items, k)\`，${theme.zh}。返回一个新列表。`,
        ],
        solutionBody: theme.body,
        cases,
        hints: [
          [
            'Draw the list before and after for a small example. Which positions move?',
            '画出一个小例子前后的列表。哪些位置变了？',
          ],
          [
            'Slices make pieces of a list: `items[a:b]`, and `+` joins lists; `%` keeps `k` in range.',
            '切片可以取出列表的一段：`items[a:b]`，`+` 可以连接列表；`%` 能让 `k` 不超出范围。',
          ],
          [
            'Handle the empty list first, then split the list at the right index.',
            '先处理空列表，再在正确的下标处切开列表。',
          ],
          [
            'To rotate: if the list is empty, return an empty list; otherwise shrink `k` with `%` by the length of the list, then return the second piece + the first piece. To take every k-th item, one slice with a step is enough.',
            '旋转时：如果列表为空，就返回空列表；否则用 `%` 和列表长度把 `k` 缩小，再返回“后一段 + 前一段”。每隔 k 个取一个时，一个带步长的切片就够了。',
          ],
        ],
      });
    },
  },
  {
    id: 'py-dictionaries-count',
    concept: 'dictionaries',
    make(rng) {
      const theme = rng.pick([
        {
          fn: 'word_counts',
          body: '    counts = {}\n    for word in text.split():\n        counts[word] = counts.get(word, 0) + 1\n    return counts',
          key: (w: string) => w,
          en: 'returns a dictionary mapping each word to how many times it appears',
          zh: '返回一个字典：每个单词对应它出现的次数',
        },
        {
          fn: 'first_letters',
          body: '    counts = {}\n    for word in text.split():\n        counts[word[0]] = counts.get(word[0], 0) + 1\n    return counts',
          key: (w: string) => w[0] ?? '',
          en: 'returns a dictionary mapping each first letter to how many words start with it',
          zh: '返回一个字典：每个首字母对应以它开头的单词个数',
        },
      ]);
      const count = (s: string) => {
        const out: Record<string, number> = {};
        for (const w of s.split(' ')) out[theme.key(w)] = (out[theme.key(w)] ?? 0) + 1;
        return out;
      };
      const cases = casesFor(rng.sample(SENTENCES, 3), count);
      return functionExercise('python', {
        fn: theme.fn,
        params: 'text',
        module: 'tally',
        difficulty: 4,
        title: [`Tally with a dictionary: ${theme.fn}`, `用字典计数：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(text)\` that splits \`text\` on spaces and ${theme.en}.`,
          `写一个函数 \`${theme.fn}(text)\`，按空格拆分 \`text\`，并${theme.zh}。`,
        ],
        solutionBody: theme.body,
        cases,
        hints: [
          [
            'You need one counter per key; where can you keep many counters at once?',
            '每个键都需要一个计数器；哪里能同时存很多计数器？',
          ],
          [
            'A dictionary maps keys to values; `d.get(key, 0)` reads a value with a default.',
            '字典把键映射到值；`d.get(key, 0)` 读取值，不存在时用默认值。',
          ],
          [
            'Loop over `text.split()` and increase the count for each key.',
            '遍历 `text.split()`，给每个键的计数加一。',
          ],
          [
            "Start with an empty dictionary `counts`; for each word of the split text, work out its key, then set that key's count to its old count (0 if missing) plus one; finally return `counts`.",
            '先准备一个空字典 `counts`；对拆分后的每个单词，求出它的键，再把这个键的计数设为原来的计数（没有就算 0）加一；最后返回 `counts`。',
          ],
        ],
      });
    },
  },
  {
    id: 'py-dictionaries-lookup',
    concept: 'dictionaries',
    make(rng) {
      const items = rng.sample(FRUITS, 4);
      const prices = Object.fromEntries(items.map((w) => [w, rng.int(1, 9)]));
      const theme = rng.pick([
        {
          fn: 'total_cost',
          en: 'returns the total price: for every item in `cart`, its quantity times its price',
          zh: '返回总价：`cart` 里每件商品的数量乘以它的价格，再相加',
        },
        {
          fn: 'bill',
          en: 'adds up quantity × price for every item in `cart` and returns the sum',
          zh: '把 `cart` 中每件商品的 数量 × 价格 加起来并返回',
        },
      ]);
      const cases = Array.from({ length: 3 }, () => {
        const cart = Object.fromEntries(rng.sample(items, rng.int(1, 4)).map((w) => [w, rng.int(1, 5)]));
        const total = Object.entries(cart).reduce((s, [w, q]) => s + q * (prices[w] ?? 0), 0);
        return { args: [cart, prices], expected: total };
      });
      return functionExercise('python', {
        fn: theme.fn,
        params: 'cart, prices',
        module: 'shop',
        difficulty: 4,
        title: [`Shop till: ${theme.fn}`, `收银台：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(cart, prices)\`. \`cart\` maps item names to quantities, \`prices\` maps item names to prices. It ${theme.en}.`,
          `写一个函数 \`${theme.fn}(cart, prices)\`。\`cart\` 把商品名映射到数量，\`prices\` 把商品名映射到价格。它${theme.zh}。`,
        ],
        solutionBody:
          '    total = 0\n    for item, quantity in cart.items():\n        total += quantity * prices[item]\n    return total',
        cases,
        hints: [
          [
            'For one item in the cart, how do you find what it costs?',
            '对购物车里的一件商品，你怎么知道它的价格？',
          ],
          [
            '`for key, value in d.items():` visits each pair; `prices[item]` looks a price up.',
            '`for key, value in d.items():` 访问每一对键值；`prices[item]` 可以查价格。',
          ],
          ['Keep a running total that starts at 0.', '用一个从 0 开始的累计总数。'],
          [
            'total = 0\nfor each item and its quantity in the cart:\n    total += quantity * <price of item>\nreturn total',
            'total = 0\n对购物车里的每件商品和它的数量:\n    total += quantity * <商品价格>\nreturn total',
          ],
        ],
      });
    },
  },
];
