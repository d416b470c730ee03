/**
 * The trace format (format.ts) as a zod schema, for results that cross a process boundary (the
 * Node sandbox host's result check) and for tests. Kept apart from format.ts so that the sandbox
 * child, which may read only the runtimes' files, does not load zod.
 */
import { z } from 'zod';
import { TRACE_MAX_STEPS, TRACE_MAX_STRING, type Trace as TraceType } from './format.ts';

const text = (max: number) => z.string().max(max);

/** A value as data: a primitive's printed form, or a reference to a heap object of the step. */
export const TraceValue = z.union([
  z.object({
    /** The language's type name: int, float, str, bool, None / number, string, boolean, undefined… */
    type: text(1000),
    /** As the language prints it in source form: `6`, `'hi'`, `None` / `6`, `"hi"`, `undefined`. */
    repr: text(TRACE_MAX_STRING * 10),
    /** The string was longer and is cut. */
    cut: z.boolean().optional(),
  }),
  z.object({ ref: z.number().int() }),
]);

export const HeapObject = z.object({
  /** How it is drawn: a row of cells, a key→value table, an object's fields, or a label. */
  kind: z.enum(['list', 'tuple', 'set', 'dict', 'object', 'function', 'class', 'other']),
  /** The language's type name: list, dict, Point / Array, Map, Object, Point. */
  type: text(1000),
  items: z.array(TraceValue).optional(),
  entries: z.array(z.tuple([TraceValue, TraceValue])).optional(),
  fields: z.array(z.tuple([text(1000), TraceValue])).optional(),
  /** A function's name and parameters, a class's name, or the printed form of anything else. */
  label: text(TRACE_MAX_STRING * 10).optional(),
  /** Entries left out past TRACE_MAX_ITEMS, or -1 when the object itself was past the per-step cap. */
  omitted: z.number().int().optional(),
});

export const TraceFrame = z.object({
  /** Stable for the frame's life: two steps in one call share it, a recursive call has its own. */
  id: z.number().int(),
  /** Function name; `<module>` for the program's top level (drawn as "Global frame"). */
  name: text(1000),
  line: z.number().int(),
  vars: z.array(z.tuple([text(1000), TraceValue])),
});

export const TraceStep = z.object({
  /**
   * `line`: about to run `line`. `call`: a function was entered. `return`: a function is about to
   * hand back `returned` (or a generator to yield it, `yielded`). `exception`: `line` raised.
   */
  event: z.enum(['call', 'line', 'return', 'exception']),
  line: z.number().int(),
  /** Outermost first; the last is the frame running. */
  frames: z.array(TraceFrame),
  /** The objects the frames reach at this step, by id; ids are stable across the whole trace. */
  heap: z.record(z.string(), HeapObject),
  /** Characters of stdout printed before this step. */
  out: z.number().int(),
  returned: TraceValue.optional(),
  yielded: z.boolean().optional(),
  exception: z.object({ type: text(1000), message: text(2000) }).optional(),
});

export const Trace: z.ZodType<TraceType> = z.object({
  language: z.enum(['python', 'javascript', 'typescript']),
  steps: z.array(TraceStep).max(TRACE_MAX_STEPS + 1),
  /** Why recording ended before the program did: the step cap or the size cap. */
  stopped: z.enum(['steps', 'size']).optional(),
  maxSteps: z.number().int(),
  /** The test recorded (check mode). */
  test: text(1000).optional(),
});
