/**
 * The trace format of the step-through visualiser, one shape for Python (recorded inside the
 * Python worker with sys.monitoring: python/harness/tracer.py) and JavaScript/TypeScript (recorded by
 * instrumented code inside the QuickJS sandbox: javascript.ts). A trace is data only: values are
 * copied out of the program as they were at each step, never referenced, and big values are cut
 * with a marker. Why it looks like this: docs/decisions/0033-step-through-visualiser.md.
 *
 * Imports neither Node nor DOM APIs, nor zod (the Node sandbox child loads this file; the schema
 * that checks a trace crossing a process boundary is schema.ts).
 */
/** Steps recorded at most; past it the program is ended and the view says so. */
export const TRACE_MAX_STEPS = 1000;
/** Characters of encoded steps at most (the size cap); past it recording ends likewise. */
export const TRACE_MAX_CHARS = 4_000_000;
/** A string value longer than this is cut (`cut: true`). */
export const TRACE_MAX_STRING = 200;
/** A list, set, dict or object with more entries than this shows the first ones and `omitted`. */
export const TRACE_MAX_ITEMS = 50;
/** Heap objects drawn per step at most; beyond it a reference points at a cut placeholder. */
export const TRACE_MAX_OBJECTS = 200;

/** What the host asks for, on top of a RunRequest (mode `run` for the program, `check` for a test). */
export interface TraceRequest {
  /** Check mode: the name of the one test whose run is recorded (as the results list names it). */
  test?: string;
  maxSteps?: number;
}

/** A value as data: a primitive's printed form, or a reference to a heap object of the step. */
export type TraceValue =
  | {
      /** The language's type name: int, float, str, bool, None / number, string, boolean, undefined… */
      type: string;
      /** As the language prints it in source form: `6`, `'hi'`, `None` / `6`, `"hi"`, `undefined`. */
      repr: string;
      /** The string was longer and is cut. */
      cut?: boolean;
    }
  | { ref: number };

export interface HeapObject {
  /** How it is drawn: a row of cells, a key→value table, an object's fields, or a label. */
  kind: 'list' | 'tuple' | 'set' | 'dict' | 'object' | 'function' | 'class' | 'other';
  /** The language's type name: list, dict, Point / Array, Map, Object, Point. */
  type: string;
  items?: TraceValue[];
  entries?: [TraceValue, TraceValue][];
  fields?: [string, TraceValue][];
  /** A function's name and parameters, a class's name, or the printed form of anything else. */
  label?: string;
  /** Entries left out past TRACE_MAX_ITEMS, or -1 when the object itself was past the per-step cap. */
  omitted?: number;
}

export interface TraceFrame {
  /** Stable for the frame's life: two steps in one call share it, a recursive call has its own. */
  id: number;
  /** Function name; `<module>` for the program's top level (drawn as "Global frame"). */
  name: string;
  line: number;
  vars: [string, TraceValue][];
}

export interface TraceStep {
  /**
   * `line`: about to run `line`. `call`: a function was entered. `return`: a function is about to
   * hand back `returned` (or a generator to yield it, `yielded`). `exception`: `line` raised.
   */
  event: 'call' | 'line' | 'return' | 'exception';
  line: number;
  /** Outermost first; the last is the frame running. */
  frames: TraceFrame[];
  /** The objects the frames reach at this step, by id; ids are stable across the whole trace. */
  heap: Record<string, HeapObject>;
  /** Characters of stdout printed before this step. */
  out: number;
  returned?: TraceValue;
  yielded?: boolean;
  exception?: { type: string; message: string };
}

export interface Trace {
  language: 'python' | 'javascript' | 'typescript';
  steps: TraceStep[];
  /** Why recording ended before the program did: the step cap or the size cap. */
  stopped?: 'steps' | 'size';
  maxSteps: number;
  /** The test recorded (check mode). */
  test?: string;
}

// --- reading a trace ---------------------------------------------------------------------------

type Lang = Trace['language'];

/** The value as the language would write it, for the sentence, the table and trace answers. */
export function formatValue(
  value: TraceValue,
  heap: Record<string, HeapObject>,
  language: Lang,
  maxChars = 120,
): string {
  const py = language === 'python';
  const seen = new Set<number>();
  const go = (v: TraceValue, depth: number): string => {
    if (!('ref' in v)) return v.cut ? `${v.repr}…` : v.repr;
    const object = heap[String(v.ref)];
    if (!object || object.omitted === -1) return '…';
    if (seen.has(v.ref) || depth > 4) return py ? '[...]' : '[Circular]';
    seen.add(v.ref);
    try {
      const more = object.omitted && object.omitted > 0 ? [py ? '...' : `... ${object.omitted} more`] : [];
      const items = () => [...(object.items ?? []).map((x) => go(x, depth + 1)), ...more].join(', ');
      switch (object.kind) {
        case 'list':
          return `[${items()}]`;
        case 'tuple':
          return (object.items?.length ?? 0) === 1 && !more.length ? `(${items()},)` : `(${items()})`;
        case 'set':
          if (py) return object.items?.length ? `{${items()}}` : 'set()';
          return `Set(${object.items?.length ?? 0}) {${object.items?.length ? ` ${items()} ` : ''}}`;
        case 'dict': {
          const pairs = [
            ...(object.entries ?? []).map(
              ([k, x]) => `${go(k, depth + 1)}${py ? ': ' : ' => '}${go(x, depth + 1)}`,
            ),
            ...more,
          ].join(', ');
          if (py) return `{${pairs}}`;
          return `Map(${object.entries?.length ?? 0}) {${pairs ? ` ${pairs} ` : ''}}`;
        }
        case 'object': {
          const fields = [
            ...(object.fields ?? []).map(([k, x]) => `${k}${py ? '=' : ': '}${go(x, depth + 1)}`),
            ...more,
          ].join(', ');
          if (py) return `${object.type}(${fields})`;
          const body = fields ? `{ ${fields} }` : '{}';
          return object.type === 'Object' ? body : `${object.type} ${body}`;
        }
        default:
          return object.label ?? object.type;
      }
    } finally {
      seen.delete(v.ref);
    }
  };
  const full = go(value, 0);
  return full.length > maxChars ? `${full.slice(0, maxChars - 1)}…` : full;
}

