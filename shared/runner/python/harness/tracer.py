# The Python recorder of the step-through visualiser (joined before the running part, so its functions are harness code, the only code the audit hook lets use
# sys.monitoring and frames). `run(..., trace)` calls `_trace_run`, which compiles the learner's
# file itself, turns sys.monitoring's LINE / PY_START / PY_RETURN / PY_YIELD events on for the
# learner's code objects only (and RAISE globally, filtered to them), and records one step per
# event as plain dicts and lists (format.ts), handed to JavaScript with the run's
# outcome. The harness, unittest and library frames are never recorded.
#
# While a callback reads the program's state it calls nothing the program could have defined: no
# repr/str/len/iteration through a learner class's methods, only the built-in types' own C
# methods and the C `__dict__` descriptor. So no learner code runs inside the recorder, which runs
# with the audit hook's fast path on (`_busy`).
#
# At the step cap (or the size cap) every further event raises `_StepLimit`: a program that
# catches it is stopped again at its next line, so even `while True: try: ... except: pass`
# ends at the cap instead of running to the time limit.

# --- trace: the step-through visualiser --------------------------------------------------------

import json as _json_module
_json_loads = _json_module.loads
_mon = sys.monitoring
_EV = _mon.events
_TRACE_LOCAL_EVENTS = _EV.LINE | _EV.PY_START | _EV.PY_RETURN | _EV.PY_YIELD | _EV.JUMP
_DISABLE = _mon.DISABLE
_CodeType = types.CodeType
_GeneratorType = types.GeneratorType
_sio_tell = io.StringIO.tell
_dict_descr_type = type(type.__dict__['__dict__'])
_list_len, _list_get = list.__len__, list.__getitem__
_tuple_len, _tuple_get = tuple.__len__, tuple.__getitem__
_dict_len, _dict_items = dict.__len__, dict.items
_set_len, _set_iter, _fset_iter = set.__len__, set.__iter__, frozenset.__iter__
_type_dict = type.__dict__['__dict__'].__get__
_type_mro = type.__dict__['__mro__'].__get__
_MAX_SAFE_INT = 2 ** 53 - 1
_MemberDescriptor = types.MemberDescriptorType
_member_get = types.MemberDescriptorType.__get__

class _StepLimit(BaseException):
    pass
_StepLimit.__module__ = 'builtins'
_StepLimit.__name__ = _StepLimit.__qualname__ = 'StepLimitReached'

# The console stand-in that counts what the program printed ("output so far" of each step). Made
# in a namespace of its own: the program can reach sys.stdout, and its methods' __globals__ must
# not lead to the harness.
_TEE_SOURCE = '''
class Output:
    def __init__(self, stream):
        self._stream = stream
    def write(self, text):
        count[0] += len(text)
        return self._stream.write(text)
    def flush(self):
        return self._stream.flush()
    def isatty(self):
        return False
    def __getattr__(self, name):
        return getattr(self._stream, name)
'''
def _make_tee(stream):
    namespace = {'__name__': 'lantern_output', 'count': [0],
                 '__builtins__': {'len': len, 'getattr': getattr, '__build_class__': builtins.__build_class__}}
    exec(_TEE_SOURCE, namespace)
    return namespace['Output'](stream), namespace['Output'], namespace['count']

def _trace_codes(code, found, top=True):
    # A class body is one line of its module, as Python Tutor shows it; its methods are traced.
    if top or code.co_flags & 1:
        found.add(code)
    for const in code.co_consts:
        if type(const) is _CodeType:
            _trace_codes(const, found, False)
    return found

# Objects the trace keeps alive, in bytes at most (their own size, not what they hold): past it
# recording stops at the size cap. Without it `for i in range(300): x = [0] * 1000000` ran out of
# memory when visualised (every list kept) though it runs in 20 MB.
TRACE_MAX_KEPT_BYTES = 128 * 1024 * 1024
_getsizeof = sys.getsizeof

def _trace_kept_size(obj):
    t = type(obj)
    # Exact built-in types only: their __sizeof__ is C; a class's own could run learner code.
    if t is list or t is dict or t is set or t is tuple or t is frozenset or t is bytearray:
        return _getsizeof(obj)
    return 64

