/**
 * The Python side of the harness, run once per interpreter before any untrusted code. Its last
 * expression is the `run` function the host calls for every request; `run` returns plain dicts,
 * lists and strings, which the host converts to a RunResult.
 *
 * How results stay honest (see also shared/runner/python/index.ts):
 * - Results are the return value of `run`, handed to JavaScript by Pyodide's C-level conversion.
 *   Nothing is parsed from stdout, so printed "fake result lines" are just output.
 * - The harness is unreachable from learner code: its globals are a private dict (not a module in
 *   sys.modules), its builtins a private copy, and an audit hook refuses frame access
 *   (sys._getframe, tb_frame, gi_frame...), gc.get_objects/referrers, settrace/setprofile,
 *   sys.monitoring, new audit hooks, ctypes, the JavaScript bridge (js, pyodide*) and process
 *   creation to any caller whose code is not the harness's own. The hook decides by the calling
 *   frame's code object, not by a flag, so a __del__ or signal handler firing while the harness
 *   runs is still refused.
 * - Each test instance gets the original unittest.TestCase methods pinned as instance attributes,
 *   so `unittest.TestCase.assertEqual = lambda *a: None` does not reach the test. After loading
 *   and after every test the unittest classes and modules are compared with a snapshot taken at
 *   start-up: any change is restored and reported as tampering, and the run cannot pass.
 *   Assigning __code__/__defaults__ of functions other than the learner's own is refused.
 * - sys.exit, SystemExit, KeyboardInterrupt and any BaseException end a test as an error; a skip
 *   raised while running is an error too. Only a test that returns normally passes, and a check
 *   passes only when every collected test did.
 * - builtins, sys and every module loaded at start-up are restored after each run.
 */
import { TEST_OUTPUT_LIMIT, TEST_OUTPUT_NOTICE } from '../output.ts';

/** The modules the harness imports first (the Python snapshot has them loaded: boot.ts). */
export const HARNESS_IMPORTS =
  'sys, builtins, types, ast, io, operator, os, signal, unittest, unittest.case, unittest.util';