/** Whether two traced values are the same object (both references to one id). */
function sameRef(a: TraceValue, b: TraceValue): boolean {
  return 'ref' in a && 'ref' in b && a.ref === b.ref;
}

/** The step's plain-language description as a catalog key and its parameters. */
export interface StepDescription {
  key:
    | 'start'
    | 'call'
    | 'return'
    | 'yield'
    | 'exception'
    | 'created'
    | 'changed'
    | 'changedMany'
    | 'mutated'
    | 'printed'
    | 'finished'
    | 'line';
  params: Record<string, string | number>;
}

/**
 * What happened between the previous step and this one, in one sentence's worth of data:
 * `total` became 6, `f` was called, `f` returns 6, a ValueError was raised, the line printed.
 */
export function describeStep(trace: Trace, index: number): StepDescription {
  const step = trace.steps[index];
  if (!step) return { key: 'line', params: { line: 0 } };
  const lang = trace.language;
  const value = (v: TraceValue) => formatValue(v, step.heap, lang, 60);
  const frame = step.frames[step.frames.length - 1];
  const name = frame ? frame.name : '';
  if (step.event === 'exception' && step.exception) {
    return {
      key: 'exception',
      params: { type: step.exception.type, message: step.exception.message, line: step.line },
    };
  }
  if (step.event === 'call') {
    const args = (frame?.vars ?? []).map(([n, v]) => `${n} = ${value(v)}`).join(', ');
    return { key: 'call', params: { name, args } };
  }
  if (step.event === 'return' && step.returned) {
    if (name === '<module>') return { key: 'finished', params: {} };
    return { key: step.yielded ? 'yield' : 'return', params: { name, value: value(step.returned) } };
  }
  const prev = index > 0 ? trace.steps[index - 1] : undefined;
  if (!prev) return { key: 'start', params: { line: step.line } };
  const prevFrame = frame ? prev.frames.find((f) => f.id === frame.id) : undefined;
  if (frame && prevFrame) {
    const before = new Map(prevFrame.vars);
    const created: string[] = [];
    const changed: string[] = [];
    for (const [n, v] of frame.vars) {
      const old = before.get(n);
      if (!old) created.push(n);
      else if (sameRef(old, v)) continue;
      else if (formatValue(old, prev.heap, lang, 400) !== formatValue(v, step.heap, lang, 400))
        changed.push(n);
      else if ('ref' in old !== 'ref' in v || ('ref' in old && 'ref' in v && old.ref !== v.ref))
        changed.push(n);
    }
    const all = [...created, ...changed];
    if (all.length === 1) {
      const n = all[0] as string;
      const v = frame.vars.find(([x]) => x === n)?.[1];
      if (v) return { key: created.length ? 'created' : 'changed', params: { name: n, value: value(v) } };
    }
    if (all.length > 1) return { key: 'changedMany', params: { names: all.join(', ') } };
    // A name that still points at the same object whose contents changed (`xs.append(3)`).
    for (const [n, v] of frame.vars) {
      const old = before.get(n);
      if (old && sameRef(old, v)) {
        if (formatValue(old, prev.heap, lang, 400) !== formatValue(v, step.heap, lang, 400))
          return { key: 'mutated', params: { name: n, value: value(v) } };
      }
    }
  }
  if (step.out > prev.out) return { key: 'printed', params: { line: prev.line } };
  return { key: 'line', params: { line: prev.line } };
}

/** The variables of a frame with their printed values, for the screen-reader table. */
export function frameRows(step: TraceStep, language: Lang): { frame: string; name: string; value: string }[] {
  const rows: { frame: string; name: string; value: string }[] = [];
  for (const frame of step.frames) {
    for (const [name, v] of frame.vars) {
      rows.push({ frame: frame.name, name, value: formatValue(v, step.heap, language, 200) });
    }
  }
  return rows;
}

/**
 * The step a trace question marks: the `hit`-th time (1-based) execution reaches `line`, about
 * to run it. -1 when it never does.
 */
export function markedStep(trace: Trace, line: number, hit = 1): number {
  let seen = 0;
  for (let i = 0; i < trace.steps.length; i++) {
    const step = trace.steps[i] as TraceStep;
    if (step.event === 'line' && step.line === line && ++seen === hit) return i;
  }
  return -1;
}

/** A variable's printed value at a step, looked up from the innermost frame outwards. */
export function valueAt(trace: Trace, index: number, variable: string): string | undefined {
  const step = trace.steps[index];
  if (!step) return undefined;
  for (let f = step.frames.length - 1; f >= 0; f--) {
    const found = step.frames[f]?.vars.find(([n]) => n === variable);
    if (found) return formatValue(found[1], step.heap, trace.language, 10_000);
  }
  return undefined;
}

/**
 * Whether a learner's typed answer says the same value as the trace: spaces and the quote style
 * of strings do not matter (`'a'`, `"a"`).
 */
export function sameValue(answer: string, actual: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, '').replace(/"/g, "'");
  return norm(answer) === norm(actual);
}