def _trace_new_id(T, obj):
    key = id(obj)
    oid = T['obj_ids'].get(key)
    if oid is None:
        oid = len(T['objs']) + 1
        T['obj_ids'][key] = oid
        # Kept alive for the trace's life so that an id is never reused for another object.
        T['objs'].append(obj)
        T['kept'] += _trace_kept_size(obj)
        if T['kept'] > TRACE_MAX_KEPT_BYTES:
            T['stopped'] = 'size'
            raise _StepLimit()
    return oid

def _trace_value(v, T, queue, seen):
    t = type(v)
    T['values'] += 30
    if t is int or t is bool or t is float or t is complex or v is None:
        try:
            r = repr(v)
        except ValueError:
            r = '<an int too big to print>'
        if len(r) > TRACE_MAX_STRING:
            return {'type': _type_name(t), 'repr': r[:TRACE_MAX_STRING], 'cut': True}
        return {'type': 'None' if v is None else _type_name(t), 'repr': r}
    if t is str or t is bytes:
        if len(v) > TRACE_MAX_STRING:
            T['values'] += TRACE_MAX_STRING
            return {'type': _type_name(t), 'repr': repr(v[:TRACE_MAX_STRING]), 'cut': True}
        T['values'] += len(v)
        return {'type': _type_name(t), 'repr': repr(v)}
    oid = _trace_new_id(T, v)
    if oid not in seen:
        seen.add(oid)
        queue.append((oid, v))
    return {'ref': oid}

def _trace_instance_dict(obj, t):
    for klass in _type_mro(t):
        descr = _type_dict(klass).get('__dict__')
        if descr is not None:
            if type(descr) is not _dict_descr_type:
                return None
            d = descr.__get__(obj, t)
            return d if type(d) is dict else None
    return None

def _trace_object(obj, T, queue, seen):
    t = type(obj)
    def val(x):
        return _trace_value(x, T, queue, seen)
    name = _type_name(t)
    if issubclass(t, list) or issubclass(t, tuple):
        is_list = issubclass(t, list)
        size = (_list_len if is_list else _tuple_len)(obj)
        part = (_list_get if is_list else _tuple_get)(obj, slice(0, TRACE_MAX_ITEMS))
        out = {'kind': 'list' if is_list else 'tuple', 'type': name, 'items': [val(x) for x in part]}
        if size > TRACE_MAX_ITEMS:
            out['omitted'] = size - TRACE_MAX_ITEMS
        return out
    if issubclass(t, dict):
        entries = []
        for k, x in _dict_items(obj):
            if len(entries) >= TRACE_MAX_ITEMS:
                break
            entries.append([val(k), val(x)])
        out = {'kind': 'dict', 'type': name, 'entries': entries}
        if _dict_len(obj) > TRACE_MAX_ITEMS:
            out['omitted'] = _dict_len(obj) - TRACE_MAX_ITEMS
        return out
    if issubclass(t, set) or issubclass(t, frozenset):
        items = []
        for x in (_set_iter if issubclass(t, set) else _fset_iter)(obj):
            if len(items) >= TRACE_MAX_ITEMS:
                break
            items.append(val(x))
        size = (set.__len__ if issubclass(t, set) else frozenset.__len__)(obj)
        out = {'kind': 'set', 'type': name, 'items': items}
        if size > TRACE_MAX_ITEMS:
            out['omitted'] = size - TRACE_MAX_ITEMS
        return out
    if t is _FunctionType:
        code = _FunctionType.__dict__['__code__'].__get__(obj)
        params = code.co_varnames[:code.co_argcount + code.co_kwonlyargcount]
        fname = _FunctionType.__dict__['__name__'].__get__(obj)
        return {'kind': 'function', 'type': 'function', 'label': (fname + '(' + ', '.join(params) + ')')[:TRACE_MAX_STRING]}
    if t is _GeneratorType:
        return {'kind': 'other', 'type': 'generator', 'label': 'generator ' + obj.gi_code.co_name}
    if t is range:
        return {'kind': 'other', 'type': 'range', 'label': repr(obj)}
    if issubclass(t, type):
        fields = []
        for k, x in list(_type_dict(obj).items()):
            if type(k) is str and not k.startswith('__') and len(fields) < TRACE_MAX_ITEMS:
                fields.append([k, val(x)])
        return {'kind': 'class', 'type': 'class', 'label': _type_name(obj), 'fields': fields}
    if t is _ModuleType:
        return {'kind': 'other', 'type': 'module', 'label': 'module'}
    if issubclass(t, BaseException):
        args = _args_get(obj)
        message = args[0] if len(args) == 1 and type(args[0]) is str else ''
        return {'kind': 'other', 'type': name, 'label': name + ('(' + repr(message[:TRACE_MAX_STRING]) + ')' if message else '()')}
    d = _trace_instance_dict(obj, t)
    if d is not None:
        fields = []
        for k, x in _dict_items(d):
            if len(fields) >= TRACE_MAX_ITEMS:
                break
            if type(k) is str:
                fields.append([k, val(x)])
        out = {'kind': 'object', 'type': name, 'fields': fields}
        if _dict_len(d) > TRACE_MAX_ITEMS:
            out['omitted'] = _dict_len(d) - TRACE_MAX_ITEMS
        return out
    # A class with __slots__ and no __dict__ (dataclass(slots=True) too): its attributes are
    # member descriptors, read through their C __get__, so no learner code runs.
    fields = []
    for klass in _type_mro(t):
        for k, descr in list(_type_dict(klass).items()):
            if type(descr) is _MemberDescriptor and type(k) is str and len(fields) < TRACE_MAX_ITEMS:
                try:
                    fields.append([k, val(_member_get(descr, obj, t))])
                except (AttributeError, TypeError):
                    pass
    if fields:
        return {'kind': 'object', 'type': name, 'fields': fields}
    return {'kind': 'other', 'type': name, 'label': name}

