/** Offline templates for JavaScript closures and async functions. */
import type { ExerciseTemplate } from './types.ts';
import { js, jsTestFile } from './build.ts';
import { writeFunction, writtenExercise } from './exercise.ts';

export const javascriptClosuresAsync: Omit<ExerciseTemplate, 'difficulty'>[] = [
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
      return writtenExercise('javascript', {
        module: 'counter',
        difficulty: 5,
        title: [`Remember between calls: ${theme.fn}`, `在调用之间记住状态：${theme.fn}`],
        task: [
          `Write a function \`${theme.fn}(start, step)\` that ${theme.en}. Two counters must not share their count.`,
          `写一个函数 \`${theme.fn}(start, step)\`，${theme.zh}。两个计数器不能共用计数。`,
        ],
        example: `const next = ${theme.fn}(5, 2);\nconsole.log(next(), next(), next()); // 5 7 9`,
        starter: `export function ${theme.fn}(start, step) {\n  // Write your code here\n  return () => start;\n}\n`,
        solution: `export function ${theme.fn}(start, step) {\n  let current = start - step;\n  return () => {\n    current += step;\n    return current;\n  };\n}\n`,
        tests: jsTestFile('counter', theme.fn, [
          [
            'counts up',
            `    const next = ${theme.fn}(${start}, ${step});\n    expect([next(), next(), next()]).toEqual([${start}, ${start + step}, ${start + 2 * step}]);`,
          ],
          [
            'keeps counters apart',
            `    const a = ${theme.fn}(${start}, ${step});\n    const b = ${theme.fn}(100, 1);\n    a();\n    a();\n    expect(b()).toBe(100);\n    expect(a()).toBe(${start + 2 * step});`,
          ],
        ]),
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
      return writtenExercise('javascript', {
        module: 'factory',
        difficulty: 4,
        title: [`Functions that make functions: ${theme.fn}`, `生成函数的函数：${theme.fn}`],
        task: writeFunction(`${theme.fn}(${theme.param})`, theme.en, theme.zh),
        example: `const f = ${theme.fn}(3);\nconsole.log(f(10)); // ${theme.f(10, 3)}`,
        starter: `export function ${theme.fn}(${theme.param}) {\n  // Write your code here\n}\n`,
        solution: `export function ${theme.fn}(${theme.param}) {\n  return (x) => ${theme.inner};\n}\n`,
        tests: jsTestFile('factory', theme.fn, [
          [
            'makes a working function',
            `    const f = ${theme.fn}(${k});\n    expect([${xs.join(', ')}].map(f)).toEqual(${js(xs.map((x) => theme.f(x, k)))});`,
          ],
          [
            'each function keeps its own setting',
            `    const a = ${theme.fn}(${k});\n    const b = ${theme.fn}(1);\n    expect(a(7)).toBe(${theme.f(7, k)});\n    expect(b(7)).toBe(${theme.f(7, 1)});`,
          ],
        ]),
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
      return writtenExercise('javascript', {
        module: 'waiting',
        difficulty: 6,
        title: [`Wait for promises: ${theme.fn}`, `等待 promise：${theme.fn}`],
        task: [
          `Write an \`async\` function \`${theme.fn}(promises)\` that ${theme.en}.`,
          `写一个 \`async\` 函数 \`${theme.fn}(promises)\`，${theme.zh}。`,
        ],
        example: `console.log(await ${theme.fn}([Promise.resolve(2), Promise.resolve(5)])); // ${js(theme.f([2, 5]))}`,
        starter: `export async function ${theme.fn}(promises) {\n  // Write your code here\n}\n`,
        solution: `export async function ${theme.fn}(promises) {\n${theme.body}\n}\n`,
        tests: jsTestFile('waiting', theme.fn, [
          [
            'waits for all values',
            `    const later = (v, ms) => new Promise((resolve) => setTimeout(() => resolve(v), ms));\n    expect(await ${theme.fn}(${promises})).toEqual(${js(theme.f(xs))});`,
          ],
          [
            'works with resolved promises',
            `    expect(await ${theme.fn}([Promise.resolve(${k}), Promise.resolve(1)])).toEqual(${js(theme.f([k, 1]))});`,
          ],
        ]),
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
      return writtenExercise('javascript', {
        module: 'retrying',
        difficulty: 7,
        title: [`Try again: ${theme.fn}`, `再试一次：${theme.fn}`],
        task: [
          `Write an \`async\` function \`${theme.fn}(task, attempts)\` that ${theme.en}.`,
          `写一个 \`async\` 函数 \`${theme.fn}(task, attempts)\`，${theme.zh}。`,
        ],
        example: `const value = await ${theme.fn}(() => fetchScore(), 3);`,
        starter: `export async function ${theme.fn}(task, attempts) {\n  // Write your code here\n  return task();\n}\n`,
        solution: `export async function ${theme.fn}(task, attempts) {\n  let lastError;\n  for (let i = 0; i < attempts; i++) {\n    try {\n      return await task();\n    } catch (err) {\n      lastError = err;\n    }\n  }\n  throw lastError;\n}\n`,
        tests: jsTestFile('retrying', theme.fn, [
          [
            `succeeds after ${failures} failure(s)`,
            `    let calls = 0;\n    const task = async () => {\n      calls++;\n      if (calls <= ${failures}) throw new Error('try ' + calls);\n      return 'ok';\n    };\n    expect(await ${theme.fn}(task, ${tries})).toBe('ok');\n    expect(calls).toBe(${failures + 1});`,
          ],
          [
            'gives up with the last error',
            `    let calls = 0;\n    const task = async () => {\n      calls++;\n      throw new Error('fail ' + calls);\n    };\n    await expect(${theme.fn}(task, ${tries})).rejects.toThrow('fail ${tries}');\n    expect(calls).toBe(${tries});`,
          ],
        ]),
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
