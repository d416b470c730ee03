/**
 * The names every template expression can use besides its own: random draws from the seed, a few
 * helpers for building cases, and a fixed part of Math, Number, String, Object and Array. Nothing
 * here can reach the file system, the network or the process.
 */
import { distinctInts, js, py, tuple } from './build.ts';
import { checkSize } from './expression.ts';
import type { Rng } from './rng.ts';

type Fn = (...args: never[]) => unknown;

function withMembers<T extends object>(fn: Fn, members: T): Fn & T {
  return Object.assign((...args: never[]) => fn(...args), members);
}

const STATIC: [string, unknown][] = [
  [
    'Math',
    {
      floor: Math.floor,
      ceil: Math.ceil,
      round: Math.round,
      trunc: Math.trunc,
      abs: Math.abs,
      sign: Math.sign,
      sqrt: Math.sqrt,
      min: Math.min,
      max: Math.max,
    },
  ],
  ['Number', withMembers((x: never) => Number(x), { isNaN: Number.isNaN, isInteger: Number.isInteger })],
  ['String', (x: unknown) => String(x)],
  ['parseInt', (text: string, radix?: number) => parseInt(text, radix)],
  [
    'Object',
    {
      entries: Object.entries,
      fromEntries: Object.fromEntries,
      keys: Object.keys,
      values: Object.values,
    },
  ],
  [
    'Array',
    {
      isArray: Array.isArray,
      from: (spec: { length: number }, f?: (item: undefined, i: number) => unknown) => {
        checkSize(spec.length, 'Array.from');
        return Array.from({ length: spec.length }, (_, i) => (f ? f(undefined, i) : undefined));
      },
    },
  ],
  /** A Python tuple (a list in JavaScript). */
  ['tuple', tuple],
  /** A value as a Python or a JavaScript literal. */
  ['py', py],
  ['js', js],
  /** The whole numbers from `low` up to (not including) `high`. */
  [
    'range',
    (low: number, high: number) => {
      checkSize(high - low, 'range');
      return Array.from({ length: Math.max(0, high - low) }, (_, i) => low + i);
    },
  ],
  /** The items without repeats, in the order they first appear. */
  ['unique', (items: unknown[]) => [...new Set(items)]],
  /** One case per input, for functions of one parameter. */
  [
    'casesFor',
    (inputs: unknown[], expected: (input: unknown) => unknown) =>
      inputs.map((input) => ({ args: [input], expected: expected(input) })),
  ],
  /** `count` cases, each from freshly drawn arguments. */
  [
    'drawCases',
    (count: number, draw: () => unknown[], expected: (args: unknown[]) => unknown) => {
      checkSize(count, 'drawCases');
      return Array.from({ length: count }, () => {
        const args = draw();
        return { args, expected: expected(args) };
      });
    },
  ],
];

export function builtins(rng: Rng): [string, unknown][] {
  return [
    ...STATIC,
    /** A whole number from `low` to `high`, both included. */
    ['int', (low: number, high: number) => rng.int(low, high)],
    /** A number in [0, 1). */
    ['random', () => rng.next()],
    ['pick', (items: readonly unknown[]) => rng.pick(items)],
    /** `count` different items, in random order. */
    ['sample', (items: readonly unknown[], count: number) => rng.sample(items, count)],
    /** `count` whole numbers from `low` to `high` (repeats allowed). */
    [
      'ints',
      (count: number, low: number, high: number) => (checkSize(count, 'ints'), rng.ints(count, low, high)),
    ],
    /** `count` different whole numbers from `low` to `high`. */
    [
      'distinctInts',
      (count: number, low: number, high: number) => (
        checkSize(count, 'distinctInts'),
        distinctInts(rng, count, low, high)
      ),
    ],
  ];
}
