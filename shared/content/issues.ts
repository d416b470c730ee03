/**
 * Turns zod issues into ContentErrors a person can act on: the file, the line of the offending
 * value, the field path, and a message in plain words ("must be at most 10", "unknown field").
 */
import type { z } from 'zod';
import { fieldPath, type ContentError } from './errors.ts';

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
        errors.push({
          file,
          line: locator?.lineOf(full),
          field: fieldPath(full),
          message: 'unknown field (check its spelling against docs/content-format.md)',
        });
      }
      continue;
    }
    errors.push({
      file,
      line: locator?.lineOf(path),
      field: path.length ? fieldPath(path) : undefined,
      message: describeIssue(issue, valueAt(data, path)),
      ...codeOf(issue),
    });
  }
  return errors;
}

/** The page's words for a number out of range (`packs.problem.<code>`); other issues keep English. */
function codeOf(issue: z.core.$ZodIssue): Pick<ContentError, 'code' | 'params'> {
  if (!DEFAULT_MESSAGE.test(issue.message)) return {};
  if (issue.code === 'too_big' && (issue.origin === 'number' || issue.origin === 'int'))
    return {
      code: issue.inclusive === false ? 'below' : 'at-most',
      params: { limit: Number(issue.maximum) },
    };
  if (issue.code === 'too_small' && (issue.origin === 'number' || issue.origin === 'int'))
    return {
      code: issue.inclusive === false ? 'above' : 'at-least',
      params: { limit: Number(issue.minimum) },
    };
  return {};
}

const DEFAULT_MESSAGE = /^(Too small|Too big|Invalid input|Invalid option|Invalid string|Invalid)\b/;

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  // A message written in the schema (e.g. 'name at least one concept') already speaks plainly.
  if (!DEFAULT_MESSAGE.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'is required';
      return `must be ${article(issue.expected)} (found ${kindOf(value)})`;
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array') return `must have at most ${max} item${max === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return `must be at most ${max} characters`;
      return issue.inclusive === false ? `must be less than ${max}` : `must be at most ${max}`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array') return `must have at least ${min} item${min === 1 ? '' : 's'}`;
      if (issue.origin === 'string')
        return min <= 1 ? 'must not be empty' : `must be at least ${min} characters`;
      return issue.inclusive === false ? `must be more than ${min}` : `must be at least ${min}`;
    }
    case 'invalid_value':
      return `must be one of: ${issue.values.map((v) => String(v)).join(', ')} (found ${JSON.stringify(value)})`;
    default:
      return issue.message;
  }
}

function article(kind: string): string {
  if (kind === 'int') return 'a whole number';
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

function kindOf(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 30 ? value.slice(0, 30) + '…' : value)}`;
  if (typeof value === 'number' && !Number.isInteger(value)) return `the decimal ${value}`;
  return `${typeof value} ${String(value)}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  return node;
}
