/**
 * A problem found in content: which file, which line, which field, and what is wrong. Every
 * loader, validator and pack-install error reaches a person in this one shape.
 */
import { z } from 'zod';

export const ContentError = z.object({
  /** Path of the file, relative to the folder or zip that was checked (or as given). */
  file: z.string(),
  /** 1-based line in that file, when known. */
  line: z.number().int().min(1).optional(),
  /** The field, as a path: `difficulty`, `hints[2].zh`, `units[0].lessons`. */
  field: z.string().optional(),
  message: z.string(),
  /**
   * When set, the page words the problem from the catalogs (`packs.problem.<code>`, with
   * `params`); `message` is the English for the command line and the log.
   */
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ContentError = z.infer<typeof ContentError>;

/** `exercises/python/lessons/loops-1.md:7: difficulty: must be at most 10` */
export function formatContentError(error: ContentError): string {
  const where = error.line === undefined ? error.file : `${error.file}:${error.line}`;
  return error.field ? `${where}: ${error.field}: ${error.message}` : `${where}: ${error.message}`;
}

/** `hints[2].en` from `['hints', 2, 'en']`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
