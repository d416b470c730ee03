/**
 * The recorder the instrumented JavaScript reports to (instrument.ts), as the source of a module
 * made per run and evaluated inside the QuickJS sandbox before the learner's code: it takes the
 * host's channel from a one-shot global (and deletes it), so afterwards only this module holds
 * it, and it hands its recorder out once. Built-ins are frozen by the sandbox's lockdown before
 * this runs, so the methods it calls are the real ones.
 *
 * It reads the program's values without running the program's code: property descriptors, never
 * getters; Map/Set/Date contents through the built-in prototype methods, tried as brand checks. A
 * Proxy's traps are the exception: a trap the program wrote is refused on entry (R.e throws),
 * so its body never runs, and the Proxy is drawn as unreadable.
 */
import type { FunctionSite, StepSite } from './instrument.ts';
import { TRACE_MAX_ITEMS, TRACE_MAX_OBJECTS, TRACE_MAX_STRING } from './format.ts';

export function recorderModule(channel: string, steps: StepSite[], functions: FunctionSite[]): string {
  return `
const host = globalThis[${JSON.stringify(channel)}];
delete globalThis[${JSON.stringify(channel)}];
const SITES = ${JSON.stringify(steps.map((s) => [s.line, s.names]))};
const FUNCTIONS = ${JSON.stringify(functions.map((f) => [f.name, f.line, f.names]))};
const MAX_STRING = ${TRACE_MAX_STRING}, MAX_ITEMS = ${TRACE_MAX_ITEMS}, MAX_OBJECTS = ${TRACE_MAX_OBJECTS};
const { getOwnPropertyDescriptor, getPrototypeOf, getOwnPropertyNames } = Object;
const { isArray } = Array;
const stringify = JSON.stringify;
const fnToString = Function.prototype.toString;
const mapSize = getOwnPropertyDescriptor(Map.prototype, 'size').get;
const setSize = getOwnPropertyDescriptor(Set.prototype, 'size').get;
const mapEntries = Map.prototype.entries, setValues = Set.prototype.values;
const dateTime = Date.prototype.getTime, dateISO = Date.prototype.toISOString;
const typedLength = getOwnPropertyDescriptor(getPrototypeOf(Uint8Array.prototype), 'length').get;
const regexpSource = getOwnPropertyDescriptor(RegExp.prototype, 'source').get;
const regexpFlags = getOwnPropertyDescriptor(RegExp.prototype, 'flags').get;
const ObjectProto = Object.prototype, ErrorProto = Error.prototype;
const call = (f, self, ...args) => Reflect.apply(f, self, args);
// The sandbox's lockdown turns built-in prototypes' data properties ('name', 'constructor') into
// accessors, which the recorder does not call: their names are looked up here instead.
const builtinNames = new Map();
for (const name of ['Object', 'Array', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Date', 'RegExp', 'Promise',
  'Error', 'TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'EvalError', 'URIError', 'AggregateError',
  'ArrayBuffer', 'DataView', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array']) {
  const c = globalThis[name];
  if (typeof c === 'function' && c.prototype) builtinNames.set(c.prototype, name);
}
builtinNames.set(getPrototypeOf(function* () {}.prototype), 'Generator');
const ids = new Map();
const stack = [];
let frameSeq = 0, busy = false, stopped = false;
const moduleFrame = { id: 0, name: '<module>', line: 1, names: [], get: null, returned: false, threw: false };
let lastThrown = {};
const unreadable = {};

const data = (object, key) => {
  const d = getOwnPropertyDescriptor(object, key);
  return d && 'value' in d ? d : undefined;
};
const idOf = (object) => {
  let id = ids.get(object);
  if (id === undefined) { id = ids.size + 1; ids.set(object, id); }
  return id;
};
const brand = (getter, object) => { try { call(getter, object); return true; } catch { return false; } };
const typeName = (object) => {
  let proto;
  try { proto = getPrototypeOf(object); } catch { return 'Object'; }
  if (proto === null || proto === ObjectProto) return 'Object';
  for (let p = proto, i = 0; p && i < 10; p = getPrototypeOf(p), i++) {
    if (builtinNames.has(p)) return builtinNames.get(p);
    const c = data(p, 'constructor');
    if (c && typeof c.value === 'function') {
      const n = data(c.value, 'name');
      if (n && typeof n.value === 'string' && n.value) return n.value;
    }
  }
  return 'Object';
};
const errorName = (e) => {
  const own = data(e, 'name');
  if (own && typeof own.value === 'string') return own.value;
  return typeName(e);
};
const isError = (object) => {
  for (let p = object, i = 0; p && i < 20; p = getPrototypeOf(p), i++) if (p === ErrorProto) return true;
  return false;
};
const cutString = (s) => s.length > MAX_STRING ? { type: 'string', repr: stringify(s.slice(0, MAX_STRING)), cut: true } : { type: 'string', repr: stringify(s) };

function encode(v, queue) {
  switch (typeof v) {
    case 'number': return { type: 'number', repr: Object.is(v, -0) ? '-0' : String(v) };
    case 'string': return cutString(v);
    case 'boolean': return { type: 'boolean', repr: String(v) };
    case 'undefined': return { type: 'undefined', repr: 'undefined' };
    case 'bigint': return { type: 'bigint', repr: String(v) + 'n' };
    case 'symbol': return { type: 'symbol', repr: call(Symbol.prototype.toString, v) };
  }
  if (v === null) return { type: 'null', repr: 'null' };
  const id = idOf(v);
  queue.push([id, v]);
  return { ref: id };
}

function describeFunction(f) {
  let text = '';
  try { text = call(fnToString, f); } catch {}
  const n = data(f, 'name');
  const name = n && typeof n.value === 'string' && n.value ? n.value : 'anonymous';
  if (/^class\\b/.test(text)) return { kind: 'class', type: 'class', label: name };
  const params = /^[^(]*\\(([^)]*)\\)/.exec(text);
  const single = /^\\s*(?:async\\s+)?([A-Za-z_$][\\w$]*)\\s*=>/.exec(text);
  const list = params ? params[1].replace(/\\s+/g, ' ').trim() : single ? single[1] : '';
  return { kind: 'function', type: 'function', label: (name + '(' + list.slice(0, 80) + ')').slice(0, MAX_STRING) };
}

function describeObject(o, queue) {
  if (typeof o === 'function') return describeFunction(o);
  if (isArray(o)) {
    const length = data(o, 'length').value;
    const items = [];
    for (let i = 0; i < length && i < MAX_ITEMS; i++) {
      const d = getOwnPropertyDescriptor(o, i);
      items.push(!d ? { type: 'empty', repr: '<empty>' } : 'value' in d ? encode(d.value, queue) : { type: 'getter', repr: '[Getter]' });
    }
    return { kind: 'list', type: 'Array', items, ...(length > MAX_ITEMS ? { omitted: length - MAX_ITEMS } : {}) };
  }
  // A typed array's indices are own properties: listing them all (below) for a
  // new Uint8Array(5e6) took a second a step. Its first items are read by index instead.
  if (brand(typedLength, o)) {
    const length = call(typedLength, o), items = [];
    for (let i = 0; i < length && i < MAX_ITEMS; i++) items.push(encode(o[i], queue));
    return { kind: 'list', type: typeName(o), items, ...(length > MAX_ITEMS ? { omitted: length - MAX_ITEMS } : {}) };
  }
  if (brand(mapSize, o)) {
    const size = call(mapSize, o), entries = [];
    for (const [k, x] of call(mapEntries, o)) { if (entries.length >= MAX_ITEMS) break; entries.push([encode(k, queue), encode(x, queue)]); }
    return { kind: 'dict', type: 'Map', entries, ...(size > MAX_ITEMS ? { omitted: size - MAX_ITEMS } : {}) };
  }
  if (brand(setSize, o)) {
    const size = call(setSize, o), items = [];
    for (const x of call(setValues, o)) { if (items.length >= MAX_ITEMS) break; items.push(encode(x, queue)); }
    return { kind: 'set', type: 'Set', items, ...(size > MAX_ITEMS ? { omitted: size - MAX_ITEMS } : {}) };
  }
  if (brand(dateTime, o)) {
    let label = 'Invalid Date';
    try { label = call(dateISO, o); } catch {}
    return { kind: 'other', type: 'Date', label: 'Date ' + label };
  }
  if (o !== RegExp.prototype && brand(regexpSource, o))
    return { kind: 'other', type: 'RegExp', label: ('/' + call(regexpSource, o) + '/' + call(regexpFlags, o)).slice(0, MAX_STRING) };
  if (isError(o)) {
    const m = data(o, 'message');
    return { kind: 'other', type: errorName(o), label: errorName(o) + (m && typeof m.value === 'string' ? ': ' + m.value.slice(0, MAX_STRING) : '') };
  }
  const type = typeName(o);
  if (type === 'Promise' || type === 'Generator' || type === 'AsyncGenerator') return { kind: 'other', type, label: type };
  const fields = [];
  const keys = getOwnPropertyNames(o);
  for (const k of keys) {
    if (fields.length >= MAX_ITEMS) break;
    const d = getOwnPropertyDescriptor(o, k);
    if (!d || !d.enumerable) continue;
    fields.push([k, 'value' in d ? encode(d.value, queue) : { type: 'getter', repr: '[Getter]' }]);
  }
  return { kind: 'object', type, fields, ...(keys.length > MAX_ITEMS ? { omitted: keys.length - MAX_ITEMS } : {}) };
}

function readVars(frame, queue) {
  const vars = [];
  if (!frame.get) return vars;
  const names = frame.names;
  let all = null;
  try { all = frame.get(-1); } catch {}
  for (let i = 0; i < names.length; i++) {
    let v;
    if (all) v = all[i];
    else try { v = frame.get(i); } catch { continue; }
    vars.push([names[i], encode(v, queue)]);
  }
  return vars;
}

function record(event, line, extra) {
  if (busy || stopped) return;
  busy = true;
  try {
    const queue = [];
    const frames = [];
    for (const f of stack) frames.push({ id: f.id, name: f.name, line: f.line, vars: readVars(f, queue) });
    const step = { event, line, frames, heap: {}, out: 0 };
    if (extra && 'returned' in extra) step.returned = encode(extra.returned, queue);
    if (extra && extra.yielded) step.yielded = true;
    if (extra && extra.exception) step.exception = extra.exception;
    const seen = new Set();
    for (let i = 0; i < queue.length; i++) {
      const [id, o] = queue[i];
      if (seen.has(id)) continue;
      seen.add(id);
      if (seen.size > MAX_OBJECTS) { step.heap[id] = { kind: 'other', type: typeName(o), omitted: -1 }; continue; }
      try { step.heap[id] = describeObject(o, queue); } catch { step.heap[id] = { kind: 'other', type: 'Object', label: '?' }; }
    }
    if (!host(stringify(step))) stopped = true;
  } catch {
    // A value that could not be read (a Proxy that throws) loses its step, not the program.
  } finally {
    busy = false;
  }
}

const top = () => stack[stack.length - 1];
function bringUp(frame) {
  const at = stack.indexOf(frame);
  if (at >= 0) stack.length = at + 1;
  else stack.push(frame);
}
function exceptionOf(e) {
  if ((typeof e === 'object' && e !== null) || typeof e === 'function') {
    const m = data(e, 'message');
    return { type: errorName(e), message: m && typeof m.value === 'string' ? m.value.slice(0, 2000) : '' };
  }
  return { type: 'Uncaught', message: encode(e, []).repr || '' };
}

const R = {
  l(site, frame, get) {
    if (busy) return;
    const f = frame === 0 ? moduleFrame : frame;
    if (frame === 0) { if (stack[0] !== moduleFrame) stack.unshift(moduleFrame); stack.length = stack.indexOf(moduleFrame) + 1; }
    else bringUp(f);
    const [line, names] = SITES[site];
    f.line = line; f.names = names; f.get = get === 0 ? null : get;
    record('line', line);
  },
  e(fn, get) {
    // The program's code entered while the recorder reads a value: a Proxy's trap. Its body
    // does not run (no output, no change the program would not make in Run); the value is drawn
    // as unreadable.
    if (busy) throw unreadable;
    const [name, line, names] = FUNCTIONS[fn];
    const frame = { id: ++frameSeq, name, line, names, get: get === 0 ? null : get, returned: false, threw: false };
    // A callback run after the top level finished or while it awaits (a .then, a timer) is
    // still under the program's globals: drawn with them, its changes to them are seen.
    if (stack.length === 0 && moduleFrame.get) stack.push(moduleFrame);
    stack.push(frame);
    record('call', line);
    return frame;
  },
  r(frame, value) {
    if (!busy && !frame.returned) {
      frame.returned = true;
      bringUp(frame);
      record('return', frame.line, { returned: value });
    }
    return value;
  },
  x(frame, e) {
    if (busy) return;
    frame.threw = true;
    if (e === lastThrown) return;
    lastThrown = e;
    bringUp(frame);
    record('exception', frame.line, { exception: exceptionOf(e) });
  },
  o(frame) {
    if (busy) return;
    if (!frame.returned && !frame.threw && stack.includes(frame)) {
      bringUp(frame);
      record('return', frame.line, { returned: undefined });
    }
    const at = stack.indexOf(frame);
    if (at >= 0) stack.length = at;
  },
  p(frame, value, yielded) {
    if (busy) return value;
    const f = frame === 0 ? moduleFrame : frame;
    if (yielded && stack.includes(f)) { bringUp(f); record('return', f.line, { returned: value, yielded: true }); }
    const at = stack.indexOf(f);
    if (at >= 0) stack.length = at;
    return value;
  },
  u(frame, value) {
    if (!busy) bringUp(frame === 0 ? moduleFrame : frame);
    return value;
  },
  end(site, get) {
    if (busy) return;
    const [line, names] = SITES[site];
    stack.length = 0;
    stack.push(moduleFrame);
    if (!moduleFrame.get) moduleFrame.line = line;
    moduleFrame.names = names;
    moduleFrame.get = get === 0 ? null : get;
    record('return', moduleFrame.line, { returned: undefined });
    stack.length = 0;
  },
};
let taken = false;
export default function take() {
  if (taken) throw new Error('Cannot find module');
  taken = true;
  return R;
}
`;
}
