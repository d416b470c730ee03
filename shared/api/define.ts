/** Building blocks for the API contract's per-area call lists (shared/api/calls/*.ts). */
import type { z } from 'zod';

export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

export function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): CallSpec<I, O> {
  return { input, output };
}

export type CallMap = Record<string, CallSpec>;