def _trace_record(T, event, frame, line, returned=None, has_returned=False, yielded=False, exception=None):
    if T['stopped']:
        raise _StepLimit()
    if len(T['steps']) >= T['max']:
        T['stopped'] = 'steps'
        raise _StepLimit()
    codes = T['codes']
    stack = []
    f = frame
    while f is not None:
        if f.f_code in codes:
            stack.append(f)
        f = f.f_back
    stack.reverse()
    queue = []
    seen = set()
    frames = []
    for fr in stack:
        key = id(fr)
        fid = T['frame_ids'].get(key)
        if fid is None:
            fid = len(T['frames']) + 1
            T['frame_ids'][key] = fid
            T['frames'].append(fr)
        top = fr.f_code is T['module_code']
        names = []
        for k, x in list(fr.f_locals.items()):
            if type(k) is not str:
                continue
            if top and (k.startswith('__') or type(x) is _ModuleType):
                continue
            names.append([k, _trace_value(x, T, queue, seen)])
        frames.append({'id': fid, 'name': fr.f_code.co_name, 'line': line if fr is frame else fr.f_lineno, 'vars': names})
    step = {'event': event, 'line': line, 'frames': frames, 'heap': None, 'out': T['out']()}
    if has_returned:
        step['returned'] = _trace_value(returned, T, queue, seen)
    if yielded:
        step['yielded'] = True
    if exception is not None:
        step['exception'] = exception
    heap = {}
    i = 0
    while i < len(queue):
        oid, obj = queue[i]
        i += 1
        if len(heap) >= TRACE_MAX_OBJECTS:
            heap[str(oid)] = {'kind': 'other', 'type': _type_name(type(obj)), 'omitted': -1}
        else:
            heap[str(oid)] = _trace_object(obj, T, queue, seen)
    step['heap'] = heap
    # The size cap counts characters as the step would be written in JSON, estimated from what
    # was encoded (json.dumps per step would cost more than recording it).
    T['chars'] += 120 + 60 * len(seen) + 40 * len(frames) + T['values']
    T['values'] = 0
    if T['chars'] > TRACE_MAX_CHARS:
        T['stopped'] = 'size'
        raise _StepLimit()
    T['steps'].append(step)

