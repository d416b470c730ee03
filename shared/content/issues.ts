/**
 * Turns zod issues into ContentErrors a person can act on: the file, the line of the offending
 * value, the field path, and a problem code with its parameters (`at-most` with the limit,
 * `unknown-field`), worded by the catalogs.
 */
import type { z } from 'zod';
import { fieldPath, type ContentError } from './errors.ts';
import { isProblemCode, knownCode, problem, type ProblemCode, type ProblemParams } from './problems.ts';

export interface Locator {
  lineOf(path: readonly PropertyKey[]): number;
}

export function issuesToErrors(
  issues: readonly z.core.$ZodIssue[],
  file: string,
  locator: Locator | undefined,
  data: unknown,
): ContentError[] {
  const errors: ContentError[] = [];
  for (const issue of issues) {
    const path = issue.path as PropertyKey[];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const full = [...path, key];
        errors.push(problem({ file, line: locator?.lineOf(full), field: fieldPath(full) }, 'unknown-field'));
      }
      continue;
    }
    const [code, params] = describeIssue(issue, valueAt(data, path));
    errors.push(
      problem(
        { file, line: locator?.lineOf(path), field: path.length ? fieldPath(path) : undefined },
        code,
        params,
      ),
    );
  }
  return errors;
}

/** zod's own English ("Too big: expected…"), as opposed to a code the schema gives. */
const DEFAULT_MESSAGE = /^(Too small|Too big|Invalid input|Invalid option|Invalid string|Invalid)\b/;

/** The problem's code (`packs.problem.<code>`) and parameters. */
function describeIssue(issue: z.core.$ZodIssue, value: unknown): [ProblemCode, ProblemParams] {
  // The schema's own problems are codes: `message` for a check, `params.problem` for a rule.
  const given = issue.code === 'custom' ? (issue.params as ProblemParams | undefined) : undefined;
  if (given && typeof given.problem === 'string' && isProblemCode(given.problem)) {
    const { problem: code, ...params } = given;
    return [code as ProblemCode, params];
  }
  if (isProblemCode(issue.message)) return [issue.message, {}];
  if (!DEFAULT_MESSAGE.test(issue.message)) return ['invalid', { detail: issue.message }];
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return ['required', {}];
      return ['wrong-type', { kind: knownCode('kind', issue.expected), ...kindOf(value) }];
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array') return ['at-most-items', { count: max }];
      if (issue.origin === 'string') return ['at-most-chars', { limit: max }];
      return [issue.inclusive === false ? 'below' : 'at-most', { limit: max }];
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array') return ['at-least-items', { count: min }];
      if (issue.origin === 'string') return min <= 1 ? ['not-empty', {}] : ['at-least-chars', { limit: min }];
      return [issue.inclusive === false ? 'above' : 'at-least', { limit: min }];
    }
    case 'invalid_value':
      return [
        'one-of',
        {
          values: issue.values.map((v) => String(v)).join(', '),
          value: JSON.stringify(value) ?? 'undefined',
        },
      ];
    default:
      return ['invalid', { detail: issue.message }];
  }
}

/** What was found instead, as a code of `packs.found` and the value it quotes. */
function kindOf(value: unknown): ProblemParams {
  if (value === null) return { found: 'null' };
  if (Array.isArray(value)) return { found: 'list' };
  if (typeof value === 'object') return { found: 'mapping' };
  if (typeof value === 'string')
    return { found: 'text', text: JSON.stringify(value.length > 30 ? value.slice(0, 30) + '…' : value) };
  if (typeof value === 'number')
    return { found: Number.isInteger(value) ? 'number' : 'decimal', number: value };
  if (typeof value === 'boolean') return { found: 'boolean', value: String(value) };
  return { found: 'other', value: `${typeof value} ${String(value)}` };
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  return node;
}