export const HARNESS_SOURCE = String.raw`
import ${HARNESS_IMPORTS}

WORKDIR = '/lantern'
MAX_REPR = 2000
MAX_TEST_OUTPUT = ${TEST_OUTPUT_LIMIT}
RECURSION_LIMIT = 1000
MAX_RECURSION_LIMIT = 3000

_modules = sys.modules
_getframe = sys._getframe
_setrecursionlimit = sys.setrecursionlimit
_type_name = type.__dict__['__name__'].__get__
_tb_get = BaseException.__dict__['__traceback__'].__get__
_args_get = BaseException.__dict__['args'].__get__
_syntax_fields = {k: SyntaxError.__dict__[k].__get__ for k in ('msg', 'filename', 'lineno', 'offset', 'text')}
_sio_getvalue = io.StringIO.getvalue
_MethodType = types.MethodType
_FunctionType = types.FunctionType
_ModuleType = types.ModuleType
_TestCase = unittest.TestCase
_SkipTest = unittest.SkipTest
_default_int_handler = signal.default_int_handler
_signal = signal.signal
_SIGINT = signal.SIGINT
_listdir, _remove, _rmdir, _mkdir, _chdir = os.listdir, os.remove, os.rmdir, os.mkdir, os.chdir
_isdir = os.path.isdir
_environ = os.environ
_ast_parse, _ast_fix = ast.parse, ast.fix_missing_locations

class _Refused(RuntimeError):
    pass
_Refused.__module__ = 'builtins'
_Refused.__name__ = _Refused.__qualname__ = 'RuntimeError'

BLOCKED_MODULES = ('js', 'pyodide', 'pyodide_js', '_pyodide', '_pyodide_core', 'micropip', 'ctypes', '_ctypes')
ALWAYS_REFUSED = frozenset({
    'sys._getframe', 'sys._current_frames', 'sys._current_exceptions', 'sys.settrace', 'sys.setprofile',
    'gc.get_objects', 'gc.get_referrers', 'gc.get_referents', 'sys.addaudithook', 'sys.remote_exec',
    'os.system', 'os.exec', 'os.posix_spawn', 'os.spawn', 'os.fork', 'os.forkpty', 'os.kill', 'os.killpg',
    'subprocess.Popen', 'pty.spawn', 'function.__new__',
})
FRAME_ATTRS = frozenset({'tb_frame', 'gi_frame', 'cr_frame', 'ag_frame'})
FUNCTION_GUTS = frozenset({'__code__', '__defaults__', '__kwdefaults__', '__globals__', '__class__'})

_harness_codes = set()
_busy = [False]
_state = {'learner_files': frozenset(), 'learner_modules': frozenset(), 'keep': {}}

def _caller_is_harness():
    _busy[0] = True
    try:
        code = _getframe(2).f_code
        return code in _harness_codes
    finally:
        _busy[0] = False

def _blocked_module(name):
    head = name.partition('.')[0]
    return head in BLOCKED_MODULES or 'pyodide' in head

def _audit(event, args):
    if _busy[0]:
        return
    if event in ALWAYS_REFUSED or event.startswith('sys.monitoring') or event.startswith('ctypes.'):
        if not _caller_is_harness():
            raise _Refused(event + '() is not available in Lantern: programs here cannot inspect or control the runner.')
    elif event == 'import':
        if type(args[0]) is str and _blocked_module(args[0]) and not _caller_is_harness():
            raise ModuleNotFoundError("No module named '" + args[0] + "' (not available in Lantern)")
    elif event == 'object.__getattr__':
        if args[1] in FRAME_ATTRS and not _caller_is_harness():
            raise _Refused('.' + args[1] + ' is not available in Lantern: programs here cannot inspect the runner.')
    elif event == 'object.__setattr__' or event == 'object.__delattr__':
        target = args[0]
        if args[1] in FUNCTION_GUTS and not _learner_owned(target) and not _caller_is_harness():
            raise _Refused('Changing ' + args[1] + ' of ' + _type_name(type(target)) + ' objects is not allowed in Lantern.')

def _learner_owned(obj):
    t = type(obj)
    if t is not _FunctionType:
        return False
    _busy[0] = True
    try:
        return _FunctionType.__dict__['__code__'].__get__(obj).co_filename in _state['learner_files']
    finally:
        _busy[0] = False

# --- state snapshots -------------------------------------------------------------------------

def _protected_classes():
    seen = []
    for mod in (unittest.case, unittest.util, unittest):
        for value in list(mod.__dict__.values()):
            if type(value) is type and value not in seen and value.__module__.startswith('unittest'):
                seen.append(value)
    return seen

_PROTECTED_CLASSES = _protected_classes()
# A namespace is unchanged when it holds the same key and value objects in the same order.
# Comparing them pairwise in C (map over operator.is_) instead of a Python loop over every entry
# keeps the check after each test cheap. Not id(): every id() call is an audit event.
_len, _all, _map, _is = len, all, map, operator.is_
def _unchanged(live, saved):
    return (_len(live) == _len(saved) and _all(_map(_is, live, saved))
            and _all(_map(_is, live.values(), saved.values())))

_class_snapshot = [(cls, dict(cls.__dict__), cls.__mro__) for cls in _PROTECTED_CLASSES]
_PINNED = [(k, v) for k, v in _TestCase.__dict__.items()
           if type(v) is _FunctionType and not k.startswith('__')]
_PINNED_DATA = [(k, v) for k, v in _TestCase.__dict__.items()
                if k in ('failureException', 'longMessage', 'maxDiff', '_diffThreshold')]
EQUALITY = ('assertEqual', 'assertAlmostEqual', 'assertCountEqual', 'assertListEqual', 'assertTupleEqual',
            'assertDictEqual', 'assertSetEqual', 'assertSequenceEqual', 'assertMultiLineEqual')
_EQUALITY_CODES = {_TestCase.__dict__[name].__code__: name for name in EQUALITY}

def _snapshot_modules():
    return [(name, mod, mod.__dict__, dict(mod.__dict__)) for name, mod in list(_modules.items())
            if type(mod) is _ModuleType and not _blocked_module(name)]

def _judge_modules():
    names = {'builtins', 'sys'}
    for name, mod in list(_modules.items()):
        if type(name) is str and name.startswith('unittest') and type(mod) is _ModuleType:
            names.add(name)
            for value in list(mod.__dict__.values()):
                if type(value) is _ModuleType:
                    names.add(value.__name__)
    return frozenset(names)

def _hide_bridge():
    for name in list(_modules):
        if _blocked_module(name):
            del _modules[name]

def _changed_classes():
    changed = []
    for cls, saved, mro in _class_snapshot:
        now = cls.__dict__
        if cls.__mro__ is not mro or not _unchanged(now, saved):
            changed.append(cls)
            for k in [k for k in now if k not in saved]:
                type.__delattr__(cls, k)
            for k, v in saved.items():
                if now.get(k, _Refused) is not v:
                    type.__setattr__(cls, k, v)
    return changed

def _restore_modules(everything):
    baseline = _state['modules']
    judges = _state['judges']
    names = _state['module_names']
    for name in [n for n in list(_modules) if type(n) is not str or n not in names]:
        del _modules[name]
    # The learner's module stays imported while its tests load and run: importing it again
    # would run its top-level code (prints, input()) a second time.
    for name, mod in _state['keep'].items():
        _modules[name] = mod
    changed = []
    for name, mod, live, saved in baseline:
        if _modules.get(name) is not mod:
            _modules[name] = mod
            changed.append(name)
        if (everything or name in judges) and not _unchanged(live, saved):
            if name.startswith('unittest'):
                changed.append(name)
            live.clear()
            live.update(saved)
    return changed

def _restore(between_tests=False):
    """Puts the interpreter back as it was at start-up; returns the testing tools found changed.

    Between two tests only the modules that judge a result (builtins, sys, unittest and what it
    imports) are compared entry by entry: a full sweep of every module costs milliseconds per test.
    Everything else is restored before and after the run."""
    _hide_bridge()
    changed = [c.__module__ + '.' + c.__qualname__ for c in _changed_classes()]
    changed += _restore_modules(not between_tests)
    sys.stdout, sys.stderr, sys.stdin = _state['streams']
    if dict(_environ) != _state['environ']:
        _environ.clear()
        _environ.update(_state['environ'])
    sys.path[:] = _state['path']
    sys.meta_path[:] = _state['meta_path']
    sys.path_hooks[:] = _state['path_hooks']
    sys.path_importer_cache.clear()
    _setrecursionlimit(RECURSION_LIMIT)
    try:
        _signal(_SIGINT, _default_int_handler)
    except Exception:
        pass
    try:
        _chdir(WORKDIR)
    except Exception:
        pass
    return changed

def _clear_workdir(path=WORKDIR):
    if not _isdir(path):
        _mkdir(path)
        return
    for name in _listdir(path):
        full = path + '/' + name
        if _isdir(full):
            _clear_workdir(full)
            _rmdir(full)
        else:
            _remove(full)

def _write(path, text):
    with open(path, 'w', encoding='utf-8', errors='replace') as f:
        f.write(text)

# --- errors for beginners --------------------------------------------------------------------

def _plain(value, limit=MAX_REPR):
    if type(value) is not str:
        return None
    return value if len(value) <= limit else value[:limit] + '…'

def _safe_repr(value):
    try:
        return _plain(repr(value)) or '<unprintable value>'
    except BaseException:
        return '<unprintable value>'

def _safe_str(exc):
    try:
        text = str(exc)
    except BaseException:
        return ''
    return _plain(text) or ''

def _column(line_text, byte_offset):
    if byte_offset is None or line_text is None:
        return None
    return len(line_text.encode('utf-8')[:byte_offset].decode('utf-8', 'replace')) + 1

def _frames(exc):
    """(file, line, function, column) for every frame of the traceback in a file we show."""
    files = _state['files']
    found = []
    tb = _tb_get(exc)
    while tb is not None:
        code = tb.tb_frame.f_code
        name = code.co_filename
        if name in files:
            line = tb.tb_lineno
            col = None
            try:
                pos = list(code.co_positions())[tb.tb_lasti // 2]
                if pos[0] == line:
                    col = _column(_source_line(name, line), pos[2])
            except Exception:
                pass
            found.append((name, line, code.co_name, col))
        tb = tb.tb_next
    return found

def _source_line(path, line):
    lines = _state['files'].get(path, (None, []))[1]
    if line is None or line < 1 or line > len(lines):
        return None
    return lines[line - 1]

def _format_frames(frames):
    out = []
    last, repeats = None, 0
    for path, line, func, _col in frames:
        key = (path, line, func)
        if key == last:
            repeats += 1
            if repeats >= 3:
                continue
        else:
            if repeats >= 3:
                out.append('  [Previous line repeated ' + str(repeats - 2) + ' more times]')
            last, repeats = key, 0
        out.append('  File "' + _state['files'][path][0] + '", line ' + str(line) + ', in ' + func)
        text = _source_line(path, line)
        if text is not None and text.strip():
            out.append('    ' + text.strip())
    if repeats >= 3:
        out.append('  [Previous line repeated ' + str(repeats - 2) + ' more times]')
    return out

def _learner_error(exc):
    et = type(exc)
    files = _state['files']
    if issubclass(et, SyntaxError):
        msg = _plain(_syntax_fields['msg'](exc)) or 'invalid syntax'
        path = _syntax_fields['filename'](exc)
        line = _syntax_fields['lineno'](exc)
        offset = _syntax_fields['offset'](exc)
        if type(path) is str and path in files and type(line) is int:
            name = _state['files'][path][0]
            text = _source_line(path, line)
            tb = ['  File "' + name + '", line ' + str(line)]
            if text is not None:
                tb.append('    ' + text.rstrip())
            error = {'type': _type_name(et), 'message': msg, 'file': name, 'line': line,
                     'traceback': '\n'.join(tb + [_type_name(et) + ': ' + msg])}
            if type(offset) is int and offset > 0:
                error['column'] = offset
            return error
        frames = _frames(exc)
    else:
        msg = _safe_str(exc)
        frames = _frames(exc)
    name = _type_name(et)
    if et is KeyError and msg:
        args = _args_get(exc)
        if len(args) == 1:
            msg = _safe_repr(args[0])
    error = {'type': name, 'message': msg}
    learner = [f for f in frames if f[0] in _state['learner_files']]
    where = learner[-1] if learner else (frames[-1] if frames else None)
    if where is not None:
        error['file'] = files[where[0]][0]
        if where[1] is not None:
            error['line'] = where[1]
        if where[3] is not None:
            error['column'] = where[3]
    lines = ['Traceback (most recent call last):'] + _format_frames(frames) if frames else []
    lines.append(name + (': ' + msg if msg else ''))
    error['traceback'] = '\n'.join(lines)
    return error

def _equality_values(exc):
    """expected/actual of a failed unittest equality assertion or a rewritten bare assert."""
    tb = _tb_get(exc)
    while tb is not None:
        frame = tb.tb_frame
        code = frame.f_code
        if code in _EQUALITY_CODES:
            names = code.co_varnames
            local = frame.f_locals
            return _safe_repr(local[names[2]]), _safe_repr(local[names[1]])
        if tb.tb_next is None and code.co_filename == _state['tests_file']:
            local = frame.f_locals
            if '__lantern_expected' in local and '__lantern_actual' in local:
                return _safe_repr(local['__lantern_expected']), _safe_repr(local['__lantern_actual'])
        tb = tb.tb_next
    return None

# Defined in a namespace of its own: a class is findable through __subclasses__(), and its
# methods' __globals__ must not lead to the harness.
_TRANSFORMER_SOURCE = """
class NameEqualities(ast.NodeTransformer):
    depth = 0
    def visit_FunctionDef(self, node):
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1
        return node
    visit_AsyncFunctionDef = visit_FunctionDef
    def visit_Assert(self, node):
        test = node.test
        if self.depth and type(test) is ast.Compare and len(test.ops) == 1 and type(test.ops[0]) is ast.Eq:
            test.left = ast.NamedExpr(target=ast.Name('__lantern_actual', ast.Store()), value=test.left)
            test.comparators = [ast.NamedExpr(target=ast.Name('__lantern_expected', ast.Store()), value=test.comparators[0])]
        return node
"""
def _make_transformer():
    namespace = {'ast': ast, '__name__': 'lantern_asserts',
                 '__builtins__': {'type': type, 'len': len, '__build_class__': builtins.__build_class__}}
    exec(_TRANSFORMER_SOURCE, namespace)
    return namespace['NameEqualities']

_Transformer = _make_transformer()

# Stand-ins for the calls that would take the whole interpreter down with the program (os._exit
# and os.abort end the runtime; an unlimited recursion limit overflows the host's stack). Made in
# a namespace of their own for the same reason as the transformer: learner code can read a
# function's __globals__, and these must not lead to the harness.
_GUARDS_SOURCE = '''
def _exit(status=0):
    raise SystemExit(status)
def abort():
    raise SystemExit('abort() was called')
def setrecursionlimit(limit):
    set_limit(min(limit, MAX_LIMIT) if type(limit) is int else limit)
'''
def _make_guards():
    namespace = {'__name__': 'os', 'set_limit': _setrecursionlimit, 'MAX_LIMIT': MAX_RECURSION_LIMIT,
                 '__builtins__': {'SystemExit': SystemExit, 'min': min, 'type': type, 'int': int}}
    exec(_GUARDS_SOURCE, namespace)
    return namespace

def _install_guards():
    guards = _make_guards()
    for mod in (os, _modules.get('posix')):
        if mod is not None:
            mod._exit = guards['_exit']
            mod.abort = guards['abort']
    sys.setrecursionlimit = guards['setrecursionlimit']

# --- running ---------------------------------------------------------------------------------

def _exec_module(name, path, source, main=False):
    code = compile(source, path, 'exec', dont_inherit=True)
    module = _ModuleType(name)
    module.__file__ = path
    module.__builtins__ = builtins
    _modules[name] = module
    try:
        exec(code, module.__dict__)
    except BaseException:
        if _modules.get(name) is module and not main:
            del _modules[name]
        raise
    return module

def _outcome_of(exc):
    et = type(exc)
    if issubclass(et, KeyboardInterrupt):
        return 'interrupted'
    if issubclass(et, SystemExit):
        return 'exit'
    return 'error'

def _exit_error(exc):
    args = _args_get(exc)
    code = args[0] if len(args) == 1 else (None if not args else args)
    return {'type': 'SystemExit', 'message': 'The program called exit(' + ('' if code is None else _safe_repr(code)) + ').'}

def _run_program(path, source):
    main = _modules.get('__main__')
    try:
        _exec_module('__main__', path, source, main=True)
        return {'status': 'pass'}
    except BaseException as exc:
        kind = _outcome_of(exc)
        if kind == 'interrupted':
            return {'status': 'interrupted'}
        if kind == 'exit':
            args = _args_get(exc)
            if not args or args[0] is None or args[0] == 0:
                return {'status': 'pass'}
            return {'status': 'error', 'error': _exit_error(exc)}
        return {'status': 'error', 'error': _learner_error(exc)}
    finally:
        _modules['__main__'] = main
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except BaseException:
            pass

def _collect(namespace):
    tests = []
    for name, value in list(namespace.items()):
        if type(name) is not str:
            continue
        if isinstance(value, type) and issubclass(value, _TestCase) and value is not _TestCase:
            class_skip = value.__dict__.get('__unittest_skip__', False) is True
            methods = []
            for klass in reversed(value.__mro__):
                for attr, member in list(klass.__dict__.items()):
                    if type(attr) is str and attr.startswith('test') and type(member) is _FunctionType and attr not in methods:
                        methods.append(attr)
            for attr in methods:
                func = getattr(value, attr)
                skip = class_skip or getattr(func, '__unittest_skip__', False) is True
                expect_fail = getattr(func, '__unittest_expecting_failure__', False) is True
                tests.append((_type_name(value) + '.' + attr, value, attr, skip, expect_fail))
        elif type(value) is _FunctionType and name.startswith('test'):
            tests.append((name, None, value, False, False))
    return tests

def _pin(instance):
    d = instance.__dict__
    for k, v in _PINNED:
        d[k] = _MethodType(v, instance)
    for k, v in _PINNED_DATA:
        d[k] = v

def _run_one(test):
    name, cls, target, _skip, expect_fail = test
    capture = io.StringIO()
    sys.stdout = sys.stderr = capture
    outcome, exc = 'pass', None
    try:
        if cls is None:
            target()
        else:
            instance = cls(target)
            _pin(instance)
            try:
                instance.setUp()
                getattr(instance, target)()
            finally:
                try:
                    instance.tearDown()
                finally:
                    instance.doCleanups()
    except BaseException as e:
        exc = e
        et = type(e)
        if issubclass(et, KeyboardInterrupt):
            outcome = 'interrupted'
        elif issubclass(et, AssertionError):
            outcome = 'fail'
        elif issubclass(et, _SkipTest):
            outcome = 'skipped'
        else:
            outcome = 'error'
    finally:
        sys.stdout, sys.stderr, sys.stdin = _state['streams']
    result = {'name': name}
    output = _sio_getvalue(capture)
    if output:
        result['output'] = output if len(output) <= MAX_TEST_OUTPUT else output[:MAX_TEST_OUTPUT] + ${JSON.stringify(TEST_OUTPUT_NOTICE)}
    if outcome == 'interrupted':
        result['status'] = 'interrupted'
    elif expect_fail:
        result['status'] = 'pass' if outcome == 'fail' else 'fail'
        if outcome != 'fail':
            result['message'] = 'This test was expected to fail, but it did not.'
    elif outcome == 'pass':
        result['status'] = 'pass'
    elif outcome == 'fail':
        result['status'] = 'fail'
        message = _safe_str(exc)
        if not message:
            frames = _frames(exc)
            line = _source_line(frames[-1][0], frames[-1][1]) if frames else None
            message = line.strip() if line else 'assertion failed'
        result['message'] = message
        values = _equality_values(exc)
        if values is not None:
            result['expected'], result['actual'] = values
    elif outcome == 'skipped':
        result['status'] = 'error'
        result['message'] = 'The test was skipped while running (' + _safe_str(exc) + '); a skipped test does not count as passed.'
    else:
        error = _exit_error(exc) if issubclass(type(exc), SystemExit) else _learner_error(exc)
        result['status'] = 'error'
        result['message'] = error['type'] + (': ' + error['message'] if error['message'] else '')
        result['error'] = error
    return result

def _tampered(changed):
    return {'type': 'HarnessTampering',
            'message': 'Your code changed the testing tools (' + ', '.join(changed[:5]) + '), so the results cannot be trusted. Remove that code and check again.'}

def _run_check(module, path, source, tests_source):
    tests_path = WORKDIR + '/' + module + '_test.py'
    _state['tests_file'] = tests_path
    _state['files'][tests_path] = (module + '_test.py', tests_source.split('\n'))
    _write(tests_path, tests_source)
    try:
        _state['keep'] = {module: _exec_module(module, path, source)}
    except BaseException as exc:
        kind = _outcome_of(exc)
        if kind == 'interrupted':
            return {'status': 'interrupted'}
        error = _exit_error(exc) if kind == 'exit' else _learner_error(exc)
        return {'status': 'error', 'message': 'Your code stopped with an error before the tests could run.', 'error': error}
    changed = _restore()
    if changed:
        return {'status': 'error', 'message': _tampered(changed)['message'], 'error': _tampered(changed)}
    try:
        tree = _ast_parse(tests_source, tests_path)
        tree = _ast_fix(_Transformer().visit(tree))
        code = compile(tree, tests_path, 'exec', dont_inherit=True)
        namespace = {'__name__': module + '_test', '__file__': tests_path, '__builtins__': builtins}
        exec(code, namespace)
    except BaseException as exc:
        kind = _outcome_of(exc)
        if kind == 'interrupted':
            return {'status': 'interrupted'}
        error = _exit_error(exc) if kind == 'exit' else _learner_error(exc)
        return {'status': 'error', 'message': 'The tests could not be loaded: ' + error['type'] + (': ' + error['message'] if error['message'] else ''), 'error': error}
    changed = _restore()
    if changed:
        return {'status': 'error', 'message': _tampered(changed)['message'], 'error': _tampered(changed)}
    collected = _collect(namespace)
    results = []
    for test in collected:
        if test[3]:
            continue
        result = _run_one(test)
        changed = _restore(between_tests=True)
        if result['status'] == 'interrupted':
            return {'status': 'interrupted', 'tests': results}
        if changed:
            result = {'name': result['name'], 'status': 'error', 'message': _tampered(changed)['message'], 'error': _tampered(changed)}
        results.append(result)
        if changed:
            return {'status': 'error', 'message': result['message'], 'tests': results, 'error': _tampered(changed)}
    if not results:
        return {'status': 'error', 'message': 'No tests were found in the test file.', 'tests': []}
    failed = [r for r in results if r['status'] != 'pass']
    if failed:
        return {'status': 'fail', 'message': str(len(failed)) + ' of ' + str(len(results)) + ' tests did not pass.', 'tests': results}
    return {'status': 'pass', 'message': 'All ' + str(len(results)) + ' tests passed.', 'tests': results}

def run(mode, module, source, tests_source):
    _restore()
    _clear_workdir()
    path = WORKDIR + '/' + module + '.py'
    _state['files'] = {path: (module + '.py', source.split('\n'))}
    _state['learner_files'] = frozenset({path})
    _state['tests_file'] = None
    _state['keep'] = {}
    _write(path, source)
    try:
        if mode == 'check':
            return _run_check(module, path, source, tests_source or '')
        return _run_program(path, source)
    finally:
        _state['keep'] = {}
        _restore()

def _collect_codes(code):
    _harness_codes.add(code)
    for const in code.co_consts:
        if type(const) is type(code):
            _collect_codes(const)

def _setup():
    _clear_workdir()
    _chdir(WORKDIR)
    sys.path[:] = [WORKDIR] + [p for p in sys.path if p not in ('', '/home/pyodide', WORKDIR)]
    _hide_bridge()
    _install_guards()
    # Emscripten sets _ to the host's script path; the learner has no use for it.
    _environ.pop('_', None)
    _state['environ'] = dict(_environ)
    _state['streams'] = (sys.stdout, sys.stderr, sys.stdin)
    _state['path'] = list(sys.path)
    _state['meta_path'] = list(sys.meta_path)
    _state['path_hooks'] = list(sys.path_hooks)
    _state['modules'] = _snapshot_modules()
    _state['module_names'] = frozenset(entry[0] for entry in _state['modules'])
    _state['judges'] = _judge_modules()
    for value in list(globals().values()):
        if type(value) is _FunctionType:
            _collect_codes(value.__code__)

_setup()
sys.addaudithook(_audit)
run
`;
