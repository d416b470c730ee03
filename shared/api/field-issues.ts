/**
 * What is wrong with one field of a file a person chose (a progress report, an enrolment), as a
 * code with the field's path and the limit it broke. The schema's own English messages stay in
 * the logs and the command line; the page words the code in the person's language.
 */
import { z } from 'zod';

export const FIELD_ISSUE_CODES = [
  'missing',
  'wrong-type',
  'too-long',
  'too-short',
  'too-many',
  'too-few',
  'too-large',
  'too-small',
  'not-allowed',
  'bad-format',
  'unknown-fields',
  'invisible-characters',
  'invalid',
] as const;

export const FieldIssue = z.object({
  /** The field's path, e.g. "tracks.0.exercises" ("" for the whole file). */
  field: z.string(),
  code: z.enum(FIELD_ISSUE_CODES),
  /** too-*: the limit; wrong-type: the kind expected; not-allowed: the values allowed; bad-format. */
  max: z.number().optional(),
  min: z.number().optional(),
  expected: z.string().optional(),
  values: z.string().optional(),
  format: z.string().optional(),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

/**
 * A refine in a schema names its issue with `params: { issue: <code> }`; any other custom check
 * is `invalid`.
 */
export const issueParams = (issue: FieldIssue['code']) => ({ params: { issue } });

const SIZED = {
  string: ['too-long', 'too-short'],
  array: ['too-many', 'too-few'],
  set: ['too-many', 'too-few'],
} as const;

/** The first `max` issues of a failed parse, as codes; `input` tells a missing field from a wrong one. */
export function fieldIssuesOf(error: z.ZodError, input: unknown, max = 3): FieldIssue[] {
  return error.issues.slice(0, max).map((i) => {
    const field = i.path.map(String).join('.');
    switch (i.code) {
      case 'invalid_type':
        return valueAt(input, i.path) === undefined
          ? { field, code: 'missing' }
          : { field, code: 'wrong-type', expected: String(i.expected) };
      case 'too_big': {
        const sized = SIZED[i.origin as keyof typeof SIZED];
        return { field, code: sized ? sized[0] : 'too-large', max: Number(i.maximum) };
      }
      case 'too_small': {
        const sized = SIZED[i.origin as keyof typeof SIZED];
        return { field, code: sized ? sized[1] : 'too-small', min: Number(i.minimum) };
      }
      case 'invalid_value':
        return { field, code: 'not-allowed', values: i.values.map((v) => JSON.stringify(v)).join(', ') };
      case 'invalid_format':
        return { field, code: 'bad-format', format: i.format };
      case 'unrecognized_keys':
        return { field, code: 'unknown-fields', values: i.keys.join(', ') };
      case 'custom': {
        const named = (i.params as { issue?: unknown } | undefined)?.issue;
        return { field, code: FIELD_ISSUE_CODES.find((c) => c === named) ?? 'invalid' };
      }
      default:
        return { field, code: 'invalid' };
    }
  });
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The line and column (1-based) where the text stops being JSON: the end, if the parser does not say. */
export function whereJsonStops(text: string, err: Error): { line: number; column: number } {
  const at = /at position (\d+)/.exec(err.message);
  const before = text.replace(/^\uFEFF/, '').slice(0, at ? Number(at[1]) : undefined);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/** An English sentence for an issue: for logs and the command line. */
export function describeFieldIssue(i: FieldIssue): string {
  const where = i.field || '(top level)';
  switch (i.code) {
    case 'missing':
      return `${where}: is missing`;
    case 'wrong-type':
      return `${where}: should be a ${i.expected ?? 'different kind of value'}`;
    case 'too-long':
      return `${where}: is longer than ${i.max} characters, the most allowed`;
    case 'too-short':
      return `${where}: is shorter than ${i.min} characters`;
    case 'too-many':
      return `${where}: has more than ${i.max} entries, the most allowed`;
    case 'too-few':
      return `${where}: has fewer than ${i.min} entries`;
    case 'too-large':
      return `${where}: is larger than ${i.max}`;
    case 'too-small':
      return `${where}: is smaller than ${i.min}`;
    case 'not-allowed':
      return `${where}: must be one of ${i.values}`;
    case 'bad-format':
      return `${where}: is not a valid ${i.format}`;
    case 'unknown-fields':
      return `${where}: has fields Lantern does not know (${i.values})`;
    case 'invisible-characters':
      return `${where}: contains invisible or control characters`;
    case 'invalid':
      return `${where}: is not valid`;
  }
}
