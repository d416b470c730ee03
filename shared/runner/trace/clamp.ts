/**
 * The last cut of a recorded trace, in place, before it leaves the runner: every name and printed
 * form within the lengths the trace's schema allows (schema.ts). The recorders cut the values a
 * program makes (strings, collections), but a name can be as long as the program makes it: a
 * 2,000-character identifier, object key, attribute, class or error name, or a huge BigInt, and
 * one such text made the host refuse the whole result as malformed (and restart the runner).
 * Only lengths are looked at, so this is cheap next to recording.
 */
import { TRACE_MAX_STRING, type HeapObject, type Trace, type TraceValue } from './format.ts';

const NAME_MAX = 1000;
const TEXT_MAX = TRACE_MAX_STRING * 10;
const MESSAGE_MAX = 2000;

const cut = (text: string, max: number): string =>
  text.length > max ? `${text.slice(0, TRACE_MAX_STRING)}…` : text;

function value(v: TraceValue): void {
  if ('ref' in v) return;
  if (v.type.length > NAME_MAX) v.type = cut(v.type, NAME_MAX);
  if (v.repr.length > TEXT_MAX) {
    v.repr = cut(v.repr, TEXT_MAX);
    v.cut = true;
  }
}

function named(pairs: [string, TraceValue][]): void {
  for (const pair of pairs) {
    if (pair[0].length > NAME_MAX) pair[0] = cut(pair[0], NAME_MAX);
    value(pair[1]);
  }
}

function object(o: HeapObject): void {
  if (o.type.length > NAME_MAX) o.type = cut(o.type, NAME_MAX);
  if (o.label !== undefined && o.label.length > TEXT_MAX) o.label = cut(o.label, TEXT_MAX);
  if (o.items) for (const item of o.items) value(item);
  if (o.entries)
    for (const [k, v] of o.entries) {
      value(k);
      value(v);
    }
  if (o.fields) named(o.fields);
}

export function clampTrace(trace: Trace): Trace {
  if (trace.test !== undefined && trace.test.length > NAME_MAX) trace.test = cut(trace.test, NAME_MAX);
  for (const step of trace.steps) {
    for (const frame of step.frames) {
      if (frame.name.length > NAME_MAX) frame.name = cut(frame.name, NAME_MAX);
      named(frame.vars);
    }
    for (const key in step.heap) object(step.heap[key]!);
    if (step.returned) value(step.returned);
    if (step.exception) {
      if (step.exception.type.length > NAME_MAX) step.exception.type = cut(step.exception.type, NAME_MAX);
      if (step.exception.message.length > MESSAGE_MAX)
        step.exception.message = cut(step.exception.message, MESSAGE_MAX);
    }
  }
  return trace;
}