def _offset_line(code, offset):
    for start, end, line in code.co_lines():
        if start <= offset < end:
            return line
    return None

def _trace_callbacks(T):
    codes = T['codes']
    same_line = T['same_line_jumps']
    def on_line(code, line):
        if not T['active'] or code not in codes:
            return
        T['lined'] = True
        _busy[0] = True
        try:
            _trace_record(T, 'line', _getframe(1), line)
        finally:
            _busy[0] = False
    def on_start(code, offset):
        if not T['active'] or code is T['module_code'] or code not in codes:
            return
        _busy[0] = True
        try:
            frame = _getframe(1)
            _trace_record(T, 'call', frame, frame.f_lineno or code.co_firstlineno)
        finally:
            _busy[0] = False
    def on_return(code, offset, value, yielded=False, depth=1):
        if not T['active'] or code not in codes:
            return
        _busy[0] = True
        try:
            frame = _getframe(depth)
            _trace_record(T, 'return', frame, frame.f_lineno or code.co_firstlineno, value, True, yielded)
        finally:
            _busy[0] = False
    # sys.monitoring reports LINE only when the line changes, so a loop on one line
    # (`while True: pass`, a jump to itself; `for _ in it: pass`) would run
    # with no step at all, to the time limit instead of the step cap. Such a loop's jump back to
    # its own line is a step, as sys.settrace reports it, when no LINE came since the last one;
    # every other jump is switched off where it is (DISABLE), so costs nothing after its first.
    def on_jump(code, offset, destination):
        if not T['active'] or code not in codes:
            return None
        key = (code, offset)
        line = same_line.get(key)
        if line is None:
            _busy[0] = True
            try:
                here = _offset_line(code, offset)
                if destination > offset or here is None or here != _offset_line(code, destination):
                    return _DISABLE
                same_line[key] = line = here
            finally:
                _busy[0] = False
        if T['lined']:
            T['lined'] = False
            return None
        _busy[0] = True
        try:
            _trace_record(T, 'line', _getframe(1), line)
        finally:
            _busy[0] = False
        return None
    def on_yield(code, offset, value):
        # Two frames up: on_return's caller is this callback, not the generator (whose line the
        # step would otherwise take from here, a line of the harness).
        on_return(code, offset, value, True, 2)
    def on_raise(code, offset, exc):
        if not T['active'] or T['stopped'] or code not in codes or type(exc) is _StepLimit:
            return
        _busy[0] = True
        try:
            et = type(exc)
            args = _args_get(exc)
            message = args[0] if len(args) == 1 and type(args[0]) is str else ''
            frame = _getframe(1)
            _trace_record(T, 'exception', frame, frame.f_lineno or code.co_firstlineno,
                          exception={'type': _type_name(et), 'message': message[:2000]})
        finally:
            _busy[0] = False
    return ((_EV.LINE, on_line), (_EV.PY_START, on_start), (_EV.PY_RETURN, on_return),
            (_EV.PY_YIELD, on_yield), (_EV.RAISE, on_raise), (_EV.JUMP, on_jump))

def _trace_start(T):
    for tool in (3, 4):
        if _mon.get_tool(tool) is None:
            break
    else:
        raise RuntimeError('no sys.monitoring tool id is free')
    _mon.use_tool_id(tool, 'lantern-visualiser')
    T['tool'] = tool
    for event, callback in _trace_callbacks(T):
        _mon.register_callback(tool, event, callback)
    for code in T['codes']:
        _mon.set_local_events(tool, code, _TRACE_LOCAL_EVENTS)
    _mon.set_events(tool, _EV.RAISE)

def _trace_stop(T):
    tool = T.get('tool')
    if tool is None:
        return
    T['tool'] = None
    # The program cannot reach the real sys.monitoring (it sees a stand-in from before its first
    # line), but should the tool be gone anyway, the run still ends with its trace.
    if _mon.get_tool(tool) != 'lantern-visualiser':
        return
    try:
        _mon.set_events(tool, 0)
        for code in T['codes']:
            _mon.set_local_events(tool, code, 0)
        for event, _callback in _trace_callbacks(T):
            _mon.register_callback(tool, event, None)
    finally:
        _mon.free_tool_id(tool)

# Only sys.monitoring.register_callback is an audit event: a program could switch the recorder's
# events off (set_events) or free its tool id. While it is recorded, it sees this instead; the
# harness puts the real one back with the rest of sys after the run.
_MONITORING_STANDIN = _ModuleType('sys.monitoring', 'sys.monitoring is not available while Lantern visualises a program.')
def _hide_monitoring():
    sys.monitoring = _MONITORING_STANDIN

def _trace_data(T, language):
    data = {'language': language, 'maxSteps': T['max'], 'steps': T['steps']}
    if T['stopped']:
        data['stopped'] = T['stopped']
    if T['test'] is not None:
        data['test'] = T['test']
    return data

def _trace_program(path, code, T):
    main = _modules.get('__main__')
    tee, tee_type, count = _make_tee(sys.stdout)
    def out():
        # The counter is reachable (sys.stdout.write.__globals__): a number the host cannot
        # carry (a huge int crosses as a BigInt) would lose the whole run.
        c = count[0]
        return c if type(c) is int and 0 <= c <= _MAX_SAFE_INT else 0
    T['out'] = out
    sys.stdout = tee
    _hide_monitoring()
    T['active'] = True
    try:
        _exec_module('__main__', path, code, main=True)
        return {'status': 'pass'}
    except BaseException as exc:
        if T['stopped']:
            return {'status': 'pass'}
        return _program_outcome(exc)
    finally:
        T['active'] = False
        _modules['__main__'] = main
        try:
            sys.stdout.flush()
        except BaseException:
            pass

def _trace_test(module, path, code, tests_source, test_name, T):
    def out():
        s = sys.stdout
        return _sio_tell(s) if type(s) is io.StringIO else 0
    T['out'] = out
    # Loaded exactly as a Check loads them (running.py), so a test that passes in a Check
    # passes when visualised. The stand-in first: the module's top level could otherwise keep
    # the real sys.monitoring and switch the recorder off (or free its tool) from the test.
    _hide_monitoring()
    namespace, stopped = _load_check(module, path, code, tests_source)
    if stopped is not None:
        return stopped
    chosen = [test for test in _collect(namespace) if test[0] == test_name]
    if not chosen:
        return {'status': 'error', 'message': 'There is no test named ' + test_name + '.'}
    _hide_monitoring()
    T['active'] = True
    try:
        result = _run_one(chosen[0])
    finally:
        T['active'] = False
    if result['status'] == 'interrupted' and not T['stopped']:
        return {'status': 'interrupted'}
    if T['stopped']:
        return {'status': 'pass', 'tests': []}
    status = result['status']
    return {'status': status, 'tests': [result], **({'message': result['message']} if 'message' in result else {})}

def _trace_run(mode, module, path, source, tests_source, options):
    opts = _json_loads(options)
    test = opts.get('test') if mode == 'check' else None
    limit = opts.get('maxSteps')
    T = {'codes': set(), 'module_code': None, 'active': False, 'stopped': None, 'steps': [], 'chars': 0,
         'max': min(limit, TRACE_MAX_STEPS) if type(limit) is int and limit > 0 else TRACE_MAX_STEPS,
         'frame_ids': {}, 'frames': [], 'obj_ids': {}, 'objs': [], 'out': lambda: 0, 'test': test, 'tool': None, 'values': 0,
         'same_line_jumps': {}, 'lined': False, 'kept': 0}
    language = 'python'
    try:
        code = compile(source, path, 'exec', dont_inherit=True)
    except BaseException as exc:
        return {'status': 'error', 'error': _learner_error(exc), 'trace': _trace_data(T, language)}
    T['module_code'] = code
    _trace_codes(code, T['codes'])
    _trace_start(T)
    try:
        if test is None:
            outcome = _trace_program(path, code, T)
        else:
            outcome = _trace_test(module, path, code, tests_source, test, T)
    finally:
        _trace_stop(T)
    outcome['trace'] = _trace_data(T, language)
    T.clear()
    return outcome
